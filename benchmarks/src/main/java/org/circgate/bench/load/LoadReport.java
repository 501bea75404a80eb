package org.circgate.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The result table of a run: per row the rate, latency percentiles and errors, plus Markdown rows for the README. */
final class LoadReport {
    private final LoadOptions options;
    private final int connections;
    private final String loadBefore;
    private final String loadAfter;
    private final MachineCpu cpuStart;
    private final MachineCpu cpuEnd;
    private final long timeouts;
    private final long lost;
    private final String transport;

    LoadReport(LoadOptions options, int connections, String loadBefore, String loadAfter, MachineCpu cpuStart,
            MachineCpu cpuEnd, long timeouts, long lost, String transport) {
        this.transport = transport;
        this.cpuStart = cpuStart;
        this.cpuEnd = cpuEnd;
        this.options = options;
        this.connections = connections;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
        this.timeouts = timeouts;
        this.lost = lost;
    }

    void print(PrintStream out, LoadStats stats, long[] processStart, long[] processEnd) {
        double seconds = options.duration().toNanos() / 1e9;
        String mode = options.openLoop() ? String.format("open loop at %,.0f operations/s", options.rate())
                : "closed loop";
        out.printf("%nSIP2 load on %s:%d: mix %s, %d connections, %s, %d s warm-up + %d s measured (%s)%n",
                options.host(), options.port(), options.mix(), connections, mode, options.warmup().toSeconds(),
                options.duration().toSeconds(), transport);
        out.printf("load average before %s, after %s; machine CPU while measured: %s%n", loadBefore, loadAfter,
                MachineCpu.between(cpuStart, cpuEnd));
        out.printf("%-6s %12s %11s %9s %9s %9s %9s %9s %6s%n", "op", "count", "rate/s", "p50 ms", "p99 ms",
                "p99.9 ms", "max ms", "errors", "96s");
        for (Step step : Step.values()) {
            LatencyHistogram h = stats.latency[step.ordinal()];
            if (h.count() == 0) {
                continue;
            }
            out.printf("%-6s %,12d %,11.1f %9.3f %9.3f %9.3f %9.3f %,9d %,6d%n", step.label(), h.count(),
                    h.count() / seconds, ms(h.percentile(50)), ms(h.percentile(99)), ms(h.percentile(99.9)),
                    ms(h.max()), stats.errors[step.ordinal()], stats.resends[step.ordinal()]);
        }
        out.printf("timeouts %,d, connections lost %,d%n", timeouts, lost);
        printProcessCpu(out, stats, processStart, processEnd);
        out.println();
        out.println("| mix | row | connections | mode | rate/s | p50 ms | p99 ms | p99.9 ms | errors | 96s | load avg "
                + "| steal |");
        for (Step step : Step.values()) {
            LatencyHistogram h = stats.latency[step.ordinal()];
            if (h.count() == 0) {
                continue;
            }
            out.printf("| %s | %s | %d | %s | %,.0f | %.2f | %.2f | %.2f | %,d | %,d | %s | %s |%n", options.mix(),
                    step.label(), connections, options.openLoop() ? String.format("open %,.0f/s", options.rate())
                            : "closed", h.count() / seconds, ms(h.percentile(50)), ms(h.percentile(99)),
                    ms(h.percentile(99.9)), stats.errors[step.ordinal()], stats.resends[step.ordinal()],
                    loadAfter.split(" ")[0], MachineCpu.stealBetween(cpuStart, cpuEnd));
        }
    }

    /** "CPU per request while measured: generator 61 µs, server 312 µs, mysqld 981 µs (of 21,000 requests)". */
    private void printProcessCpu(PrintStream out, LoadStats stats, long[] start, long[] end) {
        long requests = 0;
        for (Step step : Step.values()) {
            if (!step.composite()) {
                requests += stats.latency[step.ordinal()].count();
            }
        }
        if (start == null || end == null || requests == 0) {
            return;
        }
        StringBuilder line = new StringBuilder("CPU per request while measured:");
        for (int i = 0; i < options.cpuOf().size(); i++) {
            ProcessCpu process = options.cpuOf().get(i);
            line.append(i == 0 ? " " : ", ").append(process.name()).append(' ');
            if (start[i] < 0 || end[i] < 0) {
                line.append("n/a (pid ").append(process.pid()).append(" not readable)");
            } else {
                line.append(String.format("%,.0f µs", (end[i] - start[i]) / 1e3 / requests));
            }
        }
        out.println(line.append(String.format(" (%,d requests; /proc ticks of 10 ms)", requests)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg, or "n/a". */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
