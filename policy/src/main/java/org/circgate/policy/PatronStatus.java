package org.circgate.policy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A patron's status on one interface: for each map command whether it is allowed and why not, plus the flags behind
 * the SIP2 patron-status positions (DESIGN §4) and the NCIP STATUS privilege. Protocol-neutral; the server renders it.
 *
 * @param assessment            the standing computed now, or null when the patron's profile or standing is not in
 *                              the policy (then every privilege is denied with the reason)
 * @param privileges            the patron-level decision per concrete map command
 * @param privilegeExpired      the privilege-expires date has passed (seed 002)
 * @param cardReportedLost      the card is flagged lost
 * @param tooManyItemsCharged   items out ≥ the charge limit (never for location-based profiles)
 * @param tooManyItemsOverdue   overdue items ≥ the overdue threshold (≠ 0)
 * @param tooManyClaimsReturned claims returned ≥ the configured limit (≠ 0)
 * @param tooManyItemsLost      lost items ≥ the configured limit (≠ 0)
 * @param excessiveFines        unpaid fines + accruing fines ≥ the bill threshold (≠ 0)
 * @param excessiveFees         unpaid other fees + accruing fines ≥ the bill threshold (≠ 0)
 * @param recallOverdue         overdue recalls ≥ the overdue-recall threshold (≠ 0)
 * @param tooManyItemsBilled    billed items ≥ the configured limit (≠ 0)
 */
public record PatronStatus(StandingAssessment assessment, Map<MapCommand, Decision> privileges,
                           boolean privilegeExpired, boolean cardReportedLost, boolean tooManyItemsCharged,
                           boolean tooManyItemsOverdue, boolean tooManyClaimsReturned, boolean tooManyItemsLost,
                           boolean excessiveFines, boolean excessiveFees, boolean recallOverdue,
                           boolean tooManyItemsBilled) {

    public PatronStatus {
        privileges = Collections.unmodifiableMap(new EnumMap<>(privileges));
        for (MapCommand command : MapCommand.values()) {
            if (command.isConcrete() && !privileges.containsKey(command)) {
                throw new IllegalArgumentException("no privilege decision for " + command);
            }
        }
    }

    static PatronStatus of(PatronFacts patron, UserProfile profile, StandingAssessment assessment,
                           Map<MapCommand, Decision> privileges, PatronStatusLimits limits, LocalDate today) {
        boolean expired = patron.privilegeExpiredOn(today);
        if (profile == null || assessment == null) {
            return new PatronStatus(null, privileges, expired, patron.cardReportedLost(), false, false,
                    PatronStatusLimits.reached(patron.claimsReturned(), limits.claimsReturned()),
                    PatronStatusLimits.reached(patron.lostItems(), limits.lostItems()), false, false, false,
                    PatronStatusLimits.reached(patron.billedItems(), limits.billedItems()));
        }
        long threshold = profile.billThresholdCents();
        long accruing = assessment.accruingFinesCents();
        return new PatronStatus(assessment, privileges, expired, patron.cardReportedLost(),
                !profile.locationBased() && patron.loans().size() >= profile.effectiveChargeLimit(),
                profile.overdueThreshold() != 0 && assessment.overdueItems() >= profile.overdueThreshold(),
                PatronStatusLimits.reached(patron.claimsReturned(), limits.claimsReturned()),
                PatronStatusLimits.reached(patron.lostItems(), limits.lostItems()),
                threshold != 0 && patron.unpaidFinesCents() + accruing >= threshold,
                threshold != 0 && patron.unpaidFeesCents() + accruing >= threshold,
                profile.overdueRecallThreshold() != 0
                        && assessment.overdueRecalls() >= profile.overdueRecallThreshold(),
                PatronStatusLimits.reached(patron.billedItems(), limits.billedItems()));
    }

    /** The patron-level decision for a concrete command. */
    public Decision privilege(MapCommand command) {
        return privileges.get(MapCommand.requireConcrete(command));
    }

    /** SIP2 position 1: the Checkout Item decision is not allowed. */
    public boolean chargePrivilegesDenied() {
        return !privileges.get(MapCommand.CHECKOUT_ITEM).isAllowed();
    }

    /** SIP2 position 2: the Renew decision is not allowed. */
    public boolean renewalPrivilegesDenied() {
        return !privileges.get(MapCommand.RENEW).isAllowed();
    }

    /** SIP2 position 3: a recall is a hold, so the Place Hold decision is not allowed. */
    public boolean recallPrivilegesDenied() {
        return !privileges.get(MapCommand.PLACE_HOLD).isAllowed();
    }

    /** SIP2 position 4: the Place Hold decision is not allowed. */
    public boolean holdPrivilegesDenied() {
        return !privileges.get(MapCommand.PLACE_HOLD).isAllowed();
    }

    /** SIP2 position 8: renewals are counted per item, so this patron-level flag is never set. */
    public boolean tooManyRenewals() {
        return false;
    }

    /**
     * The fourteen SIP2 patron-status flags in position order (index 0 = position 1), true meaning 'Y'.
     */
    public boolean[] sip2Positions() {
        return new boolean[] {
            chargePrivilegesDenied(), renewalPrivilegesDenied(), recallPrivilegesDenied(), holdPrivilegesDenied(),
            cardReportedLost, tooManyItemsCharged, tooManyItemsOverdue, tooManyRenewals(), tooManyClaimsReturned,
            tooManyItemsLost, excessiveFines, excessiveFees, recallOverdue, tooManyItemsBilled
        };
    }

    /** The effective standing, or empty when the profile or standing is unknown to the policy. */
    public Optional<UserStanding> standing() {
        return assessment == null ? Optional.empty() : Optional.of(assessment.effective());
    }

    /**
     * The value of NCIP's STATUS user privilege (OK, DELINQUENT, BLOCKED, BARRED): the effective standing's
     * delinquency type, so custom standings report what they mean. BARRED when the standing is unknown.
     */
    public DelinquencyType ncipStatus() {
        return assessment == null ? DelinquencyType.BARRED : assessment.effective().delinquencyType();
    }
}
