package org.circgate.server.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.Objects;

/**
 * Slow salted hashing for terminal passwords and patron PINs (Argon2id, PHC string format, from password4j).
 * Hashing and checking cost tens of milliseconds by design: call them on a worker thread, never on an event loop.
 */
public final class SecretHasher {
    /** OWASP's Argon2id baseline: 19 MiB, 2 iterations, 1 lane. */
    public static final SecretHasher DEFAULT = new SecretHasher(19 * 1024, 2, 1);

    private final Argon2Function function;

    public SecretHasher(int memoryKib, int iterations, int parallelism) {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("invalid Argon2 parameters");
        }
        this.function = Argon2Function.getInstance(memoryKib, iterations, parallelism, 32, Argon2.ID);
    }

    /** A self-describing hash ({@code $argon2id$v=19$m=...}) with a fresh random salt. */
    public String hash(CharSequence secret) {
        Objects.requireNonNull(secret, "secret");
        return Password.hash(secret).addRandomSalt(16).with(function).getResult();
    }

    /** True when {@code secret} matches {@code hash}; a missing or malformed hash never matches. */
    public boolean matches(CharSequence secret, String hash) {
        if (secret == null || hash == null || !hash.startsWith("$argon2")) {
            return false;
        }
        try {
            return Password.check(secret, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SecretHasher[argon2id]";
    }
}
