package org.circgate.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the server loads about a patron for a decision. Everything else (overdues, accruing fines, the standing) the
 * policy derives, so the same facts give the same answer on every interface.
 *
 * @param patronId                   the patron's id (compared with hold and charge owners; never printed)
 * @param profile                    the User Profile name
 * @param storedStanding             the stored user standing (status) name: OK, DELINQUENT, BLOCKED, BARRED or custom
 * @param privilegeExpires           last day of circulation privileges, or null for never
 * @param chargesThisPrivilegePeriod checkouts since the privilege was granted or last extended
 * @param unpaidFinesCents           unpaid fine bills (overdue and recall fines)
 * @param unpaidFeesCents            unpaid other bills (lost items, privilege fees, ...)
 * @param loans                      items checked out now
 * @param holdCount                  holds the patron has placed and not yet picked up or cancelled
 * @param claimsReturned             claims-returned count (seed 002)
 * @param lostItems                  items declared lost on the patron's record
 * @param billedItems                items the patron has been billed for
 * @param cardReportedLost           the library card is flagged lost
 */
public record PatronFacts(String patronId, String profile, String storedStanding, LocalDate privilegeExpires,
                          int chargesThisPrivilegePeriod, long unpaidFinesCents, long unpaidFeesCents,
                          List<LoanFacts> loans, int holdCount, int claimsReturned, int lostItems, int billedItems,
                          boolean cardReportedLost) {

    public PatronFacts {
        Objects.requireNonNull(patronId, "patronId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(storedStanding, "storedStanding");
        loans = List.copyOf(loans);
        if (chargesThisPrivilegePeriod < 0 || unpaidFinesCents < 0 || unpaidFeesCents < 0 || holdCount < 0
                || claimsReturned < 0 || lostItems < 0 || billedItems < 0) {
            throw new IllegalArgumentException("patron counts and amounts cannot be negative");
        }
    }

    /** A patron in good standing with nothing out, for tests and tools. */
    public static PatronFacts clean(String patronId, String profile) {
        return new PatronFacts(patronId, profile, "OK", null, 0, 0, 0, List.of(), 0, 0, 0, 0, false);
    }

    /** Bills owed now, without accruing fines. */
    public long unpaidBillsCents() {
        return unpaidFinesCents + unpaidFeesCents;
    }

    public boolean privilegeExpiredOn(LocalDate today) {
        return privilegeExpires != null && today.isAfter(privilegeExpires);
    }

    public PatronFacts withStoredStanding(String standing) {
        return new PatronFacts(patronId, profile, standing, privilegeExpires, chargesThisPrivilegePeriod,
                unpaidFinesCents, unpaidFeesCents, loans, holdCount, claimsReturned, lostItems, billedItems,
                cardReportedLost);
    }

    @Override
    public String toString() {
        return "PatronFacts[patron=***, profile=" + profile + ", standing=" + storedStanding + ", privilegeExpires="
                + privilegeExpires + ", loans=" + loans.size() + ", holds=" + holdCount + ", fines="
                + Money.format(unpaidFinesCents) + ", fees=" + Money.format(unpaidFeesCents) + "]";
    }
}
