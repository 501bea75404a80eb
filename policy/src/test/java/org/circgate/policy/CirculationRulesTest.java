package org.circgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Due dates, fines, rule lookup, hold queue order, privilege expiry and suspension: seed 001
 * (001_a08477753202bef7.txt: Library Precedence, Hold Rank, Privilege Limit, Maximum Suspension) and issue 4.
 */
class CirculationRulesTest {

    private static final LocalDate DEC_7 = LocalDate.of(2024, 12, 7);

    private static CirculationEngine engine(LocalDate precedence, Set<LocalDate> closed) {
        return Fixtures.policy()
                .profile(Fixtures.publicProfile().build())
                .profile(Fixtures.publicProfile().name("FACULTY").libraryPrecedence(true).holdRank(125).build())
                .profile(Fixtures.publicProfile().name("STAFF").billable(false).build())
                .rule(new CirculationRule("*", "*", true, new LoanPeriod(1, PeriodUnit.MONTHS), Limit.of(2),
                        new FineRule(25, PeriodUnit.DAYS, 1000)))
                .rule(new CirculationRule("*", "DVD", true, LoanPeriod.days(7), Limit.of(1),
                        new FineRule(100, PeriodUnit.DAYS, 0)))
                .rule(new CirculationRule("FACULTY", "*", true, LoanPeriod.days(120), Limit.UNLIMITED,
                        FineRule.NONE))
                .rule(new CirculationRule("FACULTY", "DVD", true, LoanPeriod.days(14), Limit.of(3),
                        new FineRule(50, PeriodUnit.WEEKS, 300)))
                .library(new LibraryPolicy("MAIN", "Main", precedence, closed))
                .library(LibraryPolicy.open("BRANCH", "Branch"))
                .engine();
    }

    @Test
    @DisplayName("seed 001 Library Precedence: charged December 7, normally due January 7, due December 15 instead")
    void libraryPrecedenceExample() {
        CirculationEngine engine = engine(LocalDate.of(2024, 12, 15), Set.of());
        assertThat(engine.dueDate("PUBLIC", "BOOK", "MAIN", DEC_7)).as("Library Precedence cleared")
                .isEqualTo(LocalDate.of(2025, 1, 7));
        assertThat(engine.dueDate("FACULTY", "BOOK", "MAIN", DEC_7)).isEqualTo(LocalDate.of(2024, 12, 15));
        assertThat(engine.dueDate("FACULTY", "BOOK", "BRANCH", DEC_7)).as("another library has no fixed date")
                .isEqualTo(DEC_7.plusDays(120));
        assertThat(engine.dueDate("FACULTY", "BOOK", "MAIN", LocalDate.of(2024, 12, 16)))
                .as("a fixed date already past does not apply").isEqualTo(LocalDate.of(2024, 12, 16).plusDays(120));
    }

    @Test
    @DisplayName("issue 4: a due date on a closed day moves to the next open day")
    void closedDays() {
        CirculationEngine engine = engine(null, Set.of(LocalDate.of(2024, 12, 25), LocalDate.of(2024, 12, 26)));
        assertThat(engine.dueDate("PUBLIC", "DVD", "MAIN", LocalDate.of(2024, 12, 18)))
                .isEqualTo(LocalDate.of(2024, 12, 27));
        assertThat(engine.dueDate("PUBLIC", "DVD", null, LocalDate.of(2024, 12, 18)))
                .as("null library is the default library").isEqualTo(LocalDate.of(2024, 12, 27));
    }

    @Test
    @DisplayName("issue 4: the most specific circulation rule wins (profile+type, profile, type, catch-all)")
    void ruleLookup() {
        CirculationPolicy policy = engine(null, Set.of()).policy();
        assertThat(policy.rule("FACULTY", "DVD").loanPeriod()).isEqualTo(LoanPeriod.days(14));
        assertThat(policy.rule("FACULTY", "BOOK").loanPeriod()).isEqualTo(LoanPeriod.days(120));
        assertThat(policy.rule("PUBLIC", "DVD").loanPeriod()).isEqualTo(LoanPeriod.days(7));
        assertThat(policy.rule("PUBLIC", "BOOK").loanPeriod()).isEqualTo(new LoanPeriod(1, PeriodUnit.MONTHS));
        assertThat(policy.rule("NOBODY", "DVD").loanPeriod()).isEqualTo(LoanPeriod.days(7));
    }

    @Test
    @DisplayName("issue 4: overdue fine per period, capped at the maximum; none for non-billable profiles (seed 001)")
    void fines() {
        CirculationEngine engine = engine(null, Set.of());
        LocalDate today = LocalDate.of(2024, 3, 14);
        LoanFacts book = new LoanFacts("B", "BOOK", null, null, false, today.minusDays(3), false, 0);
        assertThat(engine.accruingFine("PUBLIC", book, today)).isEqualTo(75);
        LoanFacts longOverdue = new LoanFacts("B", "BOOK", null, null, false, today.minusDays(90), false, 0);
        assertThat(engine.accruingFine("PUBLIC", longOverdue, today)).isEqualTo(1000);
        LoanFacts dvd = new LoanFacts("D", "DVD", null, null, false, today.minusDays(90), false, 0);
        assertThat(engine.accruingFine("PUBLIC", dvd, today)).as("maximum 0 = no maximum").isEqualTo(9000);
        assertThat(engine.accruingFine("FACULTY", dvd.withDue(today.minusDays(8)), today))
                .as("per started week").isEqualTo(100);
        assertThat(engine.accruingFine("STAFF", longOverdue, today)).isZero();
        assertThat(engine.accruingFine("PUBLIC", book.withDue(today), today)).as("due today is not late").isZero();
    }

    @Test
    @DisplayName("seed 001 Hold Rank: FACULTY (125) ahead of STUDENT (150); first come first served within a rank")
    void holdQueueOrder() {
        Instant t = Instant.parse("2024-03-01T09:00:00Z");
        HoldFacts student1 = new HoldFacts("S1", 150, t, false);
        HoldFacts student2 = new HoldFacts("S2", 150, t.plusSeconds(10), false);
        HoldFacts faculty1 = new HoldFacts("F1", 125, t.plusSeconds(20), false);
        HoldFacts faculty2 = new HoldFacts("F2", 125, t.plusSeconds(30), false);
        HoldFacts suspended = new HoldFacts("X", 100, t.minusSeconds(60), true);
        List<HoldFacts> queue = List.of(student1, faculty2, suspended, student2, faculty1);
        assertThat(HoldQueue.ordered(queue)).containsExactly(faculty1, faculty2, student1, student2);
        assertThat(HoldQueue.next(queue)).isEqualTo(faculty1);
        assertThat(HoldQueue.next(List.of(suspended))).isNull();
    }

    @Test
    @DisplayName("seed 001 Privilege Limit: never, N days/weeks/months/years, or a date")
    void privilegeLimit() {
        LocalDate added = LocalDate.of(2024, 1, 31);
        assertThat(PrivilegeLimit.NEVER.expiryFrom(added)).isNull();
        assertThat(PrivilegeLimit.duration(3, PeriodUnit.YEARS).expiryFrom(added)).isEqualTo("2027-01-31");
        assertThat(PrivilegeLimit.duration(1, PeriodUnit.MONTHS).expiryFrom(added)).isEqualTo("2024-02-29");
        assertThat(PrivilegeLimit.duration(2, PeriodUnit.WEEKS).expiryFrom(added)).isEqualTo("2024-02-14");
        assertThat(PrivilegeLimit.until(LocalDate.of(2024, 8, 27)).expiryFrom(added)).isEqualTo("2024-08-27");
        assertThat(engine(null, Set.of()).privilegeExpiry("PUBLIC", added)).isEqualTo("2027-01-31");
        assertThatThrownBy(() -> PrivilegeLimit.duration(0, PeriodUnit.DAYS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("seed 001 Maximum Suspension: capped by the billing structure, only for billable profiles")
    void suspension() {
        UserProfile student = Fixtures.publicProfile().maxSuspension(new Suspension(60, PeriodUnit.DAYS)).build();
        assertThat(student.maximumSuspension(new Suspension(30, PeriodUnit.DAYS)))
                .isEqualTo(new Suspension(30, PeriodUnit.DAYS));
        assertThat(student.maximumSuspension(new Suspension(90, PeriodUnit.DAYS)))
                .isEqualTo(new Suspension(60, PeriodUnit.DAYS));
        assertThat(student.toBuilder().billable(false).build().maximumSuspension(null)).isEqualTo(Suspension.NONE);
        assertThatThrownBy(() -> new Suspension(1, PeriodUnit.YEARS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("policy: every policy needs a catch-all rule, a known default library and unique names")
    void policyConsistency() {
        CirculationPolicy base = Fixtures.policy().build();
        assertThatThrownBy(() -> new CirculationPolicy("P", base.profiles(), base.standings(), base.standingMap(),
                List.of(new CirculationRule("PUBLIC", "*", true, LoanPeriod.days(1), Limit.of(1), FineRule.NONE)),
                base.libraries(), "MAIN", PatronStatusLimits.NONE, PinSettings.STANDARD))
                .hasMessageContaining("profile * and item type *");
        assertThatThrownBy(() -> new CirculationPolicy("P", base.profiles(), base.standings(), base.standingMap(),
                base.rules(), base.libraries(), "NOWHERE", PatronStatusLimits.NONE, PinSettings.STANDARD))
                .hasMessageContaining("NOWHERE");
        assertThatThrownBy(() -> new CirculationPolicy("P", List.of(base.profiles().get(0), base.profiles().get(0)),
                base.standings(), base.standingMap(), base.rules(), base.libraries(), "MAIN",
                PatronStatusLimits.NONE, PinSettings.STANDARD)).hasMessageContaining("twice");
        assertThatThrownBy(() -> new CirculationPolicy("P", base.profiles(), base.standings(), base.standingMap(),
                List.of(base.rules().get(0),
                        new CirculationRule("GHOST", "*", true, LoanPeriod.days(1), Limit.of(1), FineRule.NONE)),
                base.libraries(), "MAIN", PatronStatusLimits.NONE, PinSettings.STANDARD))
                .hasMessageContaining("GHOST");
    }
}
