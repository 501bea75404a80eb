package org.circgate.server.sip2.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.circgate.server.circulation.HoldRecord;
import org.circgate.server.circulation.ItemInformation;
import org.circgate.server.circulation.ItemRecord;
import org.circgate.server.circulation.LoanRecord;
import org.circgate.server.domain.ItemStatus;
import org.circgate.sip2.CirculationStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 6: the SIP2 circulation status of an item's real state (sip2.md 1.4) and how 37 reads an amount. */
class Issue6CommandRulesTest {
    private static ItemRecord item(ItemStatus status) {
        return new ItemRecord(1, 1, "1", 1, "T", "Title", "BOOK", "001", "MAIN", "MAIN", status, true, "02", 0, null);
    }

    private static LoanRecord loan(Instant recalled) {
        return new LoanRecord(1, 1, "1", "BOOK", 1, "Title", 7, Instant.EPOCH, Instant.EPOCH, 0, recalled, null, "k");
    }

    private static CirculationStatus status(ItemStatus status, LoanRecord loan) {
        return ItemInformationCommand.circulationStatus(new ItemInformation(item(status), Optional.ofNullable(loan),
                Optional.<HoldRecord>empty(), 0));
    }

    @ParameterizedTest(name = "{0} without a loan reads {1}")
    @CsvSource({"AVAILABLE, AVAILABLE", "ON_ORDER, ON_ORDER", "IN_PROCESS, IN_PROCESS",
        "WAITING_RESHELF, WAITING_TO_BE_RESHELVED", "ON_HOLD_SHELF, WAITING_ON_HOLD_SHELF", "IN_TRANSIT, IN_TRANSIT",
        "CLAIMED_RETURNED, CLAIMED_RETURNED", "LOST, LOST", "MISSING, MISSING", "OTHER, OTHER"})
    @DisplayName("sip2.md 1.4 circulation status codes: every item state has its own")
    void withoutLoan(ItemStatus state, CirculationStatus expected) {
        assertThat(status(state, null)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a loan reads 04 charged, 07 once recalled; lost, missing and claimed returned win over the loan")
    void withLoan() {
        assertThat(status(ItemStatus.AVAILABLE, loan(null))).isEqualTo(CirculationStatus.CHARGED);
        assertThat(status(ItemStatus.AVAILABLE, loan(Instant.EPOCH))).isEqualTo(CirculationStatus.RECALLED);
        assertThat(status(ItemStatus.LOST, loan(null))).isEqualTo(CirculationStatus.LOST);
        assertThat(status(ItemStatus.MISSING, loan(null))).isEqualTo(CirculationStatus.MISSING);
        assertThat(status(ItemStatus.CLAIMED_RETURNED, loan(null))).isEqualTo(CirculationStatus.CLAIMED_RETURNED);
    }

    @ParameterizedTest(name = "BV ''{0}'' is {1} cents")
    @CsvSource({"12.50, 1250", "5, 500", "0.05, 5", "' 3.10 ', 310", "1.005, 0", "-1.00, 0", "abc, 0", "'', 0",
        "1e3, 100000", "1000000000, 0"})
    @DisplayName("37 BV: at most two decimals, not negative, within reason; anything else is 0 (refused as invalid)")
    void amounts(String text, long cents) {
        assertThat(FeePaidCommand.cents(text)).isEqualTo(cents);
    }
}
