package org.circgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.circgate.policy.Fixtures.TODAY;
import static org.circgate.policy.Fixtures.overdueLoan;
import static org.circgate.policy.Fixtures.overdueRecall;
import static org.circgate.policy.Fixtures.patron;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Standing computation (DESIGN §3.3) from seed 001 (001_a08477753202bef7.txt: Overdue, Bill and Overdue Recall
 * Thresholds) and seed 002 (002_a9956b3d30e14fae.txt: Status, custom standings, Reinstate User).
 */
class StandingCalculatorTest {

    private static final UserStanding NEVER_BLOCK =
            UserStanding.custom("STAFFHOLD", "Blocked by staff", DelinquencyType.BLOCKED, AutoReplace.NEVER);
    private static final UserStanding RAISE_DELINQ =
            UserStanding.custom("WARNED", "Warned", DelinquencyType.DELINQUENT, AutoReplace.RAISE_ONLY);
    private static final UserStanding ALWAYS_OK =
            UserStanding.custom("VIP", "Friends of the library", DelinquencyType.OK, AutoReplace.ALWAYS);
    private static final UserStanding LOSTCARD =
            UserStanding.custom("LOSTCARD", "Barred: card lost", DelinquencyType.BARRED, AutoReplace.ALWAYS);

    /** PUBLIC: bill threshold $5.00, overdue threshold 10, overdue-recall threshold 1; fine $0.25/day, max $10. */
    private static final StandingCalculator CALCULATOR = Fixtures.policy()
            .profile(Fixtures.publicProfile().build())
            .profile(Fixtures.publicProfile().name("STAFF").billable(false).billThresholdCents(0).overdueThreshold(0)
                    .overdueRecallThreshold(0).build())
            .profile(Fixtures.publicProfile().name("THREE").overdueThreshold(3).overdueRecallThreshold(2).build())
            .standing(NEVER_BLOCK).standing(RAISE_DELINQ).standing(ALWAYS_OK).standing(LOSTCARD)
            .engine().standings();

    static Stream<Arguments> computedStandings() {
        return Stream.of(
                Arguments.of("seed 002: OK means nothing owed or overdue", patron(), DelinquencyType.OK),
                Arguments.of("seed 002: DELINQUENT with an unpaid bill", patron().feesCents(1),
                        DelinquencyType.DELINQUENT),
                Arguments.of("seed 002: DELINQUENT with an overdue item", patron().loan(overdueLoan("A", 1)),
                        DelinquencyType.DELINQUENT),
                Arguments.of("seed 001: an item due today is not overdue", patron().loan(overdueLoan("A", 0)),
                        DelinquencyType.OK),
                Arguments.of("seed 001: BLOCKED when bills equal the bill threshold", patron().finesCents(500),
                        DelinquencyType.BLOCKED),
                Arguments.of("seed 001: just below the bill threshold is DELINQUENT", patron().finesCents(499),
                        DelinquencyType.DELINQUENT),
                Arguments.of("seed 001: the bill threshold includes accruing fines ($4.00 + 4 days x $0.25)",
                        patron().finesCents(400).loan(overdueLoan("A", 4)), DelinquencyType.BLOCKED),
                Arguments.of("seed 001: bill threshold $0.00 is unlimited",
                        patron().profile("STAFF").finesCents(1_000_000), DelinquencyType.DELINQUENT),
                Arguments.of("seed 001: non-billable profiles accrue no fines",
                        patron().profile("STAFF").loan(overdueLoan("A", 300)), DelinquencyType.DELINQUENT),
                Arguments.of("seed 001: BLOCKED when overdue items equal the overdue threshold",
                        patron().profile("THREE").loan(overdueLoan("A", 1)).loan(overdueLoan("B", 1))
                                .loan(overdueLoan("C", 1)), DelinquencyType.BLOCKED),
                Arguments.of("seed 001: one below the overdue threshold is DELINQUENT",
                        patron().profile("THREE").loan(overdueLoan("A", 1)).loan(overdueLoan("B", 1)),
                        DelinquencyType.DELINQUENT),
                Arguments.of("seed 001: overdue threshold 0 is unlimited",
                        patron().profile("STAFF").loan(overdueLoan("A", 1)).loan(overdueLoan("B", 1))
                                .loan(overdueLoan("C", 1)).loan(overdueLoan("D", 1)), DelinquencyType.DELINQUENT),
                Arguments.of("seed 001: an overdue recalled item counts against the overdue-recall threshold",
                        patron().profile("THREE").loan(overdueRecall("A", 1)).loan(overdueRecall("B", 1)),
                        DelinquencyType.BLOCKED),
                Arguments.of("seed 001: a recalled item not yet overdue does not count",
                        patron().profile("THREE").loan(overdueRecall("A", 1)).loan(overdueRecall("B", -3)),
                        DelinquencyType.DELINQUENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("computedStandings")
    void computed(String rule, Fixtures.PatronBuilder patron, DelinquencyType expected) {
        StandingAssessment assessment = CALCULATOR.assess(patron.build(), TODAY);
        assertThat(assessment.computed()).isEqualTo(expected);
        assertThat(assessment.effective()).isEqualTo(UserStanding.of(expected));
    }

    static Stream<Arguments> storedStandings() {
        return Stream.of(
                Arguments.of("seed 002: BARRED is never removed automatically", "BARRED", patron(), "BARRED"),
                Arguments.of("seed 002: a custom BARRED type is staff-only whatever its auto-replace", "LOSTCARD",
                        patron(), "LOSTCARD"),
                Arguments.of("seed 002: a stored BLOCKED is recomputed (circgate computes at decision time)",
                        "BLOCKED", patron(), "OK"),
                Arguments.of("seed 002: a stored OK is recomputed", "OK", patron().finesCents(500), "BLOCKED"),
                Arguments.of("seed 002: custom NEVER stays even when the figures are clean", "STAFFHOLD", patron(),
                        "STAFFHOLD"),
                Arguments.of("seed 002: custom RAISE_ONLY stays when the computed type is less restrictive",
                        "WARNED", patron(), "WARNED"),
                Arguments.of("seed 002: custom RAISE_ONLY stays when the computed type is equal", "WARNED",
                        patron().feesCents(100), "WARNED"),
                Arguments.of("seed 002: custom RAISE_ONLY is replaced by a more restrictive computed standing",
                        "WARNED", patron().finesCents(500), "BLOCKED"),
                Arguments.of("seed 002: custom ALWAYS is replaced by the computed standing", "VIP",
                        patron().feesCents(100), "DELINQUENT"),
                Arguments.of("seed 002: custom ALWAYS is replaced even by OK", "VIP", patron(), "OK"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedStandings")
    void effective(String rule, String stored, Fixtures.PatronBuilder patron, String expected) {
        PatronFacts facts = patron.standing(stored).build();
        assertThat(CALCULATOR.assess(facts, TODAY).effective().name()).isEqualTo(expected);
        StandingChange change = CALCULATOR.recompute(facts, TODAY);
        assertThat(change.to().name()).as("batch recompute stores the same").isEqualTo(expected);
        assertThat(change.changed()).isEqualTo(!stored.equals(expected));
    }

    @Test
    @DisplayName("seed 001: changing PUBLIC ($5.00) to STAFF ($0.00 = unlimited) with $5.00 owed turns BLOCKED into"
            + " DELINQUENT on recompute")
    void seedExampleProfileChange() {
        PatronFacts asPublic = patron().standing("BLOCKED").finesCents(500).build();
        assertThat(CALCULATOR.recompute(asPublic, TODAY).to()).isEqualTo(UserStanding.BLOCKED);
        PatronFacts asStaff = patron().profile("STAFF").standing("BLOCKED").finesCents(500).build();
        StandingChange change = CALCULATOR.recompute(asStaff, TODAY);
        assertThat(change.from()).isEqualTo(UserStanding.BLOCKED);
        assertThat(change.to()).isEqualTo(UserStanding.DELINQUENT);
    }

    @Test
    @DisplayName("seed 002: Reinstate User on a BARRED user may land on BLOCKED or DELINQUENT")
    void reinstate() {
        assertThat(CALCULATOR.reinstate(patron().standing("BARRED").build(), TODAY).to())
                .isEqualTo(UserStanding.OK);
        assertThat(CALCULATOR.reinstate(patron().standing("BARRED").finesCents(100).build(), TODAY).to())
                .isEqualTo(UserStanding.DELINQUENT);
        assertThat(CALCULATOR.reinstate(patron().standing("LOSTCARD").finesCents(900).build(), TODAY).to())
                .isEqualTo(UserStanding.BLOCKED);
    }

    @Test
    @DisplayName("seed 002: Reinstate User is offered only for BARRED-type standings")
    void reinstateOnlyBarred() {
        assertThatThrownBy(() -> CALCULATOR.reinstate(patron().standing("STAFFHOLD").build(), TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BARRED");
    }

    @Test
    @DisplayName("seed 001: the assessment reports the figures behind the standing")
    void figures() {
        StandingAssessment a = CALCULATOR.assess(patron().profile("THREE").finesCents(100).feesCents(50)
                .loan(overdueLoan("A", 2)).loan(overdueRecall("B", 50)).loan(Fixtures.currentLoan("C")).build(),
                TODAY);
        assertThat(a.unpaidBillsCents()).isEqualTo(150);
        assertThat(a.accruingFinesCents()).isEqualTo(50 + 1000); // 2 x 0.25, and 50 days capped at $10.00
        assertThat(a.owedCents()).isEqualTo(1200);
        assertThat(a.overdueItems()).isEqualTo(2);
        assertThat(a.overdueRecalls()).isEqualTo(1);
        assertThat(a.blockedByBills()).isTrue();
        assertThat(a.blockedByOverdues()).isFalse();
        assertThat(a.blockedByOverdueRecalls()).isFalse();
    }

    @Test
    @DisplayName("seed 002: built-in standings cannot be redefined or duplicated as custom ones")
    void builtInsFixed() {
        assertThatThrownBy(() -> new UserStanding("BARRED", "", DelinquencyType.BARRED, AutoReplace.ALWAYS))
                .hasMessageContaining("cannot be redefined");
        assertThatThrownBy(() -> UserStanding.custom("OK", "", DelinquencyType.OK, AutoReplace.ALWAYS))
                .hasMessageContaining("built-in");
        assertThatThrownBy(() -> UserStandings.withCustom(List.of(NEVER_BLOCK, NEVER_BLOCK)))
                .hasMessageContaining("twice");
        assertThat(UserStandings.builtInOnly().all()).extracting(UserStanding::name)
                .containsExactly("OK", "DELINQUENT", "BLOCKED", "BARRED");
    }
}
