package org.circgate.server.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Liveness and readiness. Live: the process and its event loops answer (no database). Ready: the database answers
 * within the deadline, every listener is bound, and no drain is in progress.
 */
public final class Health implements AutoCloseable {
    /** A check's verdict and, when not OK, the reasons in words. */
    public record Status(boolean ok, List<String> problems) {
        public Status {
            problems = List.copyOf(problems);
        }
    }

    private final BooleanSupplier databaseAnswers;
    private final BooleanSupplier eventLoopsAnswer;
    private final Duration deadline;
    private final AtomicBoolean listenersBound = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ExecutorService probes = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "health-probe");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Boolean> databaseProbe;
    private Boolean lastDatabaseResult;
    private long probeStarted;

    public Health(BooleanSupplier databaseAnswers, BooleanSupplier eventLoopsAnswer, Duration deadline) {
        this.databaseAnswers = Objects.requireNonNull(databaseAnswers, "databaseAnswers");
        this.eventLoopsAnswer = Objects.requireNonNull(eventLoopsAnswer, "eventLoopsAnswer");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    public void listenersBound(boolean bound) {
        listenersBound.set(bound);
    }

    public void draining(boolean value) {
        draining.set(value);
    }

    public boolean isDraining() {
        return draining.get();
    }

    public Status live() {
        return eventLoopsAnswer.getAsBoolean() ? new Status(true, List.of())
                : new Status(false, List.of("event loops do not answer"));
    }

    public Status ready() {
        List<String> problems = new ArrayList<>();
        if (draining.get()) {
            problems.add("draining");
        }
        if (!listenersBound.get()) {
            problems.add("listeners not bound");
        }
        if (!databaseAnswersInTime()) {
            problems.add("database does not answer within " + deadline.toMillis() + " ms");
        }
        return new Status(problems.isEmpty(), problems);
    }

    /**
     * Cheap readiness for the {@code circgate_ready} gauge: never waits for the database. It answers from the last
     * finished probe and starts the next one, so each scrape sees a result at most one scrape old even when nothing
     * polls {@code /health/ready}.
     */
    public boolean lastKnownReady() {
        boolean database;
        synchronized (this) {
            // A probe still running past the deadline means the database does not answer in time.
            boolean hanging = databaseProbe != null && !databaseProbe.isDone()
                    && System.nanoTime() - probeStarted > deadline.toNanos();
            database = Boolean.TRUE.equals(lastDatabaseResult) && !hanging;
            if (databaseProbe == null || databaseProbe.isDone()) {
                databaseProbe = startProbe();
            }
        }
        return database && listenersBound.get() && !draining.get();
    }

    /** One probe at a time: a hanging database must not pile up probe threads. */
    private boolean databaseAnswersInTime() {
        CompletableFuture<Boolean> probe;
        synchronized (this) {
            if (databaseProbe == null || databaseProbe.isDone()) {
                databaseProbe = startProbe();
            }
            probe = databaseProbe;
        }
        try {
            return probe.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** Called with this object's lock held. */
    private CompletableFuture<Boolean> startProbe() {
        if (probes.isShutdown()) {
            return CompletableFuture.completedFuture(false);
        }
        probeStarted = System.nanoTime();
        CompletableFuture<Boolean> probe = CompletableFuture.supplyAsync(databaseAnswers::getAsBoolean, probes)
                .exceptionally(e -> false);
        probe.thenAccept(answered -> {
            synchronized (this) {
                lastDatabaseResult = answered;
            }
        });
        return probe;
    }

    @Override
    public synchronized void close() {
        probes.shutdownNow();
    }
}
