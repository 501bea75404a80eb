package org.circgate.server.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.circgate.server.circulation.CirculationPrefetch.Request;
import org.circgate.server.domain.ItemStatus;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 (11+09 throughput): which requests of a shared transaction may use the rows read ahead. Rows read ahead
 * are only right while no other request of the transaction changes them, so requests must not share a patron or an
 * item, the borrower of an item included; and a barcode must find its row exactly as written.
 */
class CirculationPrefetchTest {
    private static PatronRepository.Locked patron(long id, String barcode) {
        return new PatronRepository.Locked(new PatronRecord(id, 1, barcode, "P" + id, null, 0, null, false, null, null,
                "PUBLIC", "OK", null, null, null, null, null, false, 0, 0, 0), false);
    }

    private static PatronRecord borrower(long id, String barcode) {
        return patron(id, barcode).patron();
    }

    private static ItemRepository.Locked item(long id, String barcode) {
        return new ItemRepository.Locked(new ItemRecord(id, 1, barcode, 7, "T7", "Title", "BOOK", "001", "MAIN",
                "MAIN", ItemStatus.AVAILABLE, true, null, 0, null), HoldRepository.ItemHoldProbe.NONE);
    }

    private static LoanRecord loan(long itemId, String itemBarcode, long patronId) {
        return new LoanRecord(100 + itemId, itemId, itemBarcode, "BOOK", 7, "Title", patronId, Instant.EPOCH,
                Instant.EPOCH, 0, null, null, "kiosk");
    }

    private static BillRecord bill(long patronId) {
        return new BillRecord(500 + patronId, null, patronId, null, null, "04", "Overdue", 100, 0, "USD",
                Instant.EPOCH);
    }

    @Test
    void disjointRequestsEachGetTheirOwnRows() {
        Request a = Request.checkout("P1", "I1");
        Request b = Request.checkout("P2", "I2");
        Request c = Request.checkin("I3");
        CirculationPrefetch prefetch = CirculationPrefetch.of(List.of(a, b, c),
                List.of(patron(1, "P1"), patron(2, "P2")), List.of(item(11, "I1"), item(12, "I2"), item(13, "I3")),
                List.of(loan(13, "I3", 9), loan(99, "I9", 1)), List.of(borrower(9, "P9")),
                List.of(loan(99, "I9", 1)), List.of(bill(2)));

        assertThat(prefetch.accepted(a)).isTrue();
        assertThat(prefetch.accepted(b)).isTrue();
        assertThat(prefetch.accepted(c)).isTrue();
        CirculationPrefetch.Rows rowsA = prefetch.take(a).orElseThrow();
        assertThat(rowsA.patronLoans()).extracting(LoanRecord::itemId).containsExactly(99L);
        assertThat(rowsA.patronBills()).isEmpty();
        assertThat(rowsA.loan()).isEmpty();
        assertThat(prefetch.take(b).orElseThrow().patronBills()).extracting(BillRecord::patronId).containsExactly(2L);
        CirculationPrefetch.Rows rowsC = prefetch.take(c).orElseThrow();
        assertThat(rowsC.borrower()).map(PatronRecord::barcode).contains("P9");
        assertThat(prefetch.take(c)).as("rows are taken once; a second read goes to the database").isEmpty();
    }

    @Test
    void aPatronsLoansAndBillsComeInTheOrderOfTheSingleRequestReads() {
        // The shared reads have no ORDER BY (it cost MariaDB a temporary table); the rows come sorted as
        // LoanRepository.BY_PATRON (due date, then barcode) and BillRepository.UNPAID (billed, then id) sort them.
        Request a = Request.checkout("P1", "I1");
        LoanRecord dueLater = loanDue(21, "I21", 1, Instant.parse("2026-12-02T00:00:00Z"));
        LoanRecord dueFirstB = loanDue(22, "b22", 1, Instant.parse("2026-12-01T00:00:00Z"));
        LoanRecord dueFirstA = loanDue(23, "A23", 1, Instant.parse("2026-12-01T00:00:00Z"));
        BillRecord newer = billAt(7, 1, Instant.parse("2026-11-02T00:00:00Z"));
        BillRecord olderHigherId = billAt(9, 1, Instant.parse("2026-11-01T00:00:00Z"));
        BillRecord olderLowerId = billAt(8, 1, Instant.parse("2026-11-01T00:00:00Z"));
        CirculationPrefetch prefetch = CirculationPrefetch.of(List.of(a), List.of(patron(1, "P1")),
                List.of(item(11, "I1")), List.of(), List.of(), List.of(dueLater, dueFirstB, dueFirstA),
                List.of(newer, olderHigherId, olderLowerId));

        CirculationPrefetch.Rows rows = prefetch.take(a).orElseThrow();
        assertThat(rows.patronLoans()).containsExactly(dueFirstA, dueFirstB, dueLater);
        assertThat(rows.patronBills()).containsExactly(olderLowerId, olderHigherId, newer);
    }

    private static LoanRecord loanDue(long itemId, String itemBarcode, long patronId, Instant due) {
        return new LoanRecord(100 + itemId, itemId, itemBarcode, "BOOK", 7, "Title", patronId, Instant.EPOCH, due, 0,
                null, null, "kiosk");
    }

    private static BillRecord billAt(long id, long patronId, Instant billedAt) {
        return new BillRecord(id, null, patronId, null, null, "04", "Overdue", 100, 0, "USD", billedAt);
    }

    @Test
    void aCheckinOfAnItemOutToAPatronCheckingOutInTheSameTransactionRunsAlone() {
        Request checkout = Request.checkout("P1", "I1");
        Request checkin = Request.checkin("I2"); // I2 is out to P1: the checkin ends a loan the checkout counts
        CirculationPrefetch prefetch = CirculationPrefetch.of(List.of(checkout, checkin), List.of(patron(1, "P1")),
                List.of(item(11, "I1"), item(12, "I2")), List.of(loan(12, "I2", 1)), List.of(borrower(1, "P1")),
                List.of(loan(12, "I2", 1)), List.of());

        assertThat(prefetch.accepted(checkout)).isTrue();
        assertThat(prefetch.accepted(checkin)).isFalse();
    }

    @Test
    void aCheckoutOfAnItemOutToAnotherRequestsPatronRunsAlone() {
        Request first = Request.checkout("P1", "I1");
        Request second = Request.checkout("P2", "I2"); // I2 is out to P1 (an offline checkout would end that loan)
        CirculationPrefetch prefetch = CirculationPrefetch.of(List.of(first, second),
                List.of(patron(1, "P1"), patron(2, "P2")), List.of(item(11, "I1"), item(12, "I2")),
                List.of(loan(12, "I2", 1)), List.of(), List.of(loan(12, "I2", 1)), List.of());

        assertThat(prefetch.accepted(first)).isTrue();
        assertThat(prefetch.accepted(second)).isFalse();
    }

    @Test
    void twoCheckinsOfItemsOutToOnePatronShareNoTransaction() {
        Request first = Request.checkin("I1");
        Request second = Request.checkin("I2");
        CirculationPrefetch prefetch = CirculationPrefetch.of(List.of(first, second), List.of(),
                List.of(item(11, "I1"), item(12, "I2")), List.of(loan(11, "I1", 5), loan(12, "I2", 5)),
                List.of(borrower(5, "P5")), List.of(), List.of());

        assertThat(prefetch.accepted(first)).isTrue();
        assertThat(prefetch.accepted(second)).as("both would bill and unload patron 5").isFalse();
    }

    @Test
    void barcodesThatFoundNoRowExactlyAsWrittenRunAlone() {
        Request otherCase = Request.checkout("p1", "I1"); // the collation found P1; the request named p1
        Request unknownItem = Request.checkout("P2", "NOPE");
        Request lockedElsewhere = Request.checkin("I3"); // SKIP LOCKED left its row out
        Request loanWithoutBorrower = Request.checkin("I4");
        CirculationPrefetch prefetch = CirculationPrefetch.of(
                List.of(otherCase, unknownItem, lockedElsewhere, loanWithoutBorrower),
                List.of(patron(1, "P1"), patron(2, "P2")), List.of(item(11, "I1"), item(14, "I4")),
                List.of(loan(14, "I4", 8)), List.of(), List.of(), List.of());

        assertThat(List.of(otherCase, unknownItem, lockedElsewhere, loanWithoutBorrower))
                .noneMatch(prefetch::accepted);
    }
}
