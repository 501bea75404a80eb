package org.circgate.policy;

/** The verdict of a {@link Decision}. */
public enum Outcome {
    /** Go ahead. */
    ALLOWED,
    /** Go ahead, and tell the operator or patron why it deserves attention (e.g. DELINQUENT). */
    ALLOWED_WITH_WARNING,
    /**
     * Only with an operator override. Happens only on interfaces that can take overrides; elsewhere the same facts
     * give {@link #DENIED} with {@link Reason#OVERRIDE_NOT_AVAILABLE}.
     */
    OVERRIDE_REQUIRED,
    /** Refused. */
    DENIED;

    public boolean isAllowed() {
        return this == ALLOWED || this == ALLOWED_WITH_WARNING;
    }
}
