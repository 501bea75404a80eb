package org.circgate.policy;

import java.time.LocalDate;
import java.util.Objects;

/** How long a checkout lasts, in whole days, weeks or months; items are due at the end of the last day. */
public record LoanPeriod(int amount, PeriodUnit unit) {

    public static final int MAX_AMOUNT = 999;

    public LoanPeriod {
        Objects.requireNonNull(unit, "unit");
        if (unit == PeriodUnit.YEARS) {
            throw new IllegalArgumentException("loan period unit must be DAYS, WEEKS or MONTHS");
        }
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("loan period amount " + amount + " is outside 1-" + MAX_AMOUNT);
        }
    }

    public static LoanPeriod days(int days) {
        return new LoanPeriod(days, PeriodUnit.DAYS);
    }

    /** The normal due date of a loan starting on {@code chargeDate}. */
    public LocalDate dueDateFrom(LocalDate chargeDate) {
        return unit.addTo(chargeDate, amount);
    }
}
