package org.circgate.server.circulation;

import org.circgate.policy.Decision;

/**
 * What a hold request (place, cancel or change) did.
 *
 * @param status        what happened
 * @param decision      the policy's decision (Place Hold or Remove Hold), null when none was made
 * @param patron        the patron, when known
 * @param hold          the hold as it is now (placed, changed or cancelled), when there is one
 * @param queuePosition place in the title's waiting line (1 = next), 0 when the hold is not waiting
 * @param available     a copy is waiting on the hold shelf for this hold, or one that can fill it is on the shelf
 */
public record HoldResult(Status status, Decision decision, PatronRecord patron, HoldRecord hold, int queuePosition,
        boolean available) {

    /** The ways a hold request ends. */
    public enum Status {
        PLACED, CANCELLED, CHANGED,
        /** The policy said no (map, privilege expiry, hold limit): see the decision. */
        DENIED,
        /** The patron already has an active hold on this title. */
        DUPLICATE,
        /** Cancel or change found no active hold of the patron on that item or title. */
        NO_SUCH_HOLD,
        /** The pickup location of a copy already on its way or on the shelf cannot change. */
        ALREADY_TRAPPED,
        UNKNOWN_PATRON, UNKNOWN_ITEM, UNKNOWN_TITLE, NO_ITEM_OR_TITLE, UNKNOWN_PICKUP_LOCATION,
        /** The expiry date lies in the past. */
        INVALID_EXPIRY;

        public boolean ok() {
            return this == PLACED || this == CANCELLED || this == CHANGED;
        }
    }

    static HoldResult of(Status status, Decision decision, PatronRecord patron) {
        return new HoldResult(status, decision, patron, null, 0, false);
    }
}
