package org.circgate.policy;

import java.time.LocalDate;

/**
 * What the server stores about a user's PIN besides its hash (the PIN itself never reaches the policy).
 *
 * @param created        when the current PIN was created (seed 002, PIN Creation Date), or null if unknown
 * @param expires        when it expires (PIN Expiration Date), or null for never
 * @param failedAttempts consecutive failed logins since the last success or PIN change
 * @param manualStatus   a status an administrator set, which trumps the expiration date (seed 002), or null
 */
public record PinState(LocalDate created, LocalDate expires, int failedAttempts, PinStatus manualStatus) {

    public PinState {
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failedAttempts " + failedAttempts + " is negative");
        }
    }

    /** A PIN that never expires and has no failures. */
    public static PinState fresh(LocalDate created) {
        return new PinState(created, null, 0, null);
    }

    public PinState withFailedAttempts(int count) {
        return new PinState(created, expires, count, manualStatus);
    }
}
