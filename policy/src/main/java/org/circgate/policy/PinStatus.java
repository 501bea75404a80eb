package org.circgate.policy;

/** The status of a user's PIN (seed 002, "User's PIN is"). */
public enum PinStatus {
    /** Not expired or locked, and not about to expire. */
    ACTIVE,
    /** Must be updated by the patron or a staff member before it works again. */
    EXPIRED,
    /** Not valid for patron login; staff must update it. */
    LOCKED,
    /** Works, but expires within the policy's warning window. */
    WARNING
}
