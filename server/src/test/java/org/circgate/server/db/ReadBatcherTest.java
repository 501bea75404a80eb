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

    @AfterEach
    void stop() {
        pool.shutdownNow();
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
        }, 2, 10);
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
        }, 1, 100);
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
        }, 1, 10);
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
        }, 1, 10);
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
        }, 3, 5);
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
    @DisplayName("limits are validated")
    void limitsAreValidated() {
        assertThatThrownBy(() -> new ReadBatcher<Integer, String>(ReadBatcherTest::answer, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadBatcher<Integer, String>(ReadBatcherTest::answer, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
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
