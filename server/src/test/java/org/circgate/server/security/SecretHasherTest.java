package org.circgate.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Secrets at rest (brief: PINs and passwords hashed, masked everywhere) and the bound on hashes at once that keeps a
 * burst of kiosk logins from holding 19 MiB of heap per worker thread (issue 5: p99 at half the target rates).
 */
class SecretHasherTest {
    /** Small Argon2 memory so the test is quick; the bound does not depend on it. */
    private final SecretHasher hasher = new SecretHasher(64, 1, 1, 1, Duration.ofSeconds(30));
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void hashesMatchOnlyTheirSecret() {
        String hash = hasher.hash("1234");
        assertTrue(hash.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), hash);
        assertTrue(hasher.matches("1234", hash));
        assertFalse(hasher.matches("1235", hash));
        assertFalse(hasher.matches("", hash));
        assertFalse(hasher.matches(null, hash));
        assertFalse(hasher.matches("1234", null));
        assertFalse(hasher.matches("1234", "$argon2id$garbage"));
        assertFalse(hasher.matches("1234", "plaintext"));
    }

    @Test
    void aHashWaitsWhileEveryPermitIsTaken() throws Exception {
        String hash = hasher.hash("1234");
        hasher.permits().acquire();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> hasher.matches("1234", hash), threads);
        awaitQueued();
        assertFalse(waiting.isDone(), "a hash ran without a permit");
        hasher.permits().release();
        assertTrue(waiting.get(10, TimeUnit.SECONDS));
        assertEquals(1, hasher.permits().availablePermits(), "the permit came back");
    }

    @Test
    void interruptedWhileWaitingFailsInsteadOfAnsweringNoMatch() throws Exception {
        String hash = hasher.hash("1234");
        hasher.permits().acquire();
        AtomicReference<Thread> worker = new AtomicReference<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            try {
                return hasher.matches("1234", hash);
            } finally {
                interruptKept.set(Thread.currentThread().isInterrupted());
            }
        }, threads);
        awaitQueued();
        worker.get().interrupt();
        ExecutionException failure = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof IllegalStateException, failure.getCause().toString());
        assertTrue(interruptKept.get());
        hasher.permits().release();
        assertEquals(1, hasher.permits().availablePermits(), "a refused wait takes no permit");
    }

    @Test
    @DisplayName("a turn that does not come within the wait fails the check: no hang, no 'no match', no permit taken")
    void aWaitPastTheLimitFailsInsteadOfHanging() throws Exception {
        SecretHasher bounded = new SecretHasher(64, 1, 1, 1, Duration.ofMillis(200));
        String hash = bounded.hash("1234");
        bounded.permits().acquire();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> bounded.matches("1234", hash),
                threads);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof HashCapacityException, failure.getCause().toString());
        assertThrows(HashCapacityException.class, () -> bounded.hash("5678"));
        bounded.permits().release();
        assertEquals(1, bounded.permits().availablePermits(), "a wait that ran out takes no permit");
        assertTrue(bounded.matches("1234", hash), "with a turn free, the same check succeeds");
    }

    @Test
    void theBoundsAreValidatedAndShown() {
        assertThrows(IllegalArgumentException.class, () -> new SecretHasher(64, 1, 1, 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new SecretHasher(64, 1, 1, 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new SecretHasher(64, 1, 1, 1, null));
        SecretHasher three = SecretHasher.withLimits(3, Duration.ofSeconds(10));
        assertEquals(3, three.maxConcurrent());
        assertEquals("SecretHasher[argon2id, maxConcurrent=3, maxWait=PT10S]", three.toString());
        assertEquals(Runtime.getRuntime().availableProcessors(), SecretHasher.DEFAULT.maxConcurrent());
    }

    private void awaitQueued() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!hasher.permits().hasQueuedThreads()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the hash never waited for a permit");
            }
            Thread.sleep(5);
        }
    }
}
