package org.circgate.policy;

/**
 * A count limit of a User Profile (charge limit, charges allowed, hold limit, booking, reserve and request limits).
 *
 * <p>The Symphony gadget offers 0–24,999 or UNLIMITED, and for the charge limit the seed says UNLIMITED means "up to
 * 25,000 items checked out simultaneously"; so UNLIMITED is stored as {@value #UNLIMITED_VALUE}. Limits that have no
 * such cap (hold limit, request limit: "there is no limit") use {@link #isReachedBy(int)}, which never reports
 * UNLIMITED as reached; the charge limit uses {@link #value()} directly (see {@code CirculationEngine}).
 *
 * @param value 0–{@value #UNLIMITED_VALUE}; {@value #UNLIMITED_VALUE} is UNLIMITED
 */
public record Limit(int value) {

    /** UNLIMITED, as the charge-limit cap of seed 001. */
    public static final int UNLIMITED_VALUE = 25_000;
    /** Largest explicit limit the gadget accepts (seed 001: "0-24,999, or select UNLIMITED"). */
    public static final int MAX_EXPLICIT = UNLIMITED_VALUE - 1;

    public static final Limit UNLIMITED = new Limit(UNLIMITED_VALUE);

    public Limit {
        if (value < 0 || value > UNLIMITED_VALUE) {
            throw new IllegalArgumentException("limit " + value + " is outside 0-" + MAX_EXPLICIT + " or UNLIMITED ("
                    + UNLIMITED_VALUE + ")");
        }
    }

    public static Limit of(int value) {
        return value == UNLIMITED_VALUE ? UNLIMITED : new Limit(value);
    }

    public boolean isUnlimited() {
        return value == UNLIMITED_VALUE;
    }

    /** True when {@code count} items meet or pass the limit; never for UNLIMITED. */
    public boolean isReachedBy(int count) {
        return !isUnlimited() && count >= value;
    }

    @Override
    public String toString() {
        return isUnlimited() ? "UNLIMITED" : Integer.toString(value);
    }
}
