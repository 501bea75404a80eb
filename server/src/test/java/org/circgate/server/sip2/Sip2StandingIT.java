package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.server.testing.KioskLibrary.INSTITUTION;
import static org.circgate.server.testing.KioskLibrary.PIN;
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
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6, 01 Block Patron (→ 24) and 25 Patron Enable (→ 26) over real TCP against the real embedded MariaDB: the
 * block is stored as BARRED (or the account's BARRED-type custom standing), which only staff lift (seed 002);
 * enabling is "Reinstate User" (seed 002): the standing the patron's bills and overdues give now, which may be
 * BLOCKED or DELINQUENT rather than OK.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class Sip2StandingIT {
    private static ServerFixture server;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database);
        KioskLibrary.load(server.server());
        KioskLibrary.importJson(server.server(), INSTITUTION, """
                "patrons": [
                  {"barcode": "P2", "name": "Barred With Bills", "profile": "PUBLIC", "pin": "1111", "standing": "BARRED"},
                  {"barcode": "P3", "name": "Barred Owing A Little", "profile": "PUBLIC", "pin": "1111",
                   "standing": "BARRED"}
                ],
                "bills": [
                  {"id": "S-P2", "patron": "P2", "feeType": "04", "reason": "Overdue", "amount": "6.00", "billed": "%1$s"},
                  {"id": "S-P3", "patron": "P3", "feeType": "04", "reason": "Overdue", "amount": "1.00", "billed": "%1$s"}
                ]
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

    private static String standing(String patron) throws Exception {
        return query(server, "SELECT standing FROM patron WHERE barcode = ?", patron);
    }

    @Test
    @DisplayName("01 stores BARRED and answers 24 with charge/renew/recall/hold denied; 25 reinstates to OK (seed 002)")
    void blockThenEnable() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String blocked = kiosk.exchange(KioskLines.blockPatron(INSTITUTION, "P1", true, "Card retained"));
            assertThat(blocked).startsWith("24YYYY");
            assertThat(field(blocked, "BL")).isEqualTo("Y");
            assertThat(field(blocked, "AE")).as("01 carries no PIN: no name").isEmpty();
            assertThat(fields(blocked, "AF")).contains("Patron blocked", "Card retained");
            assertThat(standing("P1")).isEqualTo("BARRED");

            String checkout = kiosk.exchange(Sip2Lines.checkout(INSTITUTION, "P1", "51000001", PIN, false, false, ""));
            assertThat(checkout).startsWith("120");
            assertThat(fields(checkout, "AF")).anySatisfy(m -> assertThat(m).contains("barred"));

            String enabled = kiosk.exchange(KioskLines.patronEnable(INSTITUTION, "P1", PIN));
            assertThat(enabled).startsWith("26" + " ".repeat(14));
            assertThat(field(enabled, "AE")).isEqualTo("Kiosk Patron 1");
            assertThat(field(enabled, "CQ")).isEqualTo("Y");
            assertThat(fields(enabled, "AF")).contains("Patron enabled; status now OK");
        }
        assertThat(standing("P1")).isEqualTo("OK");
        assertThat(KioskLibrary.audit(server, "block", null)).contains("ok");
        assertThat(query(server, "SELECT COUNT(*) FROM audit_event WHERE command = 'block' AND outcome = 'ok'"
                + " AND detail = 'OK -> BARRED; card retained; Card retained'")).isEqualTo("1");
        assertThat(KioskLibrary.audit(server, "reinstate", null)).contains("ok");
    }

    @Test
    @DisplayName("25 recomputes: bills over the threshold give BLOCKED, a small bill DELINQUENT, not OK (seed 002)")
    void enableRecomputes() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String blocked = kiosk.exchange(KioskLines.patronEnable(INSTITUTION, "P2", PIN));
            assertThat(blocked).startsWith("26Y");
            assertThat(fields(blocked, "AF")).contains("Patron enabled; status now BLOCKED");
            String delinquent = kiosk.exchange(KioskLines.patronEnable(INSTITUTION, "P3", PIN));
            assertThat(delinquent).startsWith("26" + " ".repeat(14));
            assertThat(fields(delinquent, "AF")).contains("Patron enabled; status now DELINQUENT");
        }
        assertThat(standing("P2")).isEqualTo("BLOCKED");
        assertThat(standing("P3")).isEqualTo("DELINQUENT");
    }

    @Test
    @DisplayName("an account's blockStanding stores the custom BARRED-type standing STAFFBAR; 25 lifts it too")
    void customBlockStanding() throws Exception {
        try (NumberedKiosk kiosk = login("k6staff")) {
            assertThat(kiosk.exchange(KioskLines.blockPatron(INSTITUTION, "P4", false, "Left at kiosk")))
                    .startsWith("24YYYY");
            assertThat(standing("P4")).isEqualTo("STAFFBAR");
            String again = kiosk.exchange(KioskLines.blockPatron(INSTITUTION, "P4", false, "Again"));
            assertThat(fields(again, "AF")).contains("Patron was already blocked");
            assertThat(kiosk.exchange(KioskLines.patronEnable(INSTITUTION, "P4", PIN))).startsWith("26 ");
        }
        assertThat(standing("P4")).isEqualTo("OK");
    }

    @Test
    @DisplayName("25 leaves a standing the system maintains alone and says so; unknown patrons and barred accounts refused")
    void refusals() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String notBarred = kiosk.exchange(KioskLines.patronEnable(INSTITUTION, "P5", PIN));
            assertThat(fields(notBarred, "AF"))
                    .contains("Patron is not blocked by staff; nothing to enable (status OK)");
            String unknown = kiosk.exchange(KioskLines.blockPatron(INSTITUTION, "NOBODY", false, "x"));
            assertThat(unknown).startsWith("24YYYY" + " ".repeat(10));
            assertThat(field(unknown, "BL")).isEqualTo("N");
            assertThat(fields(unknown, "AF")).contains("Patron not found");
        }
        try (NumberedKiosk kiosk = login("k6status")) {
            String refused = kiosk.exchange(KioskLines.blockPatron(INSTITUTION, "P6", true, "x"));
            assertThat(fields(refused, "AF")).contains("Not permitted at this terminal");
            String enable = kiosk.exchange(KioskLines.patronEnable(INSTITUTION, "P6", PIN));
            assertThat(enable).startsWith("26");
            assertThat(fields(enable, "AF")).contains("Not permitted at this terminal");
        }
        assertThat(standing("P6")).isEqualTo("OK");
    }
}
