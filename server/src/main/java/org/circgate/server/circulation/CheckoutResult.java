package org.circgate.server.circulation;

import java.time.Instant;
import org.circgate.policy.Decision;

/**
 * What a checkout did.
 *
 * @param status   what happened
 * @param decision the policy's decision (null when no decision was made: unknown patron or item, cancel)
 * @param patron   the patron, when known
 * @param item     the item, when known
 * @param due      the due date and time of the loan (checked out or renewed)
 * @param feeCents the item's loan fee (charged when checked out, to acknowledge when not)
 */
public record CheckoutResult(Status status, Decision decision, PatronRecord patron, ItemRecord item, Instant due,
        long feeCents) {

    /** The ways a checkout ends. */
    public enum Status {
        CHECKED_OUT, RENEWED, CANCELLED, DENIED, FEE_NOT_ACKNOWLEDGED, UNKNOWN_PATRON, UNKNOWN_ITEM,
        NOTHING_TO_CANCEL;

        public boolean ok() {
            return this == CHECKED_OUT || this == RENEWED || this == CANCELLED;
        }
    }
}
