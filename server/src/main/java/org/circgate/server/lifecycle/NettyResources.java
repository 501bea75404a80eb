package org.circgate.server.lifecycle;

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
import java.util.concurrent.TimeUnit;

/**
 * The threads of the network side: one acceptor loop, I/O loops for the connections, and the bounded worker group
 * where everything that blocks (JDBC, password hashing) runs. Workers keep per-connection order, which SIP2's strict
 * request/response needs.
 */
public final class NettyResources implements AutoCloseable {
    private final EventLoopGroup acceptors;
    private final EventLoopGroup ioLoops;
    private final EventExecutorGroup workers;

    public NettyResources(int ioThreads, int workerThreads) {
        if (ioThreads < 1 || workerThreads < 1) {
            throw new IllegalArgumentException("thread counts must be positive");
        }
        this.acceptors = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("circgate-accept", true),
                NioIoHandler.newFactory());
        this.ioLoops = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("circgate-io", true),
                NioIoHandler.newFactory());
        this.workers = new DefaultEventExecutorGroup(workerThreads, new DefaultThreadFactory("circgate-worker", true));
    }

    public EventLoopGroup acceptors() {
        return acceptors;
    }

    public EventLoopGroup ioLoops() {
        return ioLoops;
    }

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
        a.awaitUninterruptibly(millis);
        b.awaitUninterruptibly(millis);
        c.awaitUninterruptibly(millis);
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(5));
    }
}
