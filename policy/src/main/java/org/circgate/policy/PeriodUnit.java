package org.circgate.policy;

import java.time.LocalDate;

/** Calendar units for privilege limits, loan periods, fine periods and suspensions. */
public enum PeriodUnit {
    DAYS, WEEKS, MONTHS, YEARS;

    /** {@code date} plus {@code amount} of this unit (month ends clamp, as {@link LocalDate#plusMonths} does). */
    public LocalDate addTo(LocalDate date, int amount) {
        switch (this) {
            case DAYS: return date.plusDays(amount);
            case WEEKS: return date.plusWeeks(amount);
            case MONTHS: return date.plusMonths(amount);
            case YEARS: return date.plusYears(amount);
            default: throw new AssertionError(this);
        }
    }
}
