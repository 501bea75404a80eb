package org.circgate.server.lifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads of the network side: one acceptor loop, I/O loops for the connections, and the bounded workers where
 * everything that blocks (JDBC, password hashing) runs. SIP2 requests go to a shared pool, any free thread taking the
 * next one (a connection's order is kept by its gate, one request at a time). NCIP requests go to a group that pins
 * each connection to one thread, which keeps HTTP's responses in request order.
 */
public final class NettyResources implements AutoCloseable {
    private final EventLoopGroup acceptors;
    private final EventLoopGroup ioLoops;
    private final EventExecutorGroup workers;
    private final ThreadPoolExecutor sip2Workers;
    private final ThreadPoolExecutor sip2LoginWorkers;

    /**
     * @param loginThreads threads for SIP2 logins, each an Argon2 check: as many as may hash at once, so a burst of
     *                     logins queues here instead of filling the workers that serve logged-in kiosks
     */
    public NettyResources(int ioThreads, int workerThreads, int loginThreads) {
        if (ioThreads < 1 || workerThreads < 1 || loginThreads < 1) {
            throw new IllegalArgumentException("thread counts must be positive");
        }
        this.acceptors = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("circgate-accept", true),
                NioIoHandler.newFactory());
        this.ioLoops = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("circgate-io", true),
                NioIoHandler.newFactory());
        this.workers = new DefaultEventExecutorGroup(workerThreads,
                new DefaultThreadFactory("circgate-ncip-worker", true));
        // Unbounded queue, bounded in practice: each SIP2 connection has at most one request here, and
        // sip2.maxConnections bounds the connections.
        this.sip2Workers = new ThreadPoolExecutor(workerThreads, workerThreads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new DefaultThreadFactory("circgate-worker", true));
        this.sip2LoginWorkers = new ThreadPoolExecutor(loginThreads, loginThreads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new DefaultThreadFactory("circgate-login", true));
    }

    /**
     * Exports the SIP2 pools (threads busy, requests waiting for a thread) as {@code executor_*} with {@code name}
     * {@code sip2-workers} and {@code sip2-logins}.
     */
    public void bindMetrics(MeterRegistry registry) {
        new ExecutorServiceMetrics(sip2Workers, "sip2-workers", Tags.empty()).bindTo(registry);
        new ExecutorServiceMetrics(sip2LoginWorkers, "sip2-logins", Tags.empty()).bindTo(registry);
    }

    /** Runs SIP2 logins (93), each an Argon2 check. */
    public Executor sip2LoginWorkers() {
        return sip2LoginWorkers;
    }

    /** Runs SIP2 requests: any connection's on any of the threads. */
    public Executor sip2Workers() {
        return sip2Workers;
    }

    public EventLoopGroup acceptors() {
        return acceptors;
    }

    public EventLoopGroup ioLoops() {
        return ioLoops;
    }

    /** Runs NCIP requests: each connection's on one thread, in order. */
    public EventExecutorGroup workers() {
        return workers;
    }

    /** True when every I/O loop runs a no-op within the deadline (liveness). */
    public boolean loopsAnswer(Duration deadline) {
        List<Future<?>> probes = new ArrayList<>();
        for (EventExecutor loop : ioLoops) {
            probes.add(loop.submit(() -> { }));
        }
        long until = System.nanoTime() + deadline.toNanos();
        for (Future<?> probe : probes) {
            long left = until - System.nanoTime();
            if (left <= 0 || !probe.awaitUninterruptibly(left, TimeUnit.NANOSECONDS) || !probe.isSuccess()) {
                return false;
            }
        }
        return true;
    }

    /** Stops the loops; by now listeners are closed and connections drained, so the quiet period is short. */
    public void shutdown(Duration timeout) {
        long millis = Math.max(100, timeout.toMillis());
        Future<?> a = acceptors.shutdownGracefully(0, millis, TimeUnit.MILLISECONDS);
        Future<?> b = ioLoops.shutdownGracefully(0, millis, TimeUnit.MILLISECONDS);
        Future<?> c = workers.shutdownGracefully(0, millis, TimeUnit.MILLISECONDS);
        sip2Workers.shutdown();
        sip2LoginWorkers.shutdown();
        a.awaitUninterruptibly(millis);
        b.awaitUninterruptibly(millis);
        c.awaitUninterruptibly(millis);
        stop(sip2Workers, millis);
        stop(sip2LoginWorkers, millis);
    }

    private static void stop(ThreadPoolExecutor pool, long millis) {
        try {
            if (!pool.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(5));
    }
}
