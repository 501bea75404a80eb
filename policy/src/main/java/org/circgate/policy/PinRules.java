package org.circgate.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The rules for one user's PIN (seed 002): either Symphony's default behaviour ({@link DefaultPinRules},
 * case-insensitive) or a User PIN policy ({@link PinPolicy}, case-sensitive, with requirements, expiry and lockout).
 *
 * <p>Hashing is the server's job. The server hashes {@link #normalize(String)} of the PIN, both when it is set and
 * when a patron logs in, then asks {@link #login} what the attempt means.
 */
public sealed interface PinRules permits DefaultPinRules, PinPolicy {

    /** What the interface shows instead of a PIN (seed 002: five asterisks). */
    String MASK = "*****";

    /** Whether letters must match in case. */
    boolean caseSensitive();

    /** The form of a PIN that is hashed and compared: upper-cased under the default rules, unchanged otherwise. */
    String normalize(String pin);

    /** Why {@code newPin} may not be set; empty when it may. */
    List<PinViolation> check(String newPin);

    /** The expiry of a PIN created on {@code created}, or null when PINs do not expire. */
    LocalDate expiryFor(LocalDate created);

    /** Days before expiry in which the status is WARNING. */
    int warningDays();

    /** Consecutive failures that lock the PIN; 0 never locks. */
    int maxFailedAttempts();

    /** A new random PIN that passes {@link #check}. Pass a {@code SecureRandom}. */
    String generate(RandomGenerator random);

    /**
     * Whether an entered PIN can be checked at all: null, empty and asterisk-only input never authenticates, so the
     * server need not spend a hash on it.
     */
    static boolean isCandidate(String entered) {
        return entered != null && !entered.isEmpty() && !onlyAsterisks(entered);
    }

    /** The PIN status on {@code today}: a staff lock or too many failures, then a manual status, then expiry. */
    default PinStatus status(PinState state, LocalDate today) {
        if (state.manualStatus() == PinStatus.LOCKED
                || (maxFailedAttempts() > 0 && state.failedAttempts() >= maxFailedAttempts())) {
            return PinStatus.LOCKED;
        }
        if (state.manualStatus() != null) {
            return state.manualStatus();
        }
        LocalDate expires = state.expires();
        if (expires == null) {
            return PinStatus.ACTIVE;
        }
        if (!today.isBefore(expires)) {
            return PinStatus.EXPIRED;
        }
        return today.isBefore(expires.minusDays(warningDays())) ? PinStatus.ACTIVE : PinStatus.WARNING;
    }

    /**
     * Evaluates a login attempt.
     *
     * @param state      the stored PIN state before the attempt
     * @param entered    the PIN as entered (only checked with {@link #isCandidate}; never stored)
     * @param pinMatched whether the hash of {@link #normalize normalize(entered)} matched the stored hash
     * @param today      the library's date
     */
    default PinLoginResult login(PinState state, String entered, boolean pinMatched, LocalDate today) {
        PinStatus before = status(state, today);
        if (!isCandidate(entered)) {
            return new PinLoginResult(false, before, state.failedAttempts(), PinLoginResult.Refusal.NO_PIN);
        }
        if (before == PinStatus.LOCKED) {
            return new PinLoginResult(false, PinStatus.LOCKED, state.failedAttempts(),
                    PinLoginResult.Refusal.LOCKED);
        }
        if (!pinMatched) {
            int failures = state.failedAttempts() + 1;
            PinStatus after = status(state.withFailedAttempts(failures), today);
            return new PinLoginResult(false, after, failures, PinLoginResult.Refusal.WRONG_PIN);
        }
        if (before == PinStatus.EXPIRED) {
            return new PinLoginResult(false, PinStatus.EXPIRED, 0, PinLoginResult.Refusal.EXPIRED);
        }
        return new PinLoginResult(true, before, 0, null);
    }

    static boolean onlyAsterisks(String pin) {
        for (int i = 0; i < pin.length(); i++) {
            if (pin.charAt(i) != '*') {
                return false;
            }
        }
        return true;
    }
}
