package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.server.testing.KioskLibrary.INSTITUTION;
import static org.circgate.server.testing.KioskLibrary.PAYALL;
import static org.circgate.server.testing.KioskLibrary.days;
import static org.circgate.server.testing.KioskLibrary.query;
import static org.circgate.server.testing.Sip2Lines.field;
import static org.circgate.server.testing.Sip2Lines.fields;

import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.KioskLibrary;
import org.circgate.server.testing.KioskLines;
import org.circgate.server.testing.NumberedKiosk;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.Sip2Lines;
import org.circgate.server.testing.Sip2TestClient;
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6, 37/38 Fee Paid over real TCP against the real embedded MariaDB: map command Pay Bills on interface SIP2
 * (a BLOCKED patron's payment is Allow Override = Deny under Symphony's default map, allowed by a PAY_BILLS map line,
 * policy/README.md), the bill named by CG or the oldest first, partial payments, fee type / payment type / currency
 * checks, BK recorded, overpayment refused unless the account allows it, every payment audited.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class Sip2FeePaidIT {
    private static ServerFixture server;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database);
        KioskLibrary.load(server.server());
        KioskLibrary.importJson(server.server(), INSTITUTION, """
                "bills": [
                  {"id": "B-P1-a", "patron": "P1", "feeType": "04", "reason": "Overdue", "amount": "1.50", "billed": "%1$s"},
                  {"id": "B-P1-b", "patron": "P1", "feeType": "06", "reason": "Rental", "amount": "2.00", "billed": "%2$s"},
                  {"id": "B-P2-a", "patron": "P2", "feeType": "04", "reason": "Overdue", "amount": "1.00", "billed": "%1$s"},
                  {"id": "B-P2-b", "patron": "P2", "feeType": "06", "reason": "Rental", "amount": "2.00", "billed": "%2$s"},
                  {"id": "B-P3", "patron": "P3", "feeType": "04", "reason": "Overdue", "amount": "1.00", "billed": "%1$s"},
                  {"id": "B-P4-a", "patron": "P4", "feeType": "04", "reason": "Overdue", "amount": "1.00", "billed": "%1$s"},
                  {"id": "B-P4-b", "patron": "P4", "feeType": "04", "reason": "Overdue", "amount": "2.00", "billed": "%2$s"},
                  {"id": "B-P5", "patron": "P5", "feeType": "04", "reason": "Overdue", "amount": "1.00", "billed": "%1$s"},
                  {"id": "B-P6", "patron": "P6", "feeType": "04", "reason": "Overdue", "amount": "1.00", "billed": "%1$s"},
                  {"id": "B-P7", "patron": "P7", "feeType": "04", "reason": "Overdue", "amount": "2.00", "billed": "%1$s"},
                  {"id": "B-P8", "patron": "P8", "feeType": "04", "reason": "Overdue", "amount": "6.00", "billed": "%1$s"}
                ]
                """.formatted(days(-10), days(-5)));
        KioskLibrary.importJson(server.server(), PAYALL, """
                "bills": [{"id": "B-Q1", "patron": "Q1", "feeType": "04", "reason": "Overdue", "amount": "6.00",
                           "billed": "%s"}]
                """.formatted(days(-10)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static NumberedKiosk login(String user) throws Exception {
        NumberedKiosk kiosk = new NumberedKiosk(server.sip2Client());
        assertThat(kiosk.exchange(Sip2Lines.login(user, user, "MAIN"))).isEqualTo("941");
        return kiosk;
    }

    private static String pay(NumberedKiosk kiosk, String patron, String amount, String extra) throws Exception {
        return kiosk.exchange(KioskLines.feePaid(INSTITUTION, patron, "01", "00", "USD", amount, extra));
    }

    private static long paid(String bill) throws Exception {
        return Long.parseLong(query(server, "SELECT paid_cents FROM bill WHERE external_id = ?", bill));
    }

    @Test
    @DisplayName("partial payments go to the oldest bill first; BK is stored and echoed; what is left is still owed")
    void partialOldestFirst() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String first = pay(kiosk, "P1", "1.00", "BKtx-1|");
            assertThat(first).startsWith("38Y");
            assertThat(field(first, "BK")).isEqualTo("tx-1");
            assertThat(fields(first, "AF")).contains("Payment of 1.00 accepted", "2.50 still owed");
            assertThat(paid("B-P1-a")).isEqualTo(100);
            String second = pay(kiosk, "P1", "2.00", "");
            assertThat(second).startsWith("38Y");
            assertThat(field(second, "BK")).as("circgate's payment number when the kiosk sent none").startsWith("P");
            assertThat(fields(second, "AF")).contains("0.50 still owed");
        }
        assertThat(paid("B-P1-a")).isEqualTo(150);
        assertThat(paid("B-P1-b")).isEqualTo(150);
        assertThat(query(server, "SELECT CONCAT(amount_cents, ' ', payment_type, ' ', currency, ' ', operator)"
                + " FROM payment WHERE transaction_id = 'tx-1'")).isEqualTo("100 00 USD k6");
        assertThat(query(server, "SELECT COUNT(*) FROM payment_allocation a JOIN payment p ON p.id = a.payment_id"
                + " JOIN patron t ON t.id = p.patron_id WHERE t.barcode = 'P1'")).isEqualTo("3");
    }

    @Test
    @DisplayName("CG names the bill to pay; an unknown bill is refused with the amount owed on screen")
    void namedBill() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            assertThat(pay(kiosk, "P2", "2.00", "CGB-P2-b|")).startsWith("38Y");
            String unknown = pay(kiosk, "P2", "1.00", "CGB-NOPE|");
            assertThat(unknown).startsWith("38N");
            assertThat(fields(unknown, "AF")).contains("Fee not found", "Amount owed: 1.00");
        }
        assertThat(paid("B-P2-b")).isEqualTo(200);
        assertThat(paid("B-P2-a")).isZero();
    }

    @Test
    @DisplayName("a payment larger than owed is refused: more than all bills (policy), or more than the named bill")
    void overpaymentRefused() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String tooMuch = pay(kiosk, "P3", "5.00", "");
            assertThat(tooMuch).startsWith("38N");
            assertThat(fields(tooMuch, "AF")).anySatisfy(m -> assertThat(m).contains("more than the patron owes"));
            String overBill = pay(kiosk, "P4", "1.50", "CGB-P4-a|");
            assertThat(overBill).startsWith("38N");
            assertThat(fields(overBill, "AF")).contains("Payment is more than the fee owes");
            String garbage = pay(kiosk, "P3", "abc", "");
            assertThat(garbage).startsWith("38N");
            assertThat(fields(garbage, "AF")).anySatisfy(m -> assertThat(m).contains("more than zero"));
        }
        assertThat(paid("B-P3")).isZero();
        assertThat(paid("B-P4-a")).isZero();
    }

    @Test
    @DisplayName("an account that allows overpayments takes the excess as credit")
    void overpaymentAllowed() throws Exception {
        try (NumberedKiosk kiosk = login("k6staff")) {
            String response = pay(kiosk, "P5", "1.50", "BKover-1|");
            assertThat(response).startsWith("38Y");
            assertThat(fields(response, "AF")).contains("0.50 more than owed kept as credit", "Nothing more owed");
        }
        assertThat(query(server, "SELECT CONCAT(applied_cents, ' ', credit_cents) FROM payment"
                + " WHERE transaction_id = 'over-1'")).isEqualTo("100 50");
    }

    @Test
    @DisplayName("currency, fee type and payment type are checked; a vendor payment type works where the account takes it")
    void typesAndCurrency() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String euro = kiosk.exchange(KioskLines.feePaid(INSTITUTION, "P6", "01", "00", "EUR", "1.00", ""));
            assertThat(fields(euro, "AF")).contains("Wrong currency");
            String damage = kiosk.exchange(KioskLines.feePaid(INSTITUTION, "P6", "03", "00", "USD", "1.00", ""));
            assertThat(fields(damage, "AF")).contains("No unpaid fee of this type");
            String check = kiosk.exchange(KioskLines.feePaid(INSTITUTION, "P6", "04", "05", "USD", "1.00", ""));
            assertThat(check).startsWith("38N");
            assertThat(fields(check, "AF")).contains("This payment type is not accepted here");
            assertThat(euro).startsWith("38N");
            assertThat(damage).startsWith("38N");
        }
        try (NumberedKiosk kiosk = login("k6staff")) {
            assertThat(kiosk.exchange(KioskLines.feePaid(INSTITUTION, "P6", "04", "05", "USD", "1.00", "")))
                    .startsWith("38Y");
        }
        assertThat(paid("B-P6")).isEqualTo(100);
    }

    @Test
    @DisplayName("the same BK again (a new sequence number) is recognised, not taken twice; BK reuse for another amount refused")
    void transactionIdRepeated() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            assertThat(pay(kiosk, "P7", "1.00", "BKdup-1|")).startsWith("38Y");
            String again = pay(kiosk, "P7", "1.00", "BKdup-1|");
            assertThat(again).startsWith("38Y");
            assertThat(fields(again, "AF")).contains("This payment was already recorded");
            String other = pay(kiosk, "P7", "0.50", "BKdup-1|");
            assertThat(other).startsWith("38N");
            assertThat(fields(other, "AF")).contains("Transaction id already used for another payment");
        }
        assertThat(paid("B-P7")).isEqualTo(100);
        assertThat(query(server, "SELECT COUNT(*) FROM payment WHERE transaction_id = 'dup-1'")).isEqualTo("1");
    }

    @Test
    @DisplayName("an exact resend of a 37 (same AY and AZ) on a new connection replays the 38: the money is taken once")
    void exactResendReplays() throws Exception {
        KioskLibrary.importJson(server.server(), INSTITUTION, """
                "bills": [{"id": "B-P10", "patron": "P10", "feeType": "04", "reason": "Overdue", "amount": "3.00",
                           "billed": "%s"}]
                """.formatted(days(-3)));
        String line = Sip2Lines.withErrorDetection(
                KioskLines.feePaid(INSTITUTION, "P10", "01", "00", "USD", "1.00", "BKresend-1|"), 4);
        String first;
        try (Sip2TestClient kiosk = server.sip2Client()) {
            assertThat(kiosk.exchange(Sip2Lines.login("k6", "k6", "MAIN"))).isEqualTo("941");
            first = kiosk.exchange(line);
        }
        try (Sip2TestClient kiosk = server.sip2Client()) {
            assertThat(kiosk.exchange(Sip2Lines.login("k6", "k6", "MAIN"))).isEqualTo("941");
            assertThat(kiosk.exchange(line)).isEqualTo(first);
        }
        assertThat(first).startsWith("38Y");
        assertThat(paid("B-P10")).isEqualTo(100);
    }

    @Test
    @DisplayName("BLOCKED patron: Pay Bills is Allow Override = Deny on SIP2 by default; a PAY_BILLS map line allows it")
    void blockedPatron() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String refused = pay(kiosk, "P8", "1.00", "");
            assertThat(refused).startsWith("38N");
            assertThat(fields(refused, "AF")).anySatisfy(m -> assertThat(m).contains("bill threshold")
                    .contains("override"));
        }
        assertThat(paid("B-P8")).isZero();
        try (NumberedKiosk kiosk = login("k6pay")) {
            String allowed = kiosk.exchange(KioskLines.feePaid(PAYALL, "Q1", "01", "00", "USD", "1.00", ""));
            assertThat(allowed).startsWith("38Y");
        }
        assertThat(paid("B-Q1")).isEqualTo(100);
        assertThat(server.admin("/metrics").body()).contains("circgate_request_duration_seconds_count{"
                + "action=\"override_denied\",command=\"fee_paid\",interface=\"sip2\",outcome=\"denied\"}");
    }

    @Test
    @DisplayName("every payment and every refusal is in the audit trail, with the patron pseudonymised")
    void audited() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            assertThat(pay(kiosk, "P9", "1.00", "")).startsWith("38N");
        }
        assertThat(KioskLibrary.audit(server, "fee_paid", null)).contains("denied:NOTHING_OWED");
        assertThat(query(server, "SELECT COUNT(*) FROM audit_event WHERE command = 'fee_paid' AND patron_key = 'P9'"))
                .isEqualTo("0");
    }
}
