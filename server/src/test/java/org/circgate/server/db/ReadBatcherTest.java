package org.circgate.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 (23 at 10,000/s): concurrent patron lookups share one statement, without waiting for a batch to fill,
 * never more statements at once than allowed, and a failed statement fails only the lookups it carried.
 */
class ReadBatcherTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final AtomicInteger runnerThreads = new AtomicInteger();
    /** Runs the batches of asynchronous lookups; its threads are recognisable by name. */
    private final ExecutorService runners = Executors.newCachedThreadPool(
            work -> new Thread(work, "runner-" + runnerThreads.incrementAndGet()));

    @AfterEach
    void stop() {
        pool.shutdownNow();
        runners.shutdownNow();
    }

    /** What an asynchronous lookup was answered with, and on which thread. */
    private record Answered(String value, RuntimeException failure, String thread) {
    }

    private static ReadBatcher.Answer<String> into(Map<Integer, Answered> answers, int key, CountDownLatch done) {
        return (value, failure) -> {
            answers.put(key, new Answered(value, failure, Thread.currentThread().getName()));
            done.countDown();
        };
    }

    private static Map<Integer, String> answer(List<Integer> keys) {
        Map<Integer, String> values = new HashMap<>();
        for (int key : keys) {
            if (key >= 0) {
                values.put(key, "v" + key);
            }
        }
        return values;
    }

    @Test
    @DisplayName("a lookup on an idle batcher runs at once, alone; a key the loader does not find is null")
    void idleLookupRunsAlone() {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        ReadBatcher<Integer, String> batcher = new ReadBatcher<>(keys -> {
            batches.add(List.copyOf(keys));
            return answer(keys);
        }, pool, 2, 10);
        assertThat(batcher.get(7)).isEqualTo("v7");
        assertThat(batcher.get(-1)).isNull();
        assertThat(batches).containsExactly(List.of(7), List.of(-1));
    }

    @Test
    @DisplayName("lookups that arrive while a statement runs are answered together by the next one")
    void waitingLookupsShareTheNextStatement() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        ReadBatcher<Integer, String> batcher = new ReadBatcher<>(keys -> {
            batches.add(List.copyOf(keys));
            if (batches.size() == 1) {
                firstStarted.countDown();
                await(releaseFirst);
            }
            return answer(keys);
        }, pool, 1, 100);
        Future<String> first = pool.submit(() -> batcher.get(0));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> later = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            int key = i;
            later.add(pool.submit(() -> batcher.get(key)));
        }
        waitUntil(() -> later.stream().noneMatch(Future::isDone) && queued(batcher) == 5);
        releaseFirst.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("v0");
        for (int i = 0; i < 5; i++) {
            assertThat(later.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("v" + (i + 1));
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    @DisplayName("a runner whose own lookup is done serves one more batch, then hands the next to a waiting caller")
    void runnerServesOneMoreBatchThenHandsOver() throws Exception {
        List<CountDownLatch> started = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));
        List<CountDownLatch> release = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));
        Map<Integer, String> loadedBy = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger batch = new AtomicInteger();
        ReadBatcher<Integer, String> batcher = new ReadBatcher<>(keys -> {
            int n = batch.getAndIncrement();
            keys.forEach(key -> loadedBy.put(key, Thread.currentThread().getName()));
            started.get(n).countDown();
            await(release.get(n));
            return answer(keys);
        }, pool, 1, 10);
        Future<String> a = pool.submit(() -> batcher.get(1));
        assertThat(started.get(0).await(10, TimeUnit.SECONDS)).isTrue();
        Future<String> b = pool.submit(() -> batcher.get(2));
        waitUntil(() -> queued(batcher) == 1);
        release.get(0).countDown();
        assertThat(started.get(1).await(10, TimeUnit.SECONDS)).isTrue();
        Future<String> c = pool.submit(() -> batcher.get(3));
        waitUntil(() -> queued(batcher) == 1);
        assertThat(a.isDone()).as("the runner is serving b's batch before returning its own answer").isFalse();
        release.get(1).countDown();
        assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo("v1");
        assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo("v2");
        assertThat(started.get(2).await(10, TimeUnit.SECONDS)).isTrue();
        release.get(2).countDown();
        assertThat(c.get(10, TimeUnit.SECONDS)).isEqualTo("v3");
        assertThat(loadedBy.get(2)).isEqualTo(loadedBy.get(1));
        assertThat(loadedBy.get(3)).as("c's batch ran on a waiting caller's thread").isNotEqualTo(loadedBy.get(1));
    }

    @Test
    @DisplayName("a failed statement fails each lookup it carried, and the next lookup runs normally")
    void failureFailsItsBatchOnly() {
        AtomicInteger calls = new AtomicInteger();
        ReadBatcher<Integer, String> batcher = new ReadBatcher<>(keys -> {
            if (calls.incrementAndGet() == 1) {
                throw new PersistenceException("database unavailable", null);
            }
            return answer(keys);
        }, pool, 1, 10);
        assertThatThrownBy(() -> batcher.get(1)).isInstanceOf(PersistenceException.class)
                .hasMessage("database unavailable");
        assertThat(batcher.get(2)).isEqualTo("v2");
    }

    @Test
    @DisplayName("under contention: every lookup gets its own value, batches stay within size, statements within the limit")
    void contentionKeepsLimits() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        AtomicInteger largest = new AtomicInteger();
        AtomicInteger statements = new AtomicInteger();
        ReadBatcher<Integer, String> batcher = new ReadBatcher<>(keys -> {
            int now = running.incrementAndGet();
            mostRunning.accumulateAndGet(now, Math::max);
            largest.accumulateAndGet(keys.size(), Math::max);
            statements.incrementAndGet();
            try {
                Thread.sleep(0, 200_000);
                return answer(keys);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }, pool, 3, 5);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int base = t * 1_000;
            workers.add(pool.submit(() -> {
                int wrong = 0;
                for (int i = 0; i < 500; i++) {
                    if (!("v" + (base + i)).equals(batcher.get(base + i))) {
                        wrong++;
                    }
                }
                return wrong;
            }));
        }
        for (Future<Integer> worker : workers) {
            assertThat(worker.get(60, TimeUnit.SECONDS)).isZero();
        }
        assertThat(mostRunning.get()).isLessThanOrEqualTo(3);
        assertThat(largest.get()).isLessThanOrEqualTo(5);
        assertThat(statements.get()).as("lookups shared statements").isLessThan(16 * 500);
    }

    @Test
    @DisplayName("an asynchronous lookup returns at once and is answered on a runner thread, not the caller's")
    void asyncLookupIsAnsweredOnARunner() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ReadBatcher<Integer, String> batcher = new ReadBatcher<>(keys -> {
            await(release);
            return answer(keys);
        }, runners, 2, 10);
        Map<Integer, Answered> answers = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(2);
        batcher.getAsync(5, into(answers, 5, done));
        batcher.getAsync(-1, into(answers, -1, done));
        assertThat(answers).as("the caller did not wait for the statement").isEmpty();
        release.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(answers.get(5).value()).isEqualTo("v5");
        assertThat(answers.get(5).thread()).startsWith("runner-");
        assertThat(answers.get(-1).value()).as("a key the loader does not find").isNull();
        assertThat(answers.get(-1).failure()).isNull();
    }

    @Test
    @DisplayName("a blocked runner done with its own lookup hands an asynchronous one to the runners: none is stranded")
    void blockedRunnerHandsAsyncLookupsToTheRunners() throws Exception {
        List<CountDownLatch> started = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));
        List<CountDownLatch> release = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));
        Map<Integer, String> loadedBy = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger batch = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        ReadBatcher<Integer, String> batcher = new ReadBatcher<>(keys -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            int n = batch.getAndIncrement();
            keys.forEach(key -> loadedBy.put(key, Thread.currentThread().getName()));
            started.get(n).countDown();
            await(release.get(n));
            running.decrementAndGet();
            return answer(keys);
        }, runners, 1, 10);
        Map<Integer, Answered> answers = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(2);
        Future<String> blocked = pool.submit(() -> batcher.get(1));
        assertThat(started.get(0).await(10, TimeUnit.SECONDS)).isTrue();
        batcher.getAsync(2, into(answers, 2, done));
        release.get(0).countDown();
        assertThat(started.get(1).await(10, TimeUnit.SECONDS)).isTrue();
        batcher.getAsync(3, into(answers, 3, done));
        release.get(1).countDown();
        assertThat(blocked.get(10, TimeUnit.SECONDS)).isEqualTo("v1");
        assertThat(started.get(2).await(10, TimeUnit.SECONDS)).isTrue();
        release.get(2).countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(answers.get(2).value()).isEqualTo("v2");
        assertThat(answers.get(2).thread()).as("served by the blocked runner after its own").isEqualTo(
                loadedBy.get(1));
        assertThat(answers.get(3).value()).isEqualTo("v3");
        assertThat(answers.get(3).thread()).as("handed to the runners").startsWith("runner-");
        assertThat(mostRunning.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("asynchronous and blocking lookups under contention: every one answered with its own value, "
            + "statements within the limit")
    void asyncContentionKeepsLimits() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        ReadBatcher<Integer, String> batcher = new ReadBatcher<>(keys -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(0, 200_000);
                return answer(keys);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        }, runners, 2, 8);
        int perThread = 300;
        Map<Integer, Answered> answers = new java.util.concurrent.ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> times = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(8 * perThread);
        List<Future<Integer>> blocking = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int base = t * 1_000;
            boolean async = t % 2 == 0;
            blocking.add(pool.submit(() -> {
                int wrong = 0;
                for (int i = 0; i < perThread; i++) {
                    if (async) {
                        int key = base + i;
                        ReadBatcher.Answer<String> answer = into(answers, key, done);
                        batcher.getAsync(key, (value, failure) -> {
                            times.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                            answer.accept(value, failure);
                        });
                    } else if (!("v" + (base + i)).equals(batcher.get(base + i))) {
                        wrong++;
                    }
                }
                return wrong;
            }));
        }
        for (Future<Integer> worker : blocking) {
            assertThat(worker.get(60, TimeUnit.SECONDS)).isZero();
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).as("every asynchronous lookup answered").isTrue();
        assertThat(answers).hasSize(8 * perThread);
        answers.forEach((key, answered) -> assertThat(answered.value()).isEqualTo("v" + key));
        times.forEach((key, count) -> assertThat(count.get()).as("answers for %d", key).isEqualTo(1));
        assertThat(mostRunning.get()).isLessThanOrEqualTo(2);
        assertThat(queued(batcher)).isZero();
    }

    @Test
    @DisplayName("once the runners are shut down an asynchronous lookup fails at once, on the caller's thread")
    void shutDownRunnersFailAtOnce() throws Exception {
        ReadBatcher<Integer, String> batcher = new ReadBatcher<>(ReadBatcherTest::answer, runners, 1, 10);
        runners.shutdown();
        Map<Integer, Answered> answers = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(1);
        batcher.getAsync(1, into(answers, 1, done));
        assertThat(done.getCount()).isZero();
        assertThat(answers.get(1).failure()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shut down");
        assertThat(answers.get(1).thread()).isEqualTo(Thread.currentThread().getName());
        assertThat(batcher.get(2)).as("a blocking lookup still runs on its own thread").isEqualTo("v2");
    }

    @Test
    @DisplayName("a failed statement fails each asynchronous lookup it carried; a throwing callback spoils no other")
    void asyncFailuresStayWithTheirLookups() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ReadBatcher<Integer, String> batcher = heldAtZero(firstStarted, release, 1);
        Map<Integer, Answered> answers = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch failed = new CountDownLatch(3);
        batcher.getAsync(0, into(answers, 0, failed));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        // Queued behind the running statement, so the next one carries all three.
        batcher.getAsync(1, (value, failure) -> {
            throw new IllegalStateException("a broken caller");
        });
        batcher.getAsync(2, into(answers, 2, failed));
        batcher.getAsync(3, into(answers, 3, failed));
        release.countDown();
        assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(answers.get(0).value()).isEqualTo("v0");
        assertThat(answers.get(2).failure()).isInstanceOf(PersistenceException.class);
        assertThat(answers.get(3).failure()).isSameAs(answers.get(2).failure());
        CountDownLatch next = new CountDownLatch(1);
        batcher.getAsync(4, into(answers, 4, next));
        assertThat(next.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(answers.get(4).value()).isEqualTo("v4");
    }

    @Test
    @DisplayName("an Error in a statement reaches its caller and the runner's place is passed on, not lost")
    void errorDoesNotLoseThePlace() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ReadBatcher<Integer, String> batcher = new ReadBatcher<>(keys -> {
            if (calls.incrementAndGet() == 1) {
                throw new StackOverflowError("deep");
            }
            return answer(keys);
        }, runners, 1, 10);
        assertThatThrownBy(() -> batcher.get(1)).isInstanceOf(StackOverflowError.class);
        assertThat(pool.submit(() -> batcher.get(2)).get(10, TimeUnit.SECONDS)).isEqualTo("v2");
        CountDownLatch done = new CountDownLatch(1);
        Map<Integer, Answered> answers = new java.util.concurrent.ConcurrentHashMap<>();
        batcher.getAsync(3, into(answers, 3, done));
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(answers.get(3).value()).isEqualTo("v3");
    }

    @Test
    @DisplayName("an Error thrown by one asynchronous caller's answer: the rest of its batch and later lookups are "
            + "still answered")
    void errorInAnAnswerSpoilsNoOther() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ReadBatcher<Integer, String> batcher = heldAtZero(firstStarted, release, -100);
        Map<Integer, Answered> answers = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(2);
        batcher.getAsync(0, into(answers, 0, done));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        batcher.getAsync(1, (value, failure) -> {
            throw new StackOverflowError("a broken caller");
        });
        batcher.getAsync(2, into(answers, 2, done));
        release.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(answers.get(2).value()).isEqualTo("v2");
        CountDownLatch later = new CountDownLatch(1);
        batcher.getAsync(3, into(answers, 3, later));
        assertThat(later.await(10, TimeUnit.SECONDS)).as("the place survived the Error").isTrue();
    }

    @Test
    @DisplayName("limits are validated")
    void limitsAreValidated() {
        assertThatThrownBy(() -> new ReadBatcher<Integer, String>(ReadBatcherTest::answer, pool, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadBatcher<Integer, String>(ReadBatcherTest::answer, pool, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * One statement at a time; the statement carrying key 0 waits for {@code release}, so the lookups queued
     * meanwhile go together in the next; a statement carrying {@code failingKey} fails as the database would.
     */
    private ReadBatcher<Integer, String> heldAtZero(CountDownLatch started, CountDownLatch release, int failingKey) {
        return new ReadBatcher<>(keys -> {
            if (keys.contains(0)) {
                started.countDown();
                await(release);
            }
            if (keys.contains(failingKey)) {
                throw new PersistenceException("database unavailable", null);
            }
            return answer(keys);
        }, runners, 1, 10);
    }

    private static int queued(ReadBatcher<?, ?> batcher) {
        return batcher.queued();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
