package org.circgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.policy.ClientInterface.NCIP;
import static org.circgate.policy.ClientInterface.SIP2;
import static org.circgate.policy.ClientInterface.WORKFLOWS;
import static org.circgate.policy.Fixtures.TODAY;
import static org.circgate.policy.Fixtures.at;
import static org.circgate.policy.Fixtures.patron;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Checkout Item decisions: seed 001 (001_a08477753202bef7.txt: charge limit, charges allowed, recirculate), seed 002
 * (002_a9956b3d30e14fae.txt: statuses, privilege expiry), seed 003 (003_697d191a98c8f841.txt: two copies,
 * location-based), seed 004 (004_112f9cf1318084f3.txt: the map does not lift limits).
 */
class CheckoutDecisionTest {

    private static final CirculationEngine ENGINE = Fixtures.policy()
            .profile(Fixtures.publicProfile().chargeLimit(Limit.of(3)).chargesAllowed(Limit.of(5)).build())
            .profile(Fixtures.publicProfile().name("NEWUSER").chargesAllowed(Limit.of(3)).build())
            .profile(Fixtures.publicProfile().name("ONECOPY").preventTwoCopiesOfTitle(true).build())
            .profile(Fixtures.publicProfile().name("ONECOPY_OV").preventTwoCopiesOfTitle(true)
                    .allowTwoCopiesOverride(true).build())
            .profile(Fixtures.publicProfile().name("DISCARD").locationBased(true).chargeLimit(Limit.of(0))
                    .chargesAllowed(Limit.of(0)).build())
            .profile(Fixtures.publicProfile().name("ZERO").chargeLimit(Limit.of(0)).build())
            .rule(new CirculationRule("*", "REFERENCE", false, LoanPeriod.days(1), Limit.of(0), FineRule.NONE))
            .engine();

    private static final ItemFacts BOOK = ItemFacts.available("I1", "BOOK", "T1");

    private static Decision checkout(ClientInterface via, Fixtures.PatronBuilder patron, ItemFacts item) {
        return ENGINE.checkout(at(via), patron.build(), item);
    }

    @Test
    @DisplayName("a clean patron checks out an available item; the decision carries the due date")
    void allowed() {
        Decision decision = checkout(SIP2, patron(), BOOK);
        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.dueDate()).contains(TODAY.plusDays(21));
        assertThat(decision.decidedBy()).isEqualTo("default");
    }

    @Test
    @DisplayName("seed 001: reaching the charge limit needs an override, so SIP2 denies and WorkFlows asks")
    void chargeLimit() {
        Decision sip2 = checkout(SIP2, patron().currentLoans(3), BOOK);
        assertThat(sip2.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(sip2.reasons()).containsExactlyInAnyOrder(Reason.CHARGE_LIMIT, Reason.OVERRIDE_NOT_AVAILABLE);
        assertThat(sip2.primaryReason()).isEqualTo(Reason.CHARGE_LIMIT);
        assertThat(sip2.dueDate()).isEmpty();

        Decision staff = checkout(WORKFLOWS, patron().currentLoans(3), BOOK);
        assertThat(staff.outcome()).isEqualTo(Outcome.OVERRIDE_REQUIRED);
        assertThat(staff.dueDate()).contains(TODAY.plusDays(21));

        Decision overridden = ENGINE.checkout(at(WORKFLOWS).withOverride(), patron().currentLoans(3).build(), BOOK);
        assertThat(overridden.outcome()).isEqualTo(Outcome.ALLOWED_WITH_WARNING);
        assertThat(overridden.reasons()).contains(Reason.CHARGE_LIMIT, Reason.OVERRIDE_APPLIED);

        assertThat(checkout(SIP2, patron().currentLoans(2), BOOK).outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    @DisplayName("seed 001: an override supplied on SIP2 is ignored, the charge limit still denies")
    void overrideIgnoredOnSip2() {
        Decision decision = ENGINE.checkout(at(SIP2).withOverride(), patron().currentLoans(3).build(), BOOK);
        assertThat(decision.outcome()).isEqualTo(Outcome.DENIED);
    }

    @Test
    @DisplayName("seed 001: charge limit UNLIMITED still stops at 25,000 items")
    void unlimitedChargeLimitIs25000() {
        UserProfile unlimited = Fixtures.publicProfile().chargeLimit(Limit.UNLIMITED).build();
        assertThat(unlimited.effectiveChargeLimit()).isEqualTo(25_000);
        assertThat(Limit.of(25_000)).isEqualTo(Limit.UNLIMITED);
    }

    @Test
    @DisplayName("seed 001: charge limit 0 means no checkout without an override")
    void chargeLimitZero() {
        assertThat(checkout(SIP2, patron().profile("ZERO"), BOOK).reasons()).contains(Reason.CHARGE_LIMIT);
    }

    @Test
    @DisplayName("seed 001: charges allowed per privilege period - after the third charge of NEWUSER, no more")
    void chargesAllowed() {
        Decision decision = checkout(WORKFLOWS, patron().profile("NEWUSER").chargesThisPeriod(3), BOOK);
        assertThat(decision.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(decision.primaryReason()).isEqualTo(Reason.CHARGES_ALLOWED_USED);
        assertThat(checkout(WORKFLOWS, patron().profile("NEWUSER").chargesThisPeriod(2), BOOK).isAllowed())
                .isTrue();
    }

    @Test
    @DisplayName("seed 003: location-based profiles bypass checkout limits")
    void locationBasedBypassesLimits() {
        Decision decision = checkout(SIP2, patron().profile("DISCARD").currentLoans(40).chargesThisPeriod(99), BOOK);
        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    @DisplayName("seed 002: after the privilege-expires date no checkout (an override on staff clients)")
    void privilegeExpired() {
        Decision expired = checkout(SIP2, patron().privilegeExpires(TODAY.minusDays(1)), BOOK);
        assertThat(expired.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(expired.primaryReason()).isEqualTo(Reason.PRIVILEGE_EXPIRED);
        assertThat(checkout(WORKFLOWS, patron().privilegeExpires(TODAY.minusDays(1)), BOOK).outcome())
                .isEqualTo(Outcome.OVERRIDE_REQUIRED);
        assertThat(checkout(SIP2, patron().privilegeExpires(TODAY), BOOK).outcome())
                .as("seed 001: limit August 27 - unable to charge out items *after* August 27")
                .isEqualTo(Outcome.ALLOWED);
    }

    @Test
    @DisplayName("seed 002: BARRED cannot check out, even on WorkFlows with an override")
    void barred() {
        Decision decision = ENGINE.checkout(at(WORKFLOWS).withOverride(), patron().standing("BARRED").build(), BOOK);
        assertThat(decision.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(decision.primaryReason()).isEqualTo(Reason.BARRED);
    }

    @Test
    @DisplayName("seed 002: BLOCKED needs a special override; NCIP cannot give one")
    void blocked() {
        Decision decision = checkout(NCIP, patron().finesCents(700), BOOK);
        assertThat(decision.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(decision.reasons()).contains(Reason.BLOCKED_BILLS, Reason.OVERRIDE_NOT_AVAILABLE);
        assertThat(decision.standing()).isEqualTo(UserStanding.BLOCKED);
    }

    @Test
    @DisplayName("seed 002: DELINQUENT checks out with a warning")
    void delinquent() {
        Decision decision = checkout(SIP2, patron().finesCents(100), BOOK);
        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED_WITH_WARNING);
        assertThat(decision.primaryReason()).isEqualTo(Reason.DELINQUENT);
        assertThat(decision.message()).isEqualTo(Reason.DELINQUENT.text());
    }

    @Test
    @DisplayName("seed 004: the map never lifts limits - a map line allowing BLOCKED on SIP2 still meets the charge"
            + " limit")
    void mapAllowKeepsLimits() {
        CirculationEngine engine = Fixtures.policy()
                .profile(Fixtures.publicProfile().chargeLimit(Limit.of(1)).build())
                .lines(Fixtures.line(MapCommand.CHECKOUT_ITEM, List.of("BLOCKED"), List.of(SIP2), MapAction.ALLOW))
                .engine();
        Decision decision = engine.checkout(at(SIP2), patron().finesCents(900).currentLoans(1).build(), BOOK);
        assertThat(decision.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(decision.primaryReason()).isEqualTo(Reason.CHARGE_LIMIT);
        assertThat(decision.mapLineNumber()).isEqualTo(1);
        assertThat(decision.mapAction()).isEqualTo(MapAction.ALLOW);

        Decision withinLimit = engine.checkout(at(SIP2), patron().finesCents(900).build(), BOOK);
        assertThat(withinLimit.outcome()).as("allowed by line 1, the block stays visible as a warning")
                .isEqualTo(Outcome.ALLOWED_WITH_WARNING);
        assertThat(withinLimit.reasons()).containsExactly(Reason.BLOCKED_BILLS);
        assertThat(withinLimit.decidedBy()).isEqualTo("line 1: CHECKOUT_ITEM | BLOCKED | SIP2 | ALLOW");
    }

    @Test
    @DisplayName("seed 004: a map line denying OK patrons on SIP2 gives MAP_DENY and names the line")
    void mapDeny() {
        CirculationEngine engine = Fixtures.policy()
                .lines(Fixtures.line(MapCommand.ALL, List.of(), List.of(ClientInterface.ALL), MapAction.ALLOW),
                        Fixtures.line(MapCommand.CHECKOUT_ITEM, List.of("OK"), List.of(SIP2), MapAction.DENY))
                .engine();
        Decision decision = engine.checkout(at(SIP2), patron().build(), BOOK);
        assertThat(decision.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(decision.reasons()).containsExactly(Reason.MAP_DENY);
        assertThat(decision.mapLineNumber()).isEqualTo(2);
        assertThat(engine.checkout(at(NCIP), patron().build(), BOOK).mapLineNumber()).isEqualTo(1);
    }

    @Test
    @DisplayName("issue 4: item already charged to another patron is refused")
    void alreadyCharged() {
        ItemFacts charged = new ItemFacts("I1", "BOOK", "T1", null, false, true, "P2", "PUBLIC", List.of());
        Decision decision = checkout(WORKFLOWS, patron(), charged);
        assertThat(decision.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(decision.primaryReason()).isEqualTo(Reason.ITEM_ALREADY_CHARGED);
    }

    @Test
    @DisplayName("issue 4: item already charged to this patron is refused (the server may renew instead)")
    void chargedToSamePatron() {
        ItemFacts charged = new ItemFacts("I1", "BOOK", "T1", null, false, true, Fixtures.PATRON, "PUBLIC",
                List.of());
        assertThat(checkout(SIP2, patron(), charged).primaryReason()).isEqualTo(Reason.ITEM_CHARGED_TO_PATRON);
    }

    @Test
    @DisplayName("seed 001: Recirculate Item - an item charged to a LIBRARYUSE user may be charged to another")
    void recirculate() {
        ItemFacts atBindery = new ItemFacts("I1", "BOOK", "T1", null, false, true, "TECHSERV", "LIBRARYUSE",
                List.of());
        Decision decision = checkout(SIP2, patron(), atBindery);
        assertThat(decision.isAllowed()).isTrue();
        assertThat(decision.reasons()).containsExactly(Reason.ITEM_RECIRCULATED);
    }

    @Test
    @DisplayName("issue 4: a non-circulating item needs an override (denied on SIP2)")
    void notCirculating() {
        assertThat(checkout(SIP2, patron(), ItemFacts.available("R1", "REFERENCE", "T9")).reasons())
                .contains(Reason.ITEM_NOT_CIRCULATING, Reason.OVERRIDE_NOT_AVAILABLE);
        ItemFacts inRepair = new ItemFacts("I1", "BOOK", "T1", null, false, false, null, null, List.of());
        assertThat(checkout(WORKFLOWS, patron(), inRepair).outcome()).isEqualTo(Outcome.OVERRIDE_REQUIRED);
    }

    @Test
    @DisplayName("seed 001: an item on hold for someone ahead in the queue needs an override; the patron at the head"
            + " may take it")
    void onHoldForOther() {
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        List<HoldFacts> holds = List.of(new HoldFacts("P2", 150, t, false),
                new HoldFacts(Fixtures.PATRON, 150, t.plusSeconds(60), false));
        ItemFacts held = new ItemFacts("I1", "BOOK", "T1", null, false, true, null, null, holds);
        assertThat(checkout(SIP2, patron(), held).primaryReason()).isEqualTo(Reason.ITEM_ON_HOLD_FOR_OTHER);
        assertThat(checkout(SIP2, patron().id("P2"), held).outcome()).isEqualTo(Outcome.ALLOWED);

        List<HoldFacts> suspendedFirst = List.of(new HoldFacts("P2", 100, t, true),
                new HoldFacts(Fixtures.PATRON, 150, t.plusSeconds(60), false));
        ItemFacts heldForMe = new ItemFacts("I1", "BOOK", "T1", null, false, true, null, null, suspendedFirst);
        assertThat(checkout(SIP2, patron(), heldForMe).outcome()).as("a suspended hold waits")
                .isEqualTo(Outcome.ALLOWED);
    }

    @Test
    @DisplayName("seed 003: Prevent Users From Checking Out Two Copies of the Same Title")
    void twoCopies() {
        LoanFacts copyOne = new LoanFacts("C1", "BOOK", "T1", null, false, TODAY.plusDays(5), false, 0);
        ItemFacts copyTwo = ItemFacts.available("C2", "BOOK", "T1");
        Decision denied = checkout(WORKFLOWS, patron().profile("ONECOPY").loan(copyOne), copyTwo);
        assertThat(denied.outcome()).as("without Allow Override even staff cannot").isEqualTo(Outcome.DENIED);
        assertThat(denied.primaryReason()).isEqualTo(Reason.TITLE_ALREADY_CHARGED);

        assertThat(checkout(WORKFLOWS, patron().profile("ONECOPY_OV").loan(copyOne), copyTwo).outcome())
                .as("Allow Override: the Title Already Checked Out override").isEqualTo(Outcome.OVERRIDE_REQUIRED);
        assertThat(checkout(SIP2, patron().profile("ONECOPY_OV").loan(copyOne), copyTwo).outcome())
                .isEqualTo(Outcome.DENIED);
        assertThat(checkout(SIP2, patron().loan(copyOne), copyTwo).outcome())
                .as("profiles without the rule may take a second copy").isEqualTo(Outcome.ALLOWED);
    }

    @Test
    @DisplayName("seed 003: two copies - different volumes and circulation sets are not affected")
    void twoCopiesExemptions() {
        LoanFacts volumeOne = new LoanFacts("C1", "BOOK", "T1", "v.1", false, TODAY.plusDays(5), false, 0);
        ItemFacts volumeTwo = new ItemFacts("C2", "BOOK", "T1", "v.2", false, true, null, null, List.of());
        assertThat(checkout(SIP2, patron().profile("ONECOPY").loan(volumeOne), volumeTwo).outcome())
                .isEqualTo(Outcome.ALLOWED);
        ItemFacts inSet = new ItemFacts("C2", "BOOK", "T1", "v.1", true, true, null, null, List.of());
        assertThat(checkout(SIP2, patron().profile("ONECOPY").loan(volumeOne), inSet).outcome())
                .isEqualTo(Outcome.ALLOWED);
    }

    @Test
    @DisplayName("fail closed: a profile or standing the policy does not define denies")
    void unknownReferences() {
        assertThat(checkout(WORKFLOWS, patron().profile("GHOST"), BOOK).reasons())
                .containsExactly(Reason.UNKNOWN_PROFILE);
        Decision unknownStanding = checkout(WORKFLOWS, patron().standing("GONE"), BOOK);
        assertThat(unknownStanding.reasons()).containsExactly(Reason.UNKNOWN_STANDING);
        assertThat(unknownStanding.decidedBy()).isEqualTo("not evaluated");
        assertThat(unknownStanding.mapOutcome()).isEmpty();
    }

    @Test
    @DisplayName("several reasons: the primary one is the deciding group's first, warnings ride along")
    void severalReasons() {
        Decision decision = checkout(SIP2, patron().finesCents(100).currentLoans(3)
                .privilegeExpires(TODAY.minusDays(1)), BOOK);
        assertThat(decision.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(decision.primaryReason()).isEqualTo(Reason.PRIVILEGE_EXPIRED);
        assertThat(decision.reasons()).containsExactlyInAnyOrder(Reason.PRIVILEGE_EXPIRED, Reason.CHARGE_LIMIT,
                Reason.DELINQUENT, Reason.OVERRIDE_NOT_AVAILABLE);
        assertThat(decision.message()).startsWith(Reason.PRIVILEGE_EXPIRED.text());
    }
}
