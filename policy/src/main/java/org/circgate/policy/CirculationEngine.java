package org.circgate.policy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides circulation requests with a {@link CirculationPolicy}. Pure and thread-safe: the same facts, context and
 * date always give the same {@link Decision}; nothing is read from a clock or stored.
 *
 * <p>Every decision runs the same steps: compute the patron's standing now ({@link StandingCalculator}), let the
 * User Standing Map decide what that standing may do here, then check the thresholds and limits the map never lifts
 * (seed 004: the map "honors any existing circulation thresholds"), then the item. Findings that need an override
 * are denials on interfaces that cannot take one.
 */
public final class CirculationEngine {

    private final CirculationPolicy policy;
    private final StandingCalculator calculator;
    private final UserStandingMap map;

    public CirculationEngine(CirculationPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.calculator = new StandingCalculator(policy);
        this.map = policy.standingMap();
    }

    public CirculationPolicy policy() {
        return policy;
    }

    /** Standing assessment, batch recompute and reinstatement on the same policy. */
    public StandingCalculator standings() {
        return calculator;
    }

    /**
     * Whether the patron may use {@code command} at all on this interface, before any item is involved: the map, plus
     * privilege expiry for checkout, renew and holds, the charge limit and charges allowed for checkout, and the hold
     * limit for holds. This is what the patron-status view reports per command.
     */
    public Decision privilege(MapCommand command, RequestContext context, PatronFacts patron) {
        Verdict verdict = new Verdict(MapCommand.requireConcrete(command));
        UserProfile profile = begin(verdict, command, context, patron);
        if (profile != null) {
            patronLimits(verdict, command, context, patron, profile);
        }
        return verdict.decide(context);
    }

    /**
     * Checkout Item: the patron's privilege to check out, then the item — already charged (to this patron, or to
     * another unless that user's profile recirculates), not circulating, on hold for someone else, a second copy of a
     * title the profile forbids (seed 003). An allowed decision carries the due date.
     */
    public Decision checkout(RequestContext context, PatronFacts patron, ItemFacts item) {
        Objects.requireNonNull(item, "item");
        Verdict verdict = new Verdict(MapCommand.CHECKOUT_ITEM);
        UserProfile profile = begin(verdict, MapCommand.CHECKOUT_ITEM, context, patron);
        if (profile == null) {
            return verdict.decide(context);
        }
        patronLimits(verdict, MapCommand.CHECKOUT_ITEM, context, patron, profile);

        String holder = item.chargedToPatronId();
        if (holder != null) {
            if (holder.equals(patron.patronId())) {
                verdict.deny(Reason.ITEM_CHARGED_TO_PATRON);
            } else if (recirculates(item.chargedToProfile())) {
                verdict.warn(Reason.ITEM_RECIRCULATED);
            } else {
                verdict.deny(Reason.ITEM_ALREADY_CHARGED);
            }
        }
        CirculationRule rule = policy.rule(profile.name(), item.itemType());
        if (!rule.circulates() || !item.circulating()) {
            verdict.needOverride(Reason.ITEM_NOT_CIRCULATING);
        }
        HoldFacts next = HoldQueue.next(item.holds());
        if (next != null && !next.patronId().equals(patron.patronId())) {
            verdict.needOverride(Reason.ITEM_ON_HOLD_FOR_OTHER);
        }
        if (profile.preventTwoCopiesOfTitle() && !item.circulationSet() && holdsSameTitle(patron.loans(), item)) {
            if (profile.allowTwoCopiesOverride()) {
                verdict.needOverride(Reason.TITLE_ALREADY_CHARGED);
            } else {
                verdict.deny(Reason.TITLE_ALREADY_CHARGED);
            }
        }
        verdict.dueDate(dueDate(profile, rule, policy.library(context.library()), context.today()));
        return verdict.decide(context);
    }

    /**
     * Renew: the patron's privilege to renew, then the loan — it must be the patron's ({@code loan} null means it is
     * not), under the renewal limit of its circulation rule, and without holds by other patrons. Both limits need an
     * override, whatever the map says. An allowed decision carries the new due date, counted from today.
     *
     * @param loan the patron's loan of the item, or null when the item is not charged to the patron
     * @param item the item, for its holds
     */
    public Decision renew(RequestContext context, PatronFacts patron, LoanFacts loan, ItemFacts item) {
        Objects.requireNonNull(item, "item");
        if (loan != null && !loan.itemId().equals(item.itemId())) {
            throw new IllegalArgumentException("the loan and the item are different items");
        }
        Verdict verdict = new Verdict(MapCommand.RENEW);
        UserProfile profile = begin(verdict, MapCommand.RENEW, context, patron);
        if (profile == null) {
            return verdict.decide(context);
        }
        patronLimits(verdict, MapCommand.RENEW, context, patron, profile);
        if (loan == null) {
            verdict.deny(Reason.ITEM_NOT_CHARGED_TO_PATRON);
            return verdict.decide(context);
        }
        CirculationRule rule = policy.rule(profile.name(), loan.itemType());
        if (rule.renewalLimit().isReachedBy(loan.renewals())) {
            verdict.needOverride(Reason.RENEWAL_LIMIT);
        }
        if (HoldQueue.hasActiveHoldByOther(item.holds(), patron.patronId())) {
            verdict.needOverride(Reason.ITEM_HAS_HOLDS);
        }
        verdict.dueDate(dueDate(profile, rule, policy.library(context.library()), context.today()));
        return verdict.decide(context);
    }

    /** Place Hold (or Blanket Hold): the map, privilege expiry and the hold limit (placing, not satisfying). */
    public Decision placeHold(RequestContext context, PatronFacts patron, boolean blanket) {
        return privilege(blanket ? MapCommand.BLANKET_HOLD : MapCommand.PLACE_HOLD, context, patron);
    }

    /** Remove (cancel) Hold: governed by the map only. */
    public Decision removeHold(RequestContext context, PatronFacts patron) {
        return privilege(MapCommand.REMOVE_HOLD, context, patron);
    }

    /** Suspend Holds: governed by the map only. */
    public Decision suspendHolds(RequestContext context, PatronFacts patron) {
        return privilege(MapCommand.SUSPEND_HOLDS, context, patron);
    }

    /** Pay Bills: the map, and an amount above zero and no more than the unpaid bills. */
    public Decision payBills(RequestContext context, PatronFacts patron, long amountCents) {
        Verdict verdict = new Verdict(MapCommand.PAY_BILLS);
        UserProfile profile = begin(verdict, MapCommand.PAY_BILLS, context, patron);
        if (profile != null) {
            if (amountCents <= 0) {
                verdict.deny(Reason.INVALID_AMOUNT);
            } else if (amountCents > patron.unpaidBillsCents()) {
                verdict.deny(Reason.OVERPAYMENT);
            }
        }
        return verdict.decide(context);
    }

    /** The patron-status view (SIP2 patron status, NCIP user privileges and blocks) for this interface. */
    public PatronStatus patronStatus(RequestContext context, PatronFacts patron) {
        Map<MapCommand, Decision> privileges = new EnumMap<>(MapCommand.class);
        for (MapCommand command : MapCommand.values()) {
            if (command.isConcrete()) {
                privileges.put(command, privilege(command, context, patron));
            }
        }
        UserProfile profile = policy.profile(patron.profile());
        StandingAssessment assessment = profile == null || !policy.standings().contains(patron.storedStanding())
                ? null : calculator.assess(patron, context.today());
        return PatronStatus.of(patron, profile, assessment, privileges, policy.statusLimits(), context.today());
    }

    /**
     * The due date of a checkout on {@code chargeDate}: the loan period of the (profile, item type) rule; the
     * library's fixed due date instead when the profile has Library Precedence and that date has not passed (seed
     * 001); moved past days the library is closed.
     *
     * @throws IllegalArgumentException for a profile the policy lacks
     */
    public LocalDate dueDate(String profileName, String itemType, String library, LocalDate chargeDate) {
        UserProfile profile = requireProfile(profileName);
        return dueDate(profile, policy.rule(profile.name(), itemType), policy.library(library), chargeDate);
    }

    /** The fine accruing on one loan on {@code today}: 0 unless overdue and the profile is billable. */
    public long accruingFine(String profileName, LoanFacts loan, LocalDate today) {
        UserProfile profile = requireProfile(profileName);
        if (!profile.billable()) {
            return 0;
        }
        return policy.rule(profile.name(), loan.itemType()).fine().accruedBy(loan.dueDate(), today);
    }

    /** When a privilege granted or extended on {@code start} expires under the profile's limit; null for never. */
    public LocalDate privilegeExpiry(String profileName, LocalDate start) {
        return requireProfile(profileName).privilegeLimit().expiryFrom(start);
    }

    private UserProfile requireProfile(String profileName) {
        UserProfile profile = policy.profile(profileName);
        if (profile == null) {
            throw new IllegalArgumentException("user profile " + profileName + " is not in the policy");
        }
        return profile;
    }

    /** Resolves the profile and standing and applies the map; null (with a denial recorded) when either is unknown. */
    private UserProfile begin(Verdict verdict, MapCommand command, RequestContext context, PatronFacts patron) {
        UserProfile profile = policy.profile(patron.profile());
        if (profile == null) {
            verdict.deny(Reason.UNKNOWN_PROFILE);
            return null;
        }
        int storedIndex = policy.standings().indexOf(patron.storedStanding());
        if (storedIndex < 0) {
            // Fail closed: a standing the policy no longer defines may have been a barring one.
            verdict.deny(Reason.UNKNOWN_STANDING);
            return null;
        }
        StandingAssessment assessment = calculator.assess(profile, storedIndex, patron, context.today());
        UserStanding standing = assessment.effective();
        ClientInterface clientInterface = context.clientInterface();
        int line = map.decidingLine(command, assessment.effectiveIndex, clientInterface);
        MapAction configured = map.configuredAction(line, standing);
        verdict.standing(standing);
        verdict.map(line, line < 0 ? null : map.lines().get(line), configured,
                configured.effectiveOn(clientInterface));
        long standingReasons = assessment.standingReasons();
        switch (configured) {
            case ALLOW:
                // DELINQUENT warns; a blocked or barred standing the map lets through is still worth saying.
                verdict.warnAll(standingReasons);
                break;
            case ALLOW_OVERRIDE:
                verdict.needOverrideAll(line < 0 ? standingReasons : standingReasons | Reason.MAP_OVERRIDE.bit());
                break;
            case DENY:
                verdict.denyAll(line < 0 ? standingReasons : standingReasons | Reason.MAP_DENY.bit());
                break;
            default:
                throw new AssertionError(configured);
        }
        return profile;
    }

    /** The thresholds and limits that apply whatever the map says. */
    private static void patronLimits(Verdict verdict, MapCommand command, RequestContext context,
                                     PatronFacts patron, UserProfile profile) {
        switch (command) {
            case CHECKOUT_ITEM:
                if (patron.privilegeExpiredOn(context.today())) {
                    verdict.needOverride(Reason.PRIVILEGE_EXPIRED);
                }
                if (!profile.locationBased()) { // seed 003: location-based profiles bypass checkout limits
                    if (profile.chargesAllowed().isReachedBy(patron.chargesThisPrivilegePeriod())) {
                        verdict.deny(Reason.CHARGES_ALLOWED_USED); // seed 001: the privilege must be renewed
                    }
                    if (patron.loans().size() >= profile.effectiveChargeLimit()) {
                        verdict.needOverride(Reason.CHARGE_LIMIT); // seed 001: only an operator override
                    }
                }
                break;
            case RENEW:
                if (patron.privilegeExpiredOn(context.today())) {
                    verdict.needOverride(Reason.PRIVILEGE_EXPIRED);
                }
                break;
            case PLACE_HOLD:
            case BLANKET_HOLD:
                if (patron.privilegeExpiredOn(context.today())) {
                    verdict.needOverride(Reason.PRIVILEGE_EXPIRED);
                }
                if (profile.holdLimit().isReachedBy(patron.holdCount())) {
                    verdict.needOverride(Reason.HOLD_LIMIT);
                }
                break;
            default:
                break;
        }
    }

    private boolean recirculates(String holderProfile) {
        UserProfile profile = holderProfile == null ? null : policy.profile(holderProfile);
        return profile != null && profile.recirculateItem();
    }

    private static boolean holdsSameTitle(List<LoanFacts> loans, ItemFacts item) {
        if (item.titleId() == null) {
            return false;
        }
        for (int i = 0, n = loans.size(); i < n; i++) {
            LoanFacts loan = loans.get(i);
            if (loan.sameTitleAs(item) && !loan.itemId().equals(item.itemId())) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate dueDate(UserProfile profile, CirculationRule rule, LibraryPolicy library,
                                     LocalDate chargeDate) {
        LocalDate due = rule.loanPeriod().dueDateFrom(chargeDate);
        LocalDate fixed = library.precedenceDueDate();
        if (profile.libraryPrecedence() && fixed != null && !fixed.isBefore(chargeDate)) {
            due = fixed;
        }
        return library.nextOpenDay(due);
    }
}
