package org.circgate.policy;

/**
 * Machine-readable reasons a {@link Decision} carries. The server maps them to SIP2 status positions and screen
 * messages and to NCIP Problem types; {@link #text()} is a plain-English default for screen messages and logs.
 *
 * <p>Declaration order is priority: {@link Decision#primaryReason()} is the first reason, in this order, of the group
 * that decided the outcome.
 */
public enum Reason {
    UNKNOWN_PROFILE("Patron's user profile is not in the circulation policy"),
    UNKNOWN_STANDING("Patron's user standing is not in the circulation policy"),
    BARRED("Patron is barred"),
    PRIVILEGE_EXPIRED("Patron's library privileges have expired"),
    BLOCKED_BILLS("Patron owes more than the bill threshold"),
    BLOCKED_OVERDUES("Patron has too many overdue items"),
    BLOCKED_OVERDUE_RECALLS("Patron has too many overdue recalled items"),
    BLOCKED("Patron is blocked"),
    MAP_DENY("Not allowed for this patron's standing on this interface"),
    MAP_OVERRIDE("Needs an operator override for this patron's standing"),
    CHARGES_ALLOWED_USED("Patron has used all checkouts allowed in this privilege period"),
    CHARGE_LIMIT("Patron has too many items checked out"),
    HOLD_LIMIT("Patron has too many holds"),
    RENEWAL_LIMIT("Item has been renewed the maximum number of times"),
    ITEM_CHARGED_TO_PATRON("Item is already checked out to this patron"),
    ITEM_ALREADY_CHARGED("Item is checked out to another patron"),
    ITEM_NOT_CHARGED_TO_PATRON("Item is not checked out to this patron"),
    ITEM_NOT_CIRCULATING("Item does not circulate"),
    ITEM_ON_HOLD_FOR_OTHER("Item is on hold for another patron"),
    ITEM_HAS_HOLDS("Item has holds and cannot be renewed"),
    TITLE_ALREADY_CHARGED("Patron already has a copy of this title"),
    INVALID_AMOUNT("Payment amount must be more than zero"),
    OVERPAYMENT("Payment is more than the patron owes"),
    DELINQUENT("Patron has unpaid bills or overdue items"),
    ITEM_RECIRCULATED("Item is charged again without discharge from the recirculating user"),
    OVERRIDE_NOT_AVAILABLE("Needs an operator override, which this interface cannot take"),
    OVERRIDE_APPLIED("Allowed by operator override");

    private final String text;

    Reason(String text) {
        this.text = text;
    }

    /** A plain-English sentence for a screen message. */
    public String text() {
        return text;
    }

    long bit() {
        return 1L << ordinal();
    }

    static {
        if (values().length > Long.SIZE) {
            throw new AssertionError("reasons are kept in a long bit set");
        }
    }
}
