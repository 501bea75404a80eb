package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.server.testing.KioskLibrary.INSTITUTION;
import static org.circgate.server.testing.KioskLibrary.PIN;
import static org.circgate.server.testing.KioskLibrary.days;
import static org.circgate.server.testing.KioskLibrary.query;
import static org.circgate.server.testing.Sip2Lines.field;
import static org.circgate.server.testing.Sip2Lines.fields;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.KioskLibrary;
import org.circgate.server.testing.KioskLines;
import org.circgate.server.testing.NumberedKiosk;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.Sip2Lines;
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6, 29/30 Renew and 65/66 Renew All over real TCP against the real embedded MariaDB: map command Renew on
 * interface SIP2, the renewal limit of the circulation rule (2 in the default policy), no renewal while others wait
 * (both need an override, which SIP2 cannot take), third-party renewal only where the account allows it.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class Sip2RenewIT {
    private static ServerFixture server;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database);
        KioskLibrary.load(server.server());
        String out = days(-2);
        KioskLibrary.importJson(server.server(), INSTITUTION, """
                "loans": [
                  {"item": "51000021", "patron": "P1", "checkedOut": "%1$s", "due": "%2$s"},
                  {"item": "51000022", "patron": "P2", "checkedOut": "%1$s", "due": "%2$s", "renewals": 2},
                  {"item": "51000023", "patron": "P3", "checkedOut": "%1$s", "due": "%2$s"},
                  {"item": "51000024", "patron": "P5", "checkedOut": "%1$s", "due": "%2$s"},
                  {"item": "51000025", "patron": "P7", "checkedOut": "%3$s", "due": "%4$s"},
                  {"item": "51000026", "patron": "P8", "checkedOut": "%1$s", "due": "%2$s"},
                  {"item": "51000031", "patron": "P12", "checkedOut": "%1$s", "due": "%2$s"},
                  {"item": "51000032", "patron": "P12", "checkedOut": "%1$s", "due": "%2$s", "renewals": 2},
                  {"item": "51000033", "patron": "P12", "checkedOut": "%1$s", "due": "%2$s"}
                ],
                "holds": [
                  {"id": "R-23", "patron": "P4", "title": "K23", "pickupLocation": "MAIN", "placed": "%1$s"},
                  {"id": "R-33", "patron": "P13", "title": "K33", "pickupLocation": "MAIN", "placed": "%1$s"}
                ]
                """.formatted(out, days(5), days(-30), days(-3)));
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

    private static String renew(NumberedKiosk kiosk, String patron, String item, boolean thirdParty)
            throws Exception {
        return kiosk.exchange(KioskLines.renew(INSTITUTION, patron, PIN, item, null, thirdParty));
    }

    private static String dueIn(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).format(DateTimeFormatter.BASIC_ISO_DATE) + "    235959";
    }

    @Test
    @DisplayName("29 → 30 ok: the new due date counts the loan period (21 days) from today, renewal counted")
    void renew() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String response = renew(kiosk, "P1", "51000021", false);
            assertThat(response).startsWith("301YUY");
            assertThat(field(response, "AH")).isEqualTo(dueIn(21));
            assertThat(field(response, "AJ")).isEqualTo("Kiosk Title 21");
            assertThat(field(response, "AB")).isEqualTo("51000021");
        }
        assertThat(query(server, "SELECT l.renewals FROM loan l JOIN item i ON i.id = l.item_id"
                + " WHERE i.barcode = '51000021'")).isEqualTo("1");
        assertThat(KioskLibrary.audit(server, "renew", "51000021")).containsExactly("ok");
    }

    @Test
    @DisplayName("the renewal limit (2) reached: refused with the reason, due date unchanged (seed 004 thresholds)")
    void renewalLimit() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String response = renew(kiosk, "P2", "51000022", false);
            assertThat(response).startsWith("300N");
            assertThat(field(response, "AH")).isEmpty();
            assertThat(fields(response, "AF")).anySatisfy(m -> assertThat(m).contains("renewed the maximum"));
        }
        assertThat(KioskLibrary.audit(server, "renew", "51000022")).singleElement()
                .satisfies(e -> assertThat(e).contains("RENEWAL_LIMIT").contains("OVERRIDE_NOT_AVAILABLE"));
    }

    @Test
    @DisplayName("another patron waits for the title: no renewal (needs an override, which SIP2 cannot take)")
    void othersWaiting() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String response = renew(kiosk, "P3", "51000023", false);
            assertThat(response).startsWith("300N");
            assertThat(fields(response, "AF")).anySatisfy(m -> assertThat(m).contains("has holds"));
        }
    }

    @Test
    @DisplayName("third party: refused for an account without the permission, renewed for one with it")
    void thirdParty() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String refused = renew(kiosk, "P6", "51000024", true);
            assertThat(refused).startsWith("300");
            assertThat(fields(refused, "AF")).anySatisfy(m -> assertThat(m).contains("not checked out to this patron"));
        }
        try (NumberedKiosk kiosk = login("k6staff")) {
            assertThat(renew(kiosk, "P6", "51000024", false)).as("flag N: not a third-party renewal").startsWith("300");
            String renewed = renew(kiosk, "P6", "51000024", true);
            assertThat(renewed).startsWith("301Y");
            assertThat(field(renewed, "AH")).isEqualTo(dueIn(21));
        }
        assertThat(query(server, "SELECT p.barcode FROM loan l JOIN item i ON i.id = l.item_id JOIN patron p"
                + " ON p.id = l.patron_id WHERE i.barcode = '51000024'")).as("still P5's loan").isEqualTo("P5");
        assertThat(query(server, "SELECT detail FROM audit_event WHERE command = 'renew' AND item_barcode = '51000024'"
                + " AND outcome = 'ok'")).startsWith("third party");
    }

    @Test
    @DisplayName("renewing an overdue loan bills the fine it accrued (fee type 04) and says so")
    void overdueRenewalBillsTheFine() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String response = renew(kiosk, "P7", "51000025", false);
            assertThat(response).startsWith("301Y");
            assertThat(fields(response, "AF")).anySatisfy(m -> assertThat(m).startsWith("Overdue fine billed: 0.75"));
        }
        assertThat(query(server, "SELECT CONCAT(b.fee_type, ' ', b.amount_cents) FROM bill b JOIN patron p"
                + " ON p.id = b.patron_id WHERE p.barcode = 'P7'")).isEqualTo("04 75");
    }

    @Test
    @DisplayName("29 by title (AJ) renews the patron's copy; an unknown item gets ok=0 and a screen message")
    void byTitleAndUnknownItem() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String byTitle = kiosk.exchange(KioskLines.renew(INSTITUTION, "P8", PIN, null, "Kiosk Title 26", false));
            assertThat(byTitle).startsWith("301Y");
            assertThat(field(byTitle, "AB")).isEqualTo("51000026");
            String unknown = renew(kiosk, "P8", "59999999", false);
            assertThat(unknown).startsWith("300");
            assertThat(fields(unknown, "AF")).contains("Item not found");
        }
    }

    @Test
    @DisplayName("65 → 66: each loan decided on its own; BM renewed, BN not renewed, counts, reasons on screen")
    void renewAll() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String response = kiosk.exchange(KioskLines.renewAll(INSTITUTION, "P12", PIN));
            assertThat(response).startsWith("66100010002");
            assertThat(fields(response, "BM")).containsExactly("51000031");
            assertThat(fields(response, "BN")).containsExactlyInAnyOrder("51000032", "51000033");
            assertThat(fields(response, "AF")).contains("Renewed 1 of 3")
                    .anySatisfy(m -> assertThat(m).startsWith("51000032: ").contains("renewed the maximum"))
                    .anySatisfy(m -> assertThat(m).startsWith("51000033: ").contains("has holds"));
            String wrongPin = kiosk.exchange(KioskLines.renewAll(INSTITUTION, "P12", "0000"));
            assertThat(wrongPin).startsWith("66000000000");
            assertThat(fields(wrongPin, "AF")).contains("Invalid PIN");
        }
        assertThat(KioskLibrary.audit(server, "renew_all", null)).containsExactly("ok");
    }
}
