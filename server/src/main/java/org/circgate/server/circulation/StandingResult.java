package org.circgate.server.circulation;

/**
 * What a block or a reinstatement did to a patron's stored standing.
 *
 * @param status what happened
 * @param patron the patron as stored now, when known
 * @param from   the stored standing before
 * @param to     the stored standing now
 */
public record StandingResult(Status status, PatronRecord patron, String from, String to) {

    /** The ways a block or reinstatement ends. */
    public enum Status {
        /** The patron now has the blocking standing. */
        BLOCKED,
        /** The patron already had a BARRED-type standing; it was kept. */
        ALREADY_BARRED,
        /** A BARRED-type standing was replaced by the standing the figures give (seed 002). */
        REINSTATED,
        /** Reinstate applies only to BARRED-type standings; nothing changed. */
        NOT_BARRED,
        UNKNOWN_PATRON;

        public boolean ok() {
            return this != UNKNOWN_PATRON;
        }
    }
}
