package org.circgate.server.db;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers many concurrent lookups with one database statement (the patron lookups), or carries out many concurrent
 * requests in one transaction (the SIP2 checkouts and checkins of {@code SharedTransactions}). A caller that finds
 * fewer than {@code maxConcurrentBatches} batches running runs one itself, taking every lookup queued so far (its own
 * included, up to {@code maxBatchSize}); the others wait. Nothing waits for a batch to fill: an idle database gets
 * each lookup at once, a busy one gets the lookups that queued while it was busy. So the round trips, which cost the
 * database far more than the rows, are shared without adding latency.
 *
 * <p>A runner whose own lookup is done serves one more batch, then hands the next to the oldest waiter, so no
 * caller's answer waits behind a stream of other callers' batches. Lookups run on the caller's thread (a worker,
 * never an event loop); a failed batch fails each lookup in it with the same exception.
 *
 * <p>{@link #getAsync} is for a caller that must not block (an event loop): its lookup is queued like the others and
 * its answer is handed to a callback on the thread that ran the batch. Batches nobody is blocked in are run on the
 * {@code runners} executor, under the same limit on concurrent batches.
 *
 * @param <K> what is looked up
 * @param <V> what a lookup finds; a key missing from the loader's map finds {@code null}
 */
public final class ReadBatcher<K, V> {
    /** Reads the values of a batch of keys in as few statements as it can. */
    @FunctionalInterface
    public interface Loader<K, V> {
        Map<K, V> load(List<K> keys);
    }

    /**
     * Batches a runner serves after its own lookup is done, before it hands over. Handing over wakes a parked
     * thread, and on a small VM the database sits idle meanwhile: one more batch first gave 23 about 5 % more
     * throughput in alternating runs (9,484-10,545/s against 9,202-10,042/s); three more made the runner's own
     * answer wait too long (9,161 and 9,265/s).
     */
    private static final int BATCHES_AFTER_OWN = 1;

    /** What a lookup found (null if nothing), or why the batch failed; runs on the thread that ran the batch. */
    @FunctionalInterface
    public interface Answer<V> {
        void accept(V value, RuntimeException failure);
    }

    private static final Logger log = LoggerFactory.getLogger(ReadBatcher.class);

    private final Loader<K, V> loader;
    private final Executor runners;
    private final int maxConcurrentBatches;
    private final int maxBatchSize;
    private final int batchesAfterOwn;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Lookup<K, V>> queue = new ArrayDeque<>();
    private int running;

    /** {@code runners} runs the batches of {@link #getAsync} lookups; it must allow blocking. */
    public ReadBatcher(Loader<K, V> loader, Executor runners, int maxConcurrentBatches, int maxBatchSize) {
        this(loader, runners, maxConcurrentBatches, maxBatchSize, BATCHES_AFTER_OWN);
    }

    /**
     * @param batchesAfterOwn batches a runner serves after its own lookup is done, before it hands over (0: at
     *                        once, for batches that take long enough that the runner's own answer should not wait)
     */
    public ReadBatcher(Loader<K, V> loader, Executor runners, int maxConcurrentBatches, int maxBatchSize,
            int batchesAfterOwn) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.runners = Objects.requireNonNull(runners, "runners");
        if (maxConcurrentBatches < 1) {
            throw new IllegalArgumentException("maxConcurrentBatches must be at least 1: " + maxConcurrentBatches);
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1: " + maxBatchSize);
        }
        this.maxConcurrentBatches = maxConcurrentBatches;
        this.maxBatchSize = maxBatchSize;
        if (batchesAfterOwn < 0) {
            throw new IllegalArgumentException("batchesAfterOwn must not be negative: " + batchesAfterOwn);
        }
        this.batchesAfterOwn = batchesAfterOwn;
    }

    /** The value of {@code key} (null if the loader found none), read together with whatever else is waiting. */
    public V get(K key) {
        Lookup<K, V> mine = new Lookup<>(key, lock.newCondition(), null);
        boolean runner = enqueue(mine);
        while (true) {
            if (runner) {
                runBatches(mine);
                runner = false;
            }
            lock.lock();
            try {
                while (!mine.done && !mine.promoted) {
                    mine.signal.awaitUninterruptibly();
                }
                if (!mine.promoted) {
                    break;
                }
                // Made a runner; even if another runner has answered this lookup meanwhile, the place must be
                // passed on or given back, so run (runBatches returns at once when there is nothing to do).
                mine.promoted = false;
                runner = true;
            } finally {
                lock.unlock();
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.value;
    }

    /**
     * Queues a lookup of {@code key} and returns at once; {@code then} gets the value (or the failure) on the thread
     * that ran the batch, so it must not block. A lookup that cannot be queued (the runners have been shut down) is
     * failed on the caller's thread.
     */
    public void getAsync(K key, Answer<V> then) {
        if (enqueue(new Lookup<>(key, null, Objects.requireNonNull(then, "then")))) {
            startRunner();
        }
    }

    /** Queues a lookup; true when a runner's place was free and the caller now holds it. */
    private boolean enqueue(Lookup<K, V> lookup) {
        lock.lock();
        try {
            queue.addLast(lookup);
            boolean placeFree = running < maxConcurrentBatches;
            if (placeFree) {
                running++;
            }
            return placeFree;
        } finally {
            lock.unlock();
        }
    }

    /** Runs queued batches on the executor until the queue is empty; the caller has taken a place in running. */
    private void startRunner() {
        try {
            runners.execute(() -> runBatches(null));
        } catch (RejectedExecutionException e) {
            List<Lookup<K, V>> stranded;
            lock.lock();
            try {
                running--;
                // Only lookups no runner can reach any more are failed: with another batch running, it serves them.
                stranded = running == 0 ? drain() : List.of();
            } finally {
                lock.unlock();
            }
            finish(stranded, null, new IllegalStateException("batch runners are shut down", e));
        }
    }

    /** Lookups waiting for a statement (tests). */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs batches until nothing is queued, or this caller's lookup is done (or in another runner's batch) and it
     * has served {@code batchesAfterOwn} more; an executor runner ({@code mine} null) runs until nothing is queued.
     * Then passes the place on.
     */
    private void runBatches(Lookup<K, V> mine) {
        int extra = 0; // batches served after this caller's own lookup was done
        boolean placeHeld = true;
        try {
            while (true) {
                List<Lookup<K, V>> batch;
                lock.lock();
                try {
                    boolean handOff = queue.isEmpty() || mine != null
                            && (mine.done || !queue.contains(mine)) && extra++ >= batchesAfterOwn;
                    batch = handOff ? null : take();
                } finally {
                    lock.unlock();
                }
                if (batch == null) {
                    placeHeld = false;
                    passPlace();
                    return;
                }
                complete(batch);
            }
        } finally {
            if (placeHeld) {
                passPlace(); // an Error: the place must not be lost with this thread's run
            }
        }
    }

    /**
     * Passes a runner's place on: to the first blocked caller not yet made a runner, to an executor runner when an
     * asynchronous lookup comes first (nobody blocks for it), or back when nothing is queued.
     */
    private void passPlace() {
        boolean startRunner = false;
        lock.lock();
        try {
            boolean passed = false;
            for (Lookup<K, V> waiting : queue) {
                if (waiting.signal == null) {
                    startRunner = true;
                    passed = true;
                    break;
                }
                if (!waiting.promoted) { // a caller already promoted holds a place of its own
                    waiting.promoted = true;
                    waiting.signal.signal();
                    passed = true;
                    break;
                }
            }
            if (!passed) {
                running--;
            }
        } finally {
            lock.unlock();
        }
        if (startRunner) {
            startRunner();
        }
    }

    /** The next batch from the head of the queue; call with the lock held. */
    private List<Lookup<K, V>> take() {
        List<Lookup<K, V>> batch = new ArrayList<>(Math.min(queue.size(), maxBatchSize));
        while (batch.size() < maxBatchSize && !queue.isEmpty()) {
            batch.add(queue.pollFirst());
        }
        return batch;
    }

    /** Everything queued; call with the lock held. */
    private List<Lookup<K, V>> drain() {
        List<Lookup<K, V>> all = new ArrayList<>(queue);
        queue.clear();
        return all;
    }

    private void complete(List<Lookup<K, V>> batch) {
        Map<K, V> values = null;
        RuntimeException failure = null;
        try {
            List<K> keys = new ArrayList<>(batch.size());
            for (Lookup<K, V> lookup : batch) {
                keys.add(lookup.key);
            }
            values = loader.load(keys);
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("batched read failed", e);
            throw e;
        } finally {
            finish(batch, values, values != null ? null
                    : failure != null ? failure : new IllegalStateException("batched read failed"));
        }
    }

    /** Wakes the blocked callers of a batch, then answers its asynchronous ones outside the lock. */
    private void finish(List<Lookup<K, V>> batch, Map<K, V> values, RuntimeException failure) {
        boolean anyAsync = false;
        lock.lock();
        try {
            for (Lookup<K, V> lookup : batch) {
                if (values != null) {
                    lookup.value = values.get(lookup.key);
                } else {
                    lookup.failure = failure;
                }
                lookup.done = true;
                if (lookup.signal != null) {
                    lookup.signal.signal();
                } else {
                    anyAsync = true;
                }
            }
        } finally {
            lock.unlock();
        }
        if (!anyAsync) {
            return;
        }
        Error fatal = null;
        for (Lookup<K, V> lookup : batch) {
            if (lookup.callback != null) {
                try {
                    lookup.callback.accept(lookup.value, lookup.failure);
                } catch (RuntimeException e) {
                    // One caller's broken answer must not keep the rest of the batch from theirs.
                    log.error("Answering a batched lookup failed", e);
                } catch (Error e) {
                    fatal = fatal == null ? e : fatal;
                }
            }
        }
        if (fatal != null) {
            throw fatal;
        }
    }

    private static final class Lookup<K, V> {
        final K key;
        final Condition signal; // null for an asynchronous lookup
        final Answer<V> callback; // null for a blocked caller
        V value;
        RuntimeException failure;
        boolean done;
        boolean promoted;

        Lookup(K key, Condition signal, Answer<V> callback) {
            this.key = key;
            this.signal = signal;
            this.callback = callback;
        }
    }
}
