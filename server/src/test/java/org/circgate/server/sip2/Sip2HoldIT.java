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
 * Issue 6, 15/16 Hold over real TCP against the real embedded MariaDB: add, delete and change by item or title,
 * decided by map commands Place Hold / Remove Hold on interface SIP2 with the profile's hold limit (seed 001).
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class Sip2HoldIT {
    private static ServerFixture server;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database);
        KioskLibrary.load(server.server());
        // Title K2 is out, so holds on it queue; P6 has a copy of K8 waiting on the hold shelf; P18 is barred.
        KioskLibrary.importJson(server.server(), INSTITUTION, """
                "patrons": [{"barcode": "P18", "name": "Barred Patron", "profile": "PUBLIC", "pin": "1111",
                             "standing": "BARRED"}],
                "items": [{"barcode": "51000008", "title": "K8", "itemType": "BOOK", "location": "MAIN",
                           "status": "ON_HOLD_SHELF"}],
                "loans": [{"item": "51000002", "patron": "P20", "checkedOut": "%s", "due": "%s"}],
                "holds": [{"id": "H-P6", "patron": "P6", "title": "K8", "item": "51000008", "pickupLocation": "MAIN",
                           "status": "AVAILABLE", "placed": "%s", "pickupBy": "2030-12-31"}]
                """.formatted(days(-1), days(20), days(-3)));
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

    private static String hold(NumberedKiosk kiosk, char mode, String patron, String item, String title,
            String extra) throws Exception {
        return kiosk.exchange(KioskLines.hold(mode, INSTITUTION, patron, PIN, item, title, extra));
    }

    @Test
    @DisplayName("15 + by item: ok, title-level hold, BR 1, pickup at the kiosk's location, available Y (copy on shelf)")
    void placeByItem() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String response = hold(kiosk, '+', "P1", "51000001", null, "");
            assertThat(response).startsWith("161Y");
            assertThat(field(response, "BR")).isEqualTo("1");
            assertThat(field(response, "BS")).isEqualTo("MAIN");
            assertThat(field(response, "AJ")).isEqualTo("Kiosk Title 1");
            assertThat(field(response, "AO")).isEqualTo(INSTITUTION);
            assertThat(fields(response, "AF")).anySatisfy(m -> assertThat(m).contains("Hold placed"));
        }
        assertThat(query(server, "SELECT CONCAT(h.status, ' ', h.hold_type, ' ', COALESCE(h.item_id, '-')) FROM hold h"
                + " JOIN patron p ON p.id = h.patron_id WHERE p.barcode = 'P1'")).isEqualTo("WAITING 2 -");
        assertThat(KioskLibrary.audit(server, "hold_place", "51000001")).containsExactly("ok");
    }

    @Test
    @DisplayName("BR is the place in the queue by hold rank, then time placed (seed 001: lower rank ahead)")
    void queuePositionByRankThenTime() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String first = hold(kiosk, '+', "P2", "51000002", null, "");
            assertThat(first).startsWith("161N");
            assertThat(field(first, "BR")).isEqualTo("1");
            assertThat(field(hold(kiosk, '+', "P3", "51000002", null, ""), "BR")).isEqualTo("2");
            String faculty = hold(kiosk, '+', "P10", "51000002", null, "");
            assertThat(field(faculty, "BR")).as("FACULTY, hold rank 120, goes ahead of PUBLIC's 150").isEqualTo("1");
            String again = hold(kiosk, '*', "P3", "51000002", null, "");
            assertThat(again).startsWith("161");
            assertThat(field(again, "BR")).isEqualTo("3");
        }
    }

    @Test
    @DisplayName("15 + by title text (AJ), and BY 3 with AB holds that very copy")
    void byTitleAndSpecificCopy() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String byTitle = hold(kiosk, '+', "P4", null, "Kiosk Title 3", "");
            assertThat(byTitle).startsWith("161");
            assertThat(field(byTitle, "AJ")).isEqualTo("Kiosk Title 3");
            String copy = hold(kiosk, '+', "P4", "51000102", null, "BY3|");
            assertThat(copy).startsWith("161");
            assertThat(field(copy, "AB")).isEqualTo("51000102");
            assertThat(hold(kiosk, '+', "P4", null, "No Such Title", "")).startsWith("160");
        }
        assertThat(query(server, "SELECT h.hold_type FROM hold h JOIN item i ON i.id = h.item_id"
                + " WHERE i.barcode = '51000102'")).isEqualTo("3");
    }

    @Test
    @DisplayName("a second hold on the same title is refused as a duplicate, with a screen message")
    void duplicateHold() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            assertThat(hold(kiosk, '+', "P5", "51000004", null, "")).startsWith("161");
            String again = hold(kiosk, '+', "P5", "51000004", null, "");
            assertThat(again).startsWith("160N");
            assertThat(fields(again, "AF")).anySatisfy(m -> assertThat(m).contains("already have a hold"));
        }
        assertThat(KioskLibrary.audit(server, "hold_place", "51000004")).containsExactly("ok", "denied:DUPLICATE");
    }

    @Test
    @DisplayName("the profile's hold limit: HOLD1's second hold needs an override, which SIP2 cannot take (seed 001)")
    void holdLimit() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            assertThat(hold(kiosk, '+', "P9", "51000005", null, "")).startsWith("161");
            String second = hold(kiosk, '+', "P9", "51000006", null, "");
            assertThat(second).startsWith("160");
            assertThat(fields(second, "AF")).anySatisfy(m -> assertThat(m).contains("too many holds"));
        }
        assertThat(KioskLibrary.audit(server, "hold_place", "51000006")).singleElement()
                .satisfies(e -> assertThat(e).startsWith("denied:").contains("HOLD_LIMIT"));
    }

    @Test
    @DisplayName("15 - cancels (Remove Hold); a second cancel finds no hold; a barred patron may not place one")
    void cancelAndBarred() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            assertThat(hold(kiosk, '+', "P7", "51000007", null, "")).startsWith("161");
            assertThat(hold(kiosk, '-', "P7", "51000007", null, "")).startsWith("161");
            String again = hold(kiosk, '-', "P7", "51000007", null, "");
            assertThat(again).startsWith("160");
            assertThat(fields(again, "AF")).anySatisfy(m -> assertThat(m).contains("No hold"));
            String barred = hold(kiosk, '+', "P18", "51000007", null, "");
            assertThat(barred).startsWith("160");
            assertThat(fields(barred, "AF")).anySatisfy(m -> assertThat(m).contains("barred"));
        }
        assertThat(query(server, "SELECT h.status FROM hold h JOIN patron p ON p.id = h.patron_id"
                + " WHERE p.barcode = 'P7'")).isEqualTo("CANCELLED");
    }

    @Test
    @DisplayName("15 * changes pickup location and expiry (BS, BW); an unknown pickup location or a past BW is refused")
    void changePickupAndExpiry() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            assertThat(hold(kiosk, '+', "P8", "51000009", null, "")).startsWith("161");
            String changed = hold(kiosk, '*', "P8", "51000009", null, "BW20301231    235959|BSEAST|");
            assertThat(changed).startsWith("161");
            assertThat(field(changed, "BS")).isEqualTo("EAST");
            assertThat(field(changed, "BW")).isEqualTo("20301231    235959");
            assertThat(hold(kiosk, '*', "P8", "51000009", null, "BSNOWHERE|")).startsWith("160");
            assertThat(hold(kiosk, '+', "P8", "51000010", null, "BW20200101    000000|")).startsWith("160");
        }
        assertThat(query(server, "SELECT CONCAT(l.code, ' ', h.expires_on) FROM hold h JOIN patron p"
                + " ON p.id = h.patron_id JOIN location l ON l.id = h.pickup_location_id WHERE p.barcode = 'P8'"))
                .isEqualTo("EAST 2030-12-31");
    }

    @Test
    @DisplayName("available Y when a copy waits on the hold shelf for the hold")
    void availableOnHoldShelf() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String response = hold(kiosk, '*', "P6", "51000008", null, "");
            assertThat(response).startsWith("161Y");
            assertThat(field(response, "BR")).as("no queue position once a copy is set aside").isNull();
        }
    }

    @Test
    @DisplayName("every 15 is answered: wrong PIN, and an account that may not hold get a 16 with ok=0 and the reason")
    void refusals() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String wrongPin = kiosk.exchange(KioskLines.hold('+', INSTITUTION, "P11", "9999", "51000011", null, ""));
            assertThat(wrongPin).startsWith("160");
            assertThat(fields(wrongPin, "AF")).contains("Invalid PIN");
        }
        try (NumberedKiosk kiosk = login("k6status")) {
            String refused = hold(kiosk, '+', "P11", "51000011", null, "");
            assertThat(refused).startsWith("160");
            assertThat(fields(refused, "AF")).contains("Not permitted at this terminal");
        }
    }
}
