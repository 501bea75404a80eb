package org.circgate.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.netty4.NettyAllocatorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.PooledByteBufAllocator;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The Prometheus registry with the JVM, process and Netty allocator binders, adjusted so every exposed name follows
 * Prometheus conventions (base units, {@code _total} counters) and the pool acquire time is a histogram. The names
 * are listed in docs/metrics.md; MetricsIT reads a real scrape and fails on anything else.
 */
public final class PrometheusRegistry {
    /** Pool acquire-time buckets in nanoseconds (1 ms ... 5 s): kiosks time out after a few seconds. */
    private static final double[] ACQUIRE_BUCKETS_NANOS = {1e6, 5e6, 10e6, 50e6, 100e6, 500e6, 1e9, 5e9};

    private PrometheusRegistry() {
    }

    public static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config()
                // Micrometer's processor binder counts CPU time in nanoseconds (process_cpu_time_ns_total); Prometheus
                // wants seconds, so that meter is replaced by process_cpu_time_seconds_total below.
                .meterFilter(MeterFilter.deny(id -> "process.cpu.time".equals(id.getName())
                        && !"seconds".equals(id.getBaseUnit())))
                .meterFilter(new MeterFilter() {
                    @Override
                    public Meter.Id map(Meter.Id id) {
                        // The Netty allocator gauges carry no unit; they count bytes (..._used_bytes).
                        if (id.getName().startsWith("netty.allocator.memory.") && id.getBaseUnit() == null) {
                            return id.withBaseUnit("bytes");
                        }
                        // A gauge ending in _count reads as half of a histogram; name it for what it counts.
                        if (id.getName().equals("system.cpu.count")) {
                            return id.withName("system.cpu.processors");
                        }
                        return id;
                    }
                })
                // Pool acquire time as a histogram, so dashboards can take quantiles across instances.
                .meterFilter(new MeterFilter() {
                    @Override
                    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                        if (id.getName().equals("hikaricp.connections.acquire")) {
                            return DistributionStatisticConfig.builder()
                                    .serviceLevelObjectives(ACQUIRE_BUCKETS_NANOS).build().merge(config);
                        }
                        return config;
                    }
                });
        return registry;
    }

    /** JVM, process and buffer-allocator meters; the Netty event-loop binder is bound where the loops are made. */
    public static void bindRuntime(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new NettyAllocatorMetrics(PooledByteBufAllocator.DEFAULT).bindTo(registry);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot && hotspot.getProcessCpuTime() >= 0) {
            FunctionCounter.builder("process.cpu.time", hotspot, bean -> bean.getProcessCpuTime() / 1e9)
                    .baseUnit("seconds").description("CPU time used by the process").register(registry);
        }
    }
}
