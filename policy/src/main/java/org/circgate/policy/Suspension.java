package org.circgate.policy;

import java.util.Objects;

/**
 * A maximum privilege suspension: an amount of daily, weekly or monthly units (seed 001, Maximum Suspension
 * Amount / Unit). An amount of 0 means no suspension.
 */
public record Suspension(int amount, PeriodUnit unit) {

    public static final int MAX_AMOUNT = 32_000;
    public static final Suspension NONE = new Suspension(0, PeriodUnit.DAYS);

    public Suspension {
        Objects.requireNonNull(unit, "unit");
        if (unit == PeriodUnit.YEARS) {
            throw new IllegalArgumentException("suspension unit must be DAYS, WEEKS or MONTHS");
        }
        if (amount < 0 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("suspension amount " + amount + " is outside 0-" + MAX_AMOUNT);
        }
    }

    public boolean isNone() {
        return amount == 0;
    }
}
