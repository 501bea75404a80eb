package org.circgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.circgate.policy.ClientInterface.SIP2;
import static org.circgate.policy.ClientInterface.WEBCAT;
import static org.circgate.policy.ClientInterface.WORKFLOWS;
import static org.circgate.policy.Fixtures.TODAY;
import static org.circgate.policy.Fixtures.at;
import static org.circgate.policy.Fixtures.patron;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Renew, holds and Pay Bills decisions: seed 001 (001_a08477753202bef7.txt: hold limit), seed 004
 * (004_112f9cf1318084f3.txt: map, renew limit override), issue 4 (renewal limit, item has holds, pay bills).
 */
class RenewHoldPayDecisionTest {

    private static final CirculationEngine ENGINE = Fixtures.policy()
            .profile(Fixtures.publicProfile().holdLimit(Limit.of(2)).build())
            .rule(new CirculationRule("*", "DVD", true, LoanPeriod.days(7), Limit.of(1), FineRule.NONE))
            .lines(Fixtures.line(MapCommand.RENEW, List.of("BLOCKED"), List.of(WEBCAT), MapAction.ALLOW))
            .engine();

    private static final LoanFacts LOAN =
            new LoanFacts("I1", "BOOK", "T1", null, false, TODAY.plusDays(3), false, 0);
    private static final ItemFacts ITEM = ItemFacts.available("I1", "BOOK", "T1");

    @Test
    @DisplayName("renew: allowed renewals get a new due date counted from today")
    void renewAllowed() {
        Decision decision = ENGINE.renew(at(SIP2), patron().loan(LOAN).build(), LOAN, ITEM);
        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(decision.dueDate()).contains(TODAY.plusDays(21));
    }

    @Test
    @DisplayName("issue 4: renewal limit of the circulation rule needs an override (seed 004: the renew limit"
            + " override still applies whatever the map says)")
    void renewalLimit() {
        LoanFacts dvd = new LoanFacts("D1", "DVD", "T2", null, false, TODAY.plusDays(1), false, 1);
        ItemFacts item = ItemFacts.available("D1", "DVD", "T2");
        Decision decision = ENGINE.renew(at(SIP2), patron().loan(dvd).build(), dvd, item);
        assertThat(decision.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(decision.primaryReason()).isEqualTo(Reason.RENEWAL_LIMIT);
        assertThat(ENGINE.renew(at(WORKFLOWS), patron().loan(dvd).build(), dvd, item).outcome())
                .isEqualTo(Outcome.OVERRIDE_REQUIRED);

        LoanFacts blockedDvd = dvd;
        Decision viaWebcat = ENGINE.renew(at(WEBCAT), patron().finesCents(900).loan(blockedDvd).build(),
                blockedDvd, item);
        assertThat(viaWebcat.mapLineNumber()).as("map allows BLOCKED on Webcat").isEqualTo(1);
        assertThat(viaWebcat.outcome()).as("...but the renewal limit still stops it").isEqualTo(Outcome.DENIED);
        assertThat(viaWebcat.primaryReason()).isEqualTo(Reason.RENEWAL_LIMIT);
    }

    @Test
    @DisplayName("seed 004 example: a BLOCKED user may renew in e-Library without override; WorkFlows still needs"
            + " one")
    void seedExampleBlockedRenewsInWebcat() {
        PatronFacts blocked = patron().finesCents(900).loan(LOAN).build();
        Decision webcat = ENGINE.renew(at(WEBCAT), blocked, LOAN, ITEM);
        assertThat(webcat.isAllowed()).isTrue();
        assertThat(ENGINE.renew(at(WORKFLOWS), blocked, LOAN, ITEM).outcome()).isEqualTo(Outcome.OVERRIDE_REQUIRED);
        assertThat(ENGINE.renew(at(SIP2), blocked, LOAN, ITEM).outcome()).isEqualTo(Outcome.DENIED);
    }

    @Test
    @DisplayName("issue 4: an item with holds by others needs an override to renew; the patron's own hold does not"
            + " count, nor does a suspended one")
    void itemHasHolds() {
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        ItemFacts held = new ItemFacts("I1", "BOOK", "T1", null, false, true, Fixtures.PATRON, "PUBLIC",
                List.of(new HoldFacts("P2", 150, t, false)));
        assertThat(ENGINE.renew(at(SIP2), patron().loan(LOAN).build(), LOAN, held).reasons())
                .contains(Reason.ITEM_HAS_HOLDS, Reason.OVERRIDE_NOT_AVAILABLE);
        ItemFacts ownOrSuspended = new ItemFacts("I1", "BOOK", "T1", null, false, true, Fixtures.PATRON, "PUBLIC",
                List.of(new HoldFacts(Fixtures.PATRON, 150, t, false), new HoldFacts("P2", 150, t, true)));
        assertThat(ENGINE.renew(at(SIP2), patron().loan(LOAN).build(), LOAN, ownOrSuspended).isAllowed()).isTrue();
    }

    @Test
    @DisplayName("renew: an item not charged to the patron cannot be renewed")
    void notCharged() {
        assertThat(ENGINE.renew(at(SIP2), patron().build(), null, ITEM).reasons())
                .containsExactly(Reason.ITEM_NOT_CHARGED_TO_PATRON);
        assertThatThrownBy(() -> ENGINE.renew(at(SIP2), patron().build(), LOAN, ItemFacts.available("X", "B", "T")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("seed 002: renew after privilege expiry needs an override")
    void renewExpired() {
        PatronFacts expired = patron().privilegeExpires(TODAY.minusDays(2)).loan(LOAN).build();
        assertThat(ENGINE.renew(at(SIP2), expired, LOAN, ITEM).primaryReason()).isEqualTo(Reason.PRIVILEGE_EXPIRED);
    }

    @Test
    @DisplayName("seed 001: Hold Limit is used for placing holds - at the limit, placing needs an override")
    void holdLimit() {
        assertThat(ENGINE.placeHold(at(SIP2), patron().holds(1).build(), false).outcome())
                .isEqualTo(Outcome.ALLOWED);
        Decision atLimit = ENGINE.placeHold(at(SIP2), patron().holds(2).build(), false);
        assertThat(atLimit.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(atLimit.primaryReason()).isEqualTo(Reason.HOLD_LIMIT);
        Decision blanket = ENGINE.placeHold(at(WORKFLOWS), patron().holds(2).build(), true);
        assertThat(blanket.command()).isEqualTo(MapCommand.BLANKET_HOLD);
        assertThat(blanket.outcome()).isEqualTo(Outcome.OVERRIDE_REQUIRED);
    }

    @Test
    @DisplayName("seed 001: hold limit UNLIMITED never stops placing holds")
    void unlimitedHolds() {
        CirculationEngine engine = Fixtures.policy().profile(Fixtures.publicProfile().holdLimit(Limit.UNLIMITED)
                .build()).engine();
        assertThat(engine.placeHold(at(SIP2), patron().holds(30_000).build(), false).isAllowed()).isTrue();
    }

    @Test
    @DisplayName("seed 004: remove and suspend holds follow the map only - BARRED is denied, DELINQUENT warned")
    void removeAndSuspend() {
        assertThat(ENGINE.removeHold(at(SIP2), patron().standing("BARRED").build()).outcome())
                .isEqualTo(Outcome.DENIED);
        assertThat(ENGINE.suspendHolds(at(SIP2), patron().feesCents(10).holds(99).build()).outcome())
                .isEqualTo(Outcome.ALLOWED_WITH_WARNING);
    }

    @Test
    @DisplayName("issue 4: pay bills - positive amounts up to what is owed")
    void payBills() {
        PatronFacts owes = patron().finesCents(300).feesCents(100).build();
        assertThat(ENGINE.payBills(at(SIP2), owes, 400).outcome()).isEqualTo(Outcome.ALLOWED_WITH_WARNING);
        assertThat(ENGINE.payBills(at(SIP2), owes, 401).primaryReason()).isEqualTo(Reason.OVERPAYMENT);
        assertThat(ENGINE.payBills(at(SIP2), owes, 0).primaryReason()).isEqualTo(Reason.INVALID_AMOUNT);
    }

    @Test
    @DisplayName("seed 004 + DESIGN 3.2: with the built-in map a BLOCKED patron cannot pay bills at a kiosk")
    void blockedPayBillsDefault() {
        PatronFacts blocked = patron().finesCents(900).build();
        assertThat(ENGINE.payBills(at(SIP2), blocked, 100).outcome()).isEqualTo(Outcome.DENIED);
        CirculationEngine withLine = Fixtures.policy().lines(Fixtures.line(MapCommand.PAY_BILLS, List.of(),
                List.of(ClientInterface.ALL), MapAction.ALLOW)).engine();
        Decision allowed = withLine.payBills(at(SIP2), blocked, 100);
        assertThat(allowed.isAllowed()).as("a PAY_BILLS line lets everyone pay").isTrue();
        assertThat(allowed.reasons()).containsExactly(Reason.BLOCKED_BILLS);
    }
}
