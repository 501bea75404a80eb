package org.circgate.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One item the patron has checked out.
 *
 * @param itemId         the item's id
 * @param itemType       its item type (for the circulation rule: fines, renewals)
 * @param titleId        its title, or null when unknown (then it never counts as a second copy)
 * @param volume         its volumetric information, or null; copies of different volumes are different items
 * @param circulationSet whether it belongs to a circulation set (exempt from the two-copies rule)
 * @param dueDate        the day it is due back; overdue from the following day
 * @param recalled       recalled with at least one recall notice sent (seed 001, Overdue Recall Threshold)
 * @param renewals       times renewed in this charge
 */
public record LoanFacts(String itemId, String itemType, String titleId, String volume, boolean circulationSet,
                        LocalDate dueDate, boolean recalled, int renewals) {

    public LoanFacts {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(itemType, "itemType");
        Objects.requireNonNull(dueDate, "dueDate");
        if (renewals < 0) {
            throw new IllegalArgumentException("renewals " + renewals + " is negative");
        }
    }

    /** The same loan with another due date (after a renewal or a recall). */
    public LoanFacts withDue(LocalDate newDueDate) {
        return new LoanFacts(itemId, itemType, titleId, volume, circulationSet, newDueDate, recalled, renewals);
    }

    public boolean isOverdueOn(LocalDate today) {
        return today.isAfter(dueDate);
    }

    /** Whether this loan and a candidate item are copies of the same title and volume (seed 003). */
    boolean sameTitleAs(ItemFacts item) {
        return titleId != null && !circulationSet && titleId.equals(item.titleId())
                && Objects.equals(volume, item.volume());
    }
}
