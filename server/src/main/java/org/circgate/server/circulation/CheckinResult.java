package org.circgate.server.circulation;

/**
 * What a checkin did.
 *
 * @param status      what happened
 * @param item        the item, when known
 * @param borrower    who had it, when it was on loan
 * @param fineCents   the overdue fine billed now (0 when none)
 * @param trappedHold the hold the item was set aside for, or null
 * @param destination where the item must go next (pickup or home location), or null when it stays here
 */
public record CheckinResult(Status status, ItemRecord item, PatronRecord borrower, long fineCents,
        HoldRecord trappedHold, String destination) {

    /** The ways a checkin ends. */
    public enum Status {
        CHECKED_IN, NOT_CHARGED, UNKNOWN_ITEM
    }

    /** An item the caller should divert: a hold to fill or a transit. */
    public boolean needsRouting() {
        return trappedHold != null || destination != null;
    }
}
