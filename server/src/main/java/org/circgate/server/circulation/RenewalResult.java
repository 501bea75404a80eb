package org.circgate.server.circulation;

import java.time.Instant;
import org.circgate.policy.Decision;

/**
 * What one renewal did.
 *
 * @param status         what happened
 * @param decision       the policy's Renew decision, null when none was made (unknown patron or item)
 * @param patron         the patron who asked, when known
 * @param borrower       whose loan it is (the patron, or another for a third-party renewal), when on loan
 * @param item           the item, when known
 * @param due            the due date and time now (the new one when renewed, the old one when refused)
 * @param fineBilledCents the overdue fine billed because an overdue loan was renewed (0 when none)
 */
public record RenewalResult(Status status, Decision decision, PatronRecord patron, PatronRecord borrower,
        ItemRecord item, Instant due, long fineBilledCents) {

    /** The ways a renewal ends. */
    public enum Status {
        RENEWED,
        /** The policy said no (map, privilege expiry, renewal limit, holds by others, not this patron's loan). */
        DENIED,
        UNKNOWN_PATRON, UNKNOWN_ITEM,
        /** A title was named, but the patron has no loan of it. */
        NOT_CHARGED;

        public boolean ok() {
            return this == RENEWED;
        }
    }

    static RenewalResult of(Status status, PatronRecord patron) {
        return new RenewalResult(status, null, patron, null, null, null, 0);
    }
}
