package org.circgate.server.lifecycle;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Periodic upkeep (purging expired resend records) on a thread of its own. Not on a worker: each worker serves the
 * connections pinned to it one task at a time, so a purge that takes seconds under load held up every kiosk pinned
 * to that worker for as long (measured: 7 s for one checkout, and kiosk timeouts, at 600 checkouts a second).
 */
public final class Housekeeping {
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("circgate-housekeeping", true));

    /**
     * Runs {@code task} every {@code period}, the next run a full period after the previous one ends, so a slow run
     * never queues up more. The task must catch its own failures (an escaping exception ends its schedule).
     */
    public void every(Duration period, Runnable task) {
        Objects.requireNonNull(task, "task");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, got " + period);
        }
        thread.scheduleWithFixedDelay(task, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops the schedule and interrupts a run in progress; waits for it at most {@code timeout}. */
    public void shutdown(Duration timeout) {
        thread.shutdownNow();
        try {
            thread.awaitTermination(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
