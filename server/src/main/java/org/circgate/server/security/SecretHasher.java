package org.circgate.server.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Slow salted hashing for terminal passwords and patron PINs (Argon2id, PHC string format, from password4j).
 * Hashing and checking cost tens of milliseconds by design: call them on a worker thread, never on an event loop.
 *
 * <p>Each hash holds its whole Argon2 memory (19 MiB by default, as thousands of 1 KiB arrays) on the heap while it
 * runs, so at most {@code maxConcurrent} run at once and the rest wait their turn in arrival order. Without that
 * bound a burst of kiosk logins ran one hash per worker thread: over 600 MiB live at once on 32 workers, enough
 * to survive young collections, be promoted, and stall the server for 100 ms and more in the collections after.
 * More hashes at once than CPUs would not finish sooner anyway. A turn that does not come within {@code maxWait}
 * fails the request ({@link HashCapacityException}) instead of holding its worker and its kiosk indefinitely.
 */
public final class SecretHasher {
    /** The wait for a turn of {@link #DEFAULT}: the default of {@code security.hashWaitSeconds}. */
    private static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);
    /** OWASP's Argon2id baseline: 19 MiB, 2 iterations, 1 lane; one hash at a time per CPU. */
    public static final SecretHasher DEFAULT = new SecretHasher(19 * 1024, 2, 1,
            Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_WAIT);

    private final Argon2Function function;
    private final int maxConcurrent;
    private final Semaphore permits;
    private final Duration maxWait;

    public SecretHasher(int memoryKib, int iterations, int parallelism, int maxConcurrent, Duration maxWait) {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("invalid Argon2 parameters");
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
        }
        if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("maxWait must be positive: " + maxWait);
        }
        this.maxWait = maxWait;
        this.function = Argon2Function.getInstance(memoryKib, iterations, parallelism, 32, Argon2.ID);
        this.maxConcurrent = maxConcurrent;
        this.permits = new Semaphore(maxConcurrent, true);
    }

    /** The default Argon2 parameters with other bounds on hashes at once and on the wait for a turn. */
    public static SecretHasher withLimits(int maxConcurrent, Duration maxWait) {
        return new SecretHasher(19 * 1024, 2, 1, maxConcurrent, maxWait);
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** A self-describing hash ({@code $argon2id$v=19$m=...}) with a fresh random salt. */
    public String hash(CharSequence secret) {
        Objects.requireNonNull(secret, "secret");
        acquire();
        try {
            return Password.hash(secret).addRandomSalt(16).with(function).getResult();
        } finally {
            permits.release();
        }
    }

    /** True when {@code secret} matches {@code hash}; a missing or malformed hash never matches. */
    public boolean matches(CharSequence secret, String hash) {
        if (secret == null || hash == null || !hash.startsWith("$argon2")) {
            return false;
        }
        Argon2Function stored;
        try {
            stored = Argon2Function.getInstanceFromHash(hash);
        } catch (RuntimeException e) {
            return false;
        }
        acquire();
        try {
            return Password.check(secret, hash).with(stored);
        } catch (RuntimeException e) {
            return false;
        } finally {
            permits.release();
        }
    }

    /**
     * Waits for a turn, at most {@code maxWait}. Neither running out of time nor an interrupt (shutdown) answers
     * "no match", which a PIN check would count as a wrong PIN: both fail the request.
     */
    private void acquire() {
        try {
            if (!permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new HashCapacityException(maxWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a secret", e);
        }
    }

    /** For tests: the permits, to hold them all and see a hash wait. */
    Semaphore permits() {
        return permits;
    }

    @Override
    public String toString() {
        return "SecretHasher[argon2id, maxConcurrent=" + maxConcurrent + ", maxWait=" + maxWait + "]";
    }
}
