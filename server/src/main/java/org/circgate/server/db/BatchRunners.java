package org.circgate.server.db;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run a {@link ReadBatcher}'s batches nobody blocks in: as many as it runs batches at once, named
 * {@code prefix-N}, daemons that go away after 30 s idle.
 */
public final class BatchRunners {
    private BatchRunners() {
    }

    public static ExecutorService create(String prefix, int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), work -> {
                    Thread thread = new Thread(work, prefix + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Stops taking batches and waits up to {@code wait} for a running one (before the pool closes under it). */
    public static void close(ExecutorService runners, Duration wait) {
        runners.shutdown();
        try {
            runners.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
