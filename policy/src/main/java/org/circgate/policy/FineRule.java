package org.circgate.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Overdue fine: an amount per day or week late, capped at a maximum per item.
 *
 * @param centsPerPeriod fine per started period late, 0 for no fine
 * @param per            {@link PeriodUnit#DAYS} or {@link PeriodUnit#WEEKS}
 * @param maximumCents   most one overdue item accrues; 0 means no maximum
 */
public record FineRule(long centsPerPeriod, PeriodUnit per, long maximumCents) {

    /** Largest fine per period or maximum circgate accepts. */
    public static final long MAX_CENTS = Money.MAX_BILL_THRESHOLD_CENTS;
    public static final FineRule NONE = new FineRule(0, PeriodUnit.DAYS, 0);

    public FineRule {
        Objects.requireNonNull(per, "per");
        if (per != PeriodUnit.DAYS && per != PeriodUnit.WEEKS) {
            throw new IllegalArgumentException("fine period must be DAYS or WEEKS");
        }
        Money.requireCents(centsPerPeriod, MAX_CENTS, "fine per period");
        Money.requireCents(maximumCents, MAX_CENTS, "maximum fine");
    }

    /** The fine accrued so far by an item due on {@code dueDate} and still out on {@code today}. */
    public long accruedBy(LocalDate dueDate, LocalDate today) {
        if (centsPerPeriod == 0 || !today.isAfter(dueDate)) {
            return 0;
        }
        long daysLate = ChronoUnit.DAYS.between(dueDate, today);
        long periods = per == PeriodUnit.WEEKS ? (daysLate + 6) / 7 : daysLate;
        long fine = periods > Long.MAX_VALUE / centsPerPeriod ? Long.MAX_VALUE : periods * centsPerPeriod;
        return maximumCents > 0 ? Math.min(fine, maximumCents) : fine;
    }
}
