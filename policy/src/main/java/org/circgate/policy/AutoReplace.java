package org.circgate.policy;

/** When the system may replace a custom User Standing with the standing it computes (seed 002). */
public enum AutoReplace {
    /** The computed standing always replaces it. */
    ALWAYS,
    /** It stays until an operator changes it. */
    NEVER,
    /** Replaced only by a computed standing that is more restrictive than its own delinquency type. */
    RAISE_ONLY
}
