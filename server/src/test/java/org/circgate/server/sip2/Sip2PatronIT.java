package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.server.testing.Sip2Lines.field;
import static org.circgate.server.testing.Sip2Lines.fields;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.Sip2Lines;
import org.circgate.server.testing.Sip2TestClient;
import org.circgate.server.testing.TestDatabase;
import org.circgate.server.testing.TestLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 5, 23/24, 63/64 and 35/36 over real TCP against the real embedded MariaDB, decided on interface SIP2. */
@ExtendWith(EmbeddedDatabaseExtension.class)
class Sip2PatronIT {
    private static ServerFixture server;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database);
        TestLibrary.load(server.server());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Sip2TestClient kiosk() throws Exception {
        Sip2TestClient kiosk = server.sip2Client();
        assertThat(kiosk.exchange(Sip2Lines.login("kiosk", "kiosk", "MAIN"))).isEqualTo("941");
        return kiosk;
    }

    @Test
    @DisplayName("unknown patron: YYYY + 10 spaces, BL N, CQ N (DESIGN.md 4, sip2.md 1.4)")
    void unknownPatron() throws Exception {
        try (Sip2TestClient kiosk = kiosk()) {
            String response = kiosk.exchange(Sip2Lines.patronStatus("DEMO", "99999999", "1234"));
            assertThat(response).startsWith("24YYYY          ");
            assertThat(field(response, "BL")).isEqualTo("N");
            assertThat(field(response, "CQ")).isEqualTo("N");
            assertThat(field(response, "AE")).isEmpty();
        }
    }

    @Test
    @DisplayName("the database failing under a shared patron lookup: the 23 gets a readable refusal, the next one "
            + "an answer (issue 5: database unreachable mid-request)")
    void databaseFailureDuringLookup() throws Exception {
        try (Sip2TestClient kiosk = kiosk()) {
            server.faults().failAfter(0); // the batch statement of this lookup is the first to fail
            String refused;
            try {
                refused = kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000001", "1234"));
            } finally {
                server.faults().disarm();
            }
            assertThat(refused).startsWith("24YYYY          ");
            assertThat(field(refused, "BL")).isEqualTo("N");
            assertThat(fields(refused, "AF")).contains("System unavailable; please try again or see staff");
            String answered = kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000001", "1234"));
            assertThat(field(answered, "BL")).isEqualTo("Y");
        }
    }

    @Test
    @DisplayName("a 23 without a PIN is answered straight from the shared lookup, a 97 replays it, and a database "
            + "failure there still gets a readable refusal (issue 5: 23 at 10,000/s; database unreachable)")
    void patronStatusFromTheSharedLookup() throws Exception {
        try (Sip2TestClient kiosk = kiosk()) {
            String answered = kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000001", ""));
            assertThat(answered).startsWith("24              ");
            assertThat(field(answered, "BL")).isEqualTo("Y");
            assertThat(field(answered, "CQ")).as("no PIN given").isEqualTo("N");
            assertThat(field(answered, "AE")).as("no name without the PIN on this account").isEmpty();
            assertThat(kiosk.exchange("97")).as("97 gives the last response again").isEqualTo(answered);

            server.faults().failAfter(0);
            String refused;
            try {
                refused = kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000001", ""));
            } finally {
                server.faults().disarm();
            }
            assertThat(refused).startsWith("24YYYY          ");
            assertThat(fields(refused, "AF")).contains("System unavailable; please try again or see staff");
            assertThat(field(kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000001", "")), "BL")).isEqualTo("Y");
        }
    }

    @Test
    @DisplayName("an OK patron with the right PIN: 14 spaces, BL Y, CQ Y, the name (seed 004: OK is allowed)")
    void okPatronWithPin() throws Exception {
        try (Sip2TestClient kiosk = kiosk()) {
            String response = kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000001", "1234"));
            assertThat(response.substring(2, 16)).isEqualTo(" ".repeat(14));
            assertThat(field(response, "BL")).isEqualTo("Y");
            assertThat(field(response, "CQ")).isEqualTo("Y");
            assertThat(field(response, "AE")).isEqualTo("Ada Okafor");
        }
    }

    @Test
    @DisplayName("default PINs are case-insensitive (seed 002); an empty AD never authenticates and shows no name")
    void pinRules() throws Exception {
        TestLibrary.importJson(server.server(), """
                {"institutions": [{"code": "DEMO", "name": "Demo Public Library",
                  "patrons": [{"barcode": "21000011", "name": "Case Test", "profile": "PUBLIC", "pin": "abc9"}]}]}""");
        try (Sip2TestClient kiosk = kiosk()) {
            assertThat(field(kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000011", "ABC9")), "CQ")).isEqualTo("Y");
            assertThat(field(kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000011", "abc9")), "CQ")).isEqualTo("Y");
            String noPin = kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000011", ""));
            assertThat(field(noPin, "BL")).isEqualTo("Y");
            assertThat(field(noPin, "CQ")).isEqualTo("N");
            assertThat(field(noPin, "AE")).isEmpty();
            String stars = kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000011", "****"));
            assertThat(field(stars, "CQ")).as("a PIN of only asterisks is refused (seed 002)").isEqualTo("N");
        }
    }

    @Test
    @DisplayName("a BARRED patron: positions 1-4 denied and the screen message says why (seed 004: BARRED is denied)")
    void barredPatron() throws Exception {
        try (Sip2TestClient kiosk = kiosk()) {
            String response = kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000004", "1234"));
            assertThat(response.substring(2, 6)).isEqualTo("YYYY");
            assertThat(fields(response, "AF")).anySatisfy(m -> assertThat(m).contains("barred"));
        }
    }

    @Test
    @DisplayName("a BLOCKED patron (bills over the threshold): charge denied, fees over threshold, override = deny on SIP2")
    void blockedPatron() throws Exception {
        try (Sip2TestClient kiosk = kiosk()) {
            String response = kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000003", "1234"));
            assertThat(response.charAt(2)).as("position 1, charge privileges denied").isEqualTo('Y');
            assertThat(response.charAt(13)).as("position 12, excessive outstanding fees").isEqualTo('Y');
            assertThat(field(response, "BV")).isEqualTo("45.00");
            assertThat(field(response, "BH")).isEqualTo("USD");
            assertThat(fields(response, "AF")).anySatisfy(m -> assertThat(m).contains("bill threshold"));
        }
    }

    @Test
    @DisplayName("a DELINQUENT patron is warned but keeps every privilege (DESIGN.md 4)")
    void delinquentPatron() throws Exception {
        try (Sip2TestClient kiosk = kiosk()) {
            String response = kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000002", "1234"));
            assertThat(response.substring(2, 6)).isEqualTo("    ");
            assertThat(field(response, "BV")).isEqualTo("2.50");
            assertThat(fields(response, "AF")).anySatisfy(m -> assertThat(m).contains("unpaid bills"));
        }
    }

    @Test
    @DisplayName("privilege expired: no circulation privileges (seed 002, positions 1-4 = Y)")
    void expiredPrivilege() throws Exception {
        try (Sip2TestClient kiosk = kiosk()) {
            String response = kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000005", "1234"));
            assertThat(response.substring(2, 6)).isEqualTo("YYYY");
            assertThat(fields(response, "AF")).anySatisfy(m -> assertThat(m).contains("expired"));
        }
    }

    @Test
    @DisplayName("63: counts, limits, the charged list paged by BP/BQ, hold items = on the shelf, unavailable holds apart")
    void patronInformationLists() throws Exception {
        try (Sip2TestClient kiosk = kiosk()) {
            String charged = kiosk.exchange(Sip2Lines.patronInformation("DEMO", "21000001", "1234", 3, 1, 5));
            assertThat(charged).startsWith("64");
            assertThat(charged.substring(37, 61)).as("six 4-digit counts").matches("\\d{24}");
            assertThat(fields(charged, "AU")).containsExactly("31000003");
            assertThat(field(charged, "CB")).isEqualTo("0050");
            assertThat(field(charged, "BZ")).isEqualTo("0025");
            assertThat(field(charged, "CQ")).isEqualTo("Y");

            // Ben: one hold on the shelf for him (hold items, AS), nothing waiting.
            String holds = kiosk.exchange(Sip2Lines.patronInformation("DEMO", "21000002", "1234", 1, 0, 0));
            assertThat(holds.substring(37, 41)).as("hold items count").isEqualTo("0001");
            assertThat(fields(holds, "AS")).containsExactly("The Dispossessed");
            // Chen: one hold still waiting for a copy (unavailable holds, CD).
            String waiting = kiosk.exchange(Sip2Lines.patronInformation("DEMO", "21000003", "1234", 6, 0, 0));
            assertThat(waiting.substring(37, 41)).isEqualTo("0000");
            assertThat(waiting.substring(57, 61)).as("unavailable holds count").isEqualTo("0001");
            assertThat(fields(waiting, "CD")).containsExactly("Kindred");
            assertThat(field(waiting, "BD")).as("contact fields only where the account allows").isNull();

            String fines = kiosk.exchange(Sip2Lines.patronInformation("DEMO", "21000003", "1234", 4, 1, 1));
            assertThat(fields(fines, "AV")).singleElement().asString().contains("45.00");

            String page2 = kiosk.exchange(Sip2Lines.patronInformation("DEMO", "21000001", "1234", 3, 2, 5));
            assertThat(fields(page2, "AU")).as("BP beyond the list").isEmpty();
        }
    }

    @Test
    @DisplayName("63 without a valid PIN: status yes, personal data and item lists no")
    void patronInformationWithoutPin() throws Exception {
        try (Sip2TestClient kiosk = kiosk()) {
            String response = kiosk.exchange(Sip2Lines.patronInformation("DEMO", "21000001", "", 3, 1, 5));
            assertThat(field(response, "BL")).isEqualTo("Y");
            assertThat(field(response, "CQ")).isEqualTo("N");
            assertThat(field(response, "AE")).isEmpty();
            assertThat(fields(response, "AU")).isEmpty();
        }
    }

    @Test
    @DisplayName("35 ends the patron session with 36 Y")
    void endSession() throws Exception {
        try (Sip2TestClient kiosk = kiosk()) {
            assertThat(kiosk.exchange(Sip2Lines.endSession("DEMO", "21000001"))).startsWith("36Y");
        }
    }

    @Test
    @DisplayName("wrong PINs are counted in the database; after 5 the PIN is throttled on every connection (lockout "
            + "holds across instances)")
    void pinFailuresAreThrottledAcrossConnections() throws Exception {
        try (Sip2TestClient first = server.sip2Client()) {
            assertThat(first.exchange(Sip2Lines.login("tkiosk", "tkiosk", "NORTH"))).isEqualTo("941");
            for (int i = 0; i < 5; i++) {
                String response = first.exchange(Sip2Lines.patronStatus(TestLibrary.INSTITUTION, "T8", "0000"));
                assertThat(field(response, "CQ")).isEqualTo("N");
            }
        }
        try (Sip2TestClient other = server.sip2Client()) {
            assertThat(other.exchange(Sip2Lines.login("tkiosk", "tkiosk", "NORTH"))).isEqualTo("941");
            String response = other.exchange(Sip2Lines.patronStatus(TestLibrary.INSTITUTION, "T8", TestLibrary.PIN));
            assertThat(field(response, "CQ")).as("even the right PIN waits out the pause").isEqualTo("N");
            assertThat(fields(response, "AF")).anySatisfy(m -> assertThat(m).contains("Too many PIN attempts"));
        }
        try (Connection c = server.jdbc(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT pin_failures FROM patron WHERE barcode = 'T8'")) {
            row.next();
            assertThat(row.getInt(1)).isEqualTo(5);
        }
        assertThat(server.admin("/metrics").body())
                .contains("circgate_auth_failures_total{kind=\"patron_pin\",reason=\"throttled\"} 1.0");
    }

    @Test
    @DisplayName("a request that needs a login, sent before one, gets a readable refusal, not silence (issue 5)")
    void beforeLogin() throws Exception {
        try (Sip2TestClient kiosk = server.sip2Client()) {
            String response = kiosk.exchange(Sip2Lines.patronStatus("DEMO", "21000001", "1234"));
            assertThat(response).startsWith("24YYYY");
            assertThat(fields(response, "AF")).contains("Terminal not logged in");
        }
    }
}
