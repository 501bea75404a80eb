package org.circgate.policy;

/**
 * The outcome of one PIN login attempt.
 *
 * @param accepted       whether the patron is authenticated
 * @param status         the PIN status after the attempt
 * @param failedAttempts the failed-attempt count to store (0 after a correct PIN)
 * @param refusal        why it was refused, or null when accepted
 */
public record PinLoginResult(boolean accepted, PinStatus status, int failedAttempts, Refusal refusal) {

    /** Why a login was refused. */
    public enum Refusal {
        /** Missing, empty, or only the asterisk mask. */
        NO_PIN,
        /** The PIN did not match. */
        WRONG_PIN,
        /** Too many failures, or locked by staff: staff must update the PIN. */
        LOCKED,
        /** The PIN matched but has expired and must be updated. */
        EXPIRED
    }

    /** True when the attempt just locked the PIN (the server counts lockouts). */
    public boolean lockedNow(PinStatus before) {
        return status == PinStatus.LOCKED && before != PinStatus.LOCKED;
    }
}
