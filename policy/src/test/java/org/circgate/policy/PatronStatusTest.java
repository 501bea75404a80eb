package org.circgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.policy.ClientInterface.SIP2;
import static org.circgate.policy.ClientInterface.WORKFLOWS;
import static org.circgate.policy.Fixtures.TODAY;
import static org.circgate.policy.Fixtures.at;
import static org.circgate.policy.Fixtures.overdueLoan;
import static org.circgate.policy.Fixtures.overdueRecall;
import static org.circgate.policy.Fixtures.patron;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The patron-status view against DESIGN §4's table of the 14 SIP2 positions and NCIP STATUS, with seed 002
 * (002_a9956b3d30e14fae.txt: privilege expiry, statuses) and seed 003 (003_697d191a98c8f841.txt: location-based).
 */
class PatronStatusTest {

    private static final CirculationEngine ENGINE = Fixtures.policy()
            .profile(Fixtures.publicProfile().chargeLimit(Limit.of(3)).holdLimit(Limit.of(1)).overdueThreshold(2)
                    .overdueRecallThreshold(1).billThresholdCents(500).build())
            .profile(Fixtures.publicProfile().name("LOST").locationBased(true).chargeLimit(Limit.of(0)).build())
            .standing(UserStanding.custom("STAFFHOLD", "", DelinquencyType.BLOCKED, AutoReplace.NEVER))
            .statusLimits(new PatronStatusLimits(2, 3, 4))
            .engine();

    private static PatronStatus status(ClientInterface via, Fixtures.PatronBuilder patron) {
        return ENGINE.patronStatus(at(via), patron.build());
    }

    @Test
    @DisplayName("DESIGN 4: a clean patron has no position set and NCIP STATUS OK")
    void clean() {
        PatronStatus status = status(SIP2, patron());
        assertThat(status.sip2Positions()).containsOnly(false);
        assertThat(status.ncipStatus()).isEqualTo(DelinquencyType.OK);
        assertThat(status.standing()).contains(UserStanding.OK);
        assertThat(status.privileges()).hasSize(7);
    }

    @Test
    @DisplayName("DESIGN 4 positions 1-4: BLOCKED on SIP2 denies charge, renewal, recall and hold privileges; the"
            + " same patron on WorkFlows needs overrides")
    void blockedPositions() {
        PatronStatus sip2 = status(SIP2, patron().finesCents(600));
        assertThat(sip2.chargePrivilegesDenied()).isTrue();
        assertThat(sip2.renewalPrivilegesDenied()).isTrue();
        assertThat(sip2.recallPrivilegesDenied()).isTrue();
        assertThat(sip2.holdPrivilegesDenied()).isTrue();
        assertThat(sip2.privilege(MapCommand.CHECKOUT_ITEM).reasons())
                .contains(Reason.BLOCKED_BILLS, Reason.OVERRIDE_NOT_AVAILABLE);
        assertThat(sip2.ncipStatus()).isEqualTo(DelinquencyType.BLOCKED);
        assertThat(status(WORKFLOWS, patron().finesCents(600)).privilege(MapCommand.CHECKOUT_ITEM).outcome())
                .isEqualTo(Outcome.OVERRIDE_REQUIRED);
    }

    @Test
    @DisplayName("DESIGN 4: DELINQUENT adds a warning but sets no privilege position")
    void delinquent() {
        PatronStatus status = status(SIP2, patron().feesCents(100));
        assertThat(status.sip2Positions()).containsOnly(false);
        assertThat(status.privilege(MapCommand.CHECKOUT_ITEM).outcome()).isEqualTo(Outcome.ALLOWED_WITH_WARNING);
        assertThat(status.ncipStatus()).isEqualTo(DelinquencyType.DELINQUENT);
    }

    @Test
    @DisplayName("DESIGN 4 + seed 002: privilege expired sets positions 1-4 and leaves pay bills allowed")
    void privilegeExpired() {
        PatronStatus status = status(SIP2, patron().privilegeExpires(TODAY.minusDays(1)));
        boolean[] p = status.sip2Positions();
        assertThat(new boolean[] {p[0], p[1], p[2], p[3]}).containsOnly(true);
        assertThat(status.privilegeExpired()).isTrue();
        assertThat(status.privilege(MapCommand.PAY_BILLS).isAllowed()).isTrue();
        assertThat(status.privilege(MapCommand.REMOVE_HOLD).isAllowed()).isTrue();
    }

    @Test
    @DisplayName("DESIGN 4 positions 1 and 6: charge limit reached denies charging and flags too many charged")
    void chargeLimit() {
        PatronStatus status = status(SIP2, patron().currentLoans(3));
        assertThat(status.chargePrivilegesDenied()).isTrue();
        assertThat(status.tooManyItemsCharged()).isTrue();
        assertThat(status.renewalPrivilegesDenied()).isFalse();
        assertThat(status(SIP2, patron().profile("LOST").currentLoans(3)).tooManyItemsCharged())
                .as("seed 003: location-based profiles bypass checkout limits").isFalse();
    }

    @Test
    @DisplayName("DESIGN 4 positions 3 and 4: hold limit reached denies hold and recall privileges")
    void holdLimit() {
        PatronStatus status = status(SIP2, patron().holds(1));
        assertThat(status.holdPrivilegesDenied()).isTrue();
        assertThat(status.recallPrivilegesDenied()).isTrue();
        assertThat(status.chargePrivilegesDenied()).isFalse();
    }

    @Test
    @DisplayName("DESIGN 4 positions 5, 7, 9, 10, 13, 14: the count flags and their configured limits")
    void countFlags() {
        PatronStatus status = status(WORKFLOWS, patron().cardLost(true).loan(overdueLoan("A", 1))
                .loan(overdueRecall("B", 1)).claimsReturned(2).lostItems(3).billedItems(4));
        assertThat(status.cardReportedLost()).isTrue();
        assertThat(status.tooManyItemsOverdue()).isTrue();
        assertThat(status.recallOverdue()).isTrue();
        assertThat(status.tooManyClaimsReturned()).isTrue();
        assertThat(status.tooManyItemsLost()).isTrue();
        assertThat(status.tooManyItemsBilled()).isTrue();
        assertThat(status.tooManyRenewals()).as("position 8 is per item").isFalse();

        PatronStatus below = status(WORKFLOWS, patron().loan(overdueLoan("A", 1)).claimsReturned(1).lostItems(2)
                .billedItems(3));
        assertThat(below.tooManyItemsOverdue()).isFalse();
        assertThat(below.recallOverdue()).isFalse();
        assertThat(below.tooManyClaimsReturned()).isFalse();
        assertThat(below.tooManyItemsLost()).isFalse();
        assertThat(below.tooManyItemsBilled()).isFalse();
    }

    @Test
    @DisplayName("DESIGN 4 positions 11 and 12: fines (resp. other fees) plus accruing fines against the threshold")
    void fineAndFeeFlags() {
        PatronStatus fines = status(WORKFLOWS, patron().finesCents(450).loan(overdueLoan("A", 1)).feesCents(0));
        assertThat(fines.excessiveFines()).isFalse(); // 4.50 + 0.25 < 5.00
        PatronStatus moreFines = status(WORKFLOWS, patron().finesCents(475).loan(overdueLoan("A", 1)));
        assertThat(moreFines.excessiveFines()).isTrue();
        assertThat(moreFines.excessiveFees()).isFalse();
        PatronStatus fees = status(WORKFLOWS, patron().feesCents(500));
        assertThat(fees.excessiveFees()).isTrue();
        assertThat(fees.excessiveFines()).isFalse();
    }

    @Test
    @DisplayName("NCIP STATUS reports a custom standing by its delinquency type")
    void customStandingNcip() {
        PatronStatus status = status(ClientInterface.NCIP, patron().standing("STAFFHOLD"));
        assertThat(status.standing().map(UserStanding::name)).contains("STAFFHOLD");
        assertThat(status.ncipStatus()).isEqualTo(DelinquencyType.BLOCKED);
        assertThat(status.privilege(MapCommand.CHECKOUT_ITEM).primaryReason()).isEqualTo(Reason.BLOCKED);
    }

    @Test
    @DisplayName("an unknown profile gives a status with every privilege denied")
    void unknownProfile() {
        PatronStatus status = status(SIP2, patron().profile("GHOST"));
        assertThat(status.standing()).isEmpty();
        assertThat(status.privileges().values()).allMatch(d -> d.has(Reason.UNKNOWN_PROFILE));
        assertThat(status.ncipStatus()).isEqualTo(DelinquencyType.BARRED);
    }
}
