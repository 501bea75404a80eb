package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.server.testing.KioskLibrary.INSTITUTION;
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
 * Issue 6, 17/18 Item Information from the item's real state (circulation status table, sip2.md 1.4) and 19/20 Item
 * Status Update, refused where the account's status-update permission is off, over real TCP and MariaDB.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class Sip2ItemIT {
    private static ServerFixture server;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database);
        KioskLibrary.load(server.server());
        String item = "{\"barcode\": \"%s\", \"title\": \"K%d\", \"itemType\": \"BOOK\", \"location\": \"MAIN\", %s}";
        KioskLibrary.importJson(server.server(), INSTITUTION, """
                "items": [%s, %s, %s, %s, %s, %s, %s, %s],
                "loans": [
                  {"item": "51000002", "patron": "P1", "checkedOut": "%s", "due": "2030-06-01T23:59:59Z"},
                  {"item": "51000003", "patron": "P1", "checkedOut": "%s", "due": "2030-06-01T23:59:59Z",
                   "recalled": "2026-11-20T10:00:00Z"},
                  {"item": "51000007", "patron": "P2", "checkedOut": "%s", "due": "2030-06-01T23:59:59Z"}
                ],
                "holds": [
                  {"id": "I-4", "patron": "P3", "title": "K4", "item": "51000004", "pickupLocation": "MAIN",
                   "status": "AVAILABLE", "placed": "%s", "pickupBy": "2030-12-31"},
                  {"id": "I-11a", "patron": "P4", "title": "K11", "pickupLocation": "MAIN", "placed": "%s"},
                  {"id": "I-11b", "patron": "P5", "title": "K11", "pickupLocation": "EAST", "placed": "%s"}
                ]
                """.formatted(
                item.formatted("51000004", 4, "\"status\": \"ON_HOLD_SHELF\""),
                item.formatted("51000005", 5, "\"status\": \"IN_TRANSIT\", \"currentLocation\": \"EAST\""),
                item.formatted("51000006", 6, "\"status\": \"MISSING\""),
                item.formatted("51000007", 7, "\"status\": \"LOST\""),
                item.formatted("51000008", 8, "\"status\": \"CLAIMED_RETURNED\""),
                item.formatted("51000009", 9, "\"status\": \"ON_ORDER\""),
                item.formatted("51000010", 10, "\"loanFee\": \"1.00\", \"mediaType\": \"006\", \"securityMarker\": \"01\""),
                item.formatted("51000012", 12, "\"properties\": \"2 discs\""),
                days(-2), days(-2), days(-2), days(-1), days(-2), days(-1)));
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

    private static String info(NumberedKiosk kiosk, String item) throws Exception {
        return kiosk.exchange(KioskLines.itemInformation(INSTITUTION, item));
    }

    @Test
    @DisplayName("18 for a copy on the shelf: 03 available, security marker, fee type 01, owner, locations, media type")
    void available() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String response = info(kiosk, "51000001");
            assertThat(response).startsWith("18030201");
            assertThat(field(response, "AB")).isEqualTo("51000001");
            assertThat(field(response, "AJ")).isEqualTo("Kiosk Title 1");
            assertThat(field(response, "CF")).isEqualTo("0");
            assertThat(field(response, "BG")).isEqualTo(INSTITUTION);
            assertThat(field(response, "AQ")).isEqualTo("MAIN");
            assertThat(field(response, "AP")).isEqualTo("MAIN");
            assertThat(field(response, "CK")).isEqualTo("001");
            assertThat(field(response, "AH")).isNull();
        }
    }

    @Test
    @DisplayName("18 from the real state: 04 charged with AH, 07 recalled with CJ, 08 hold shelf with CM, 10 in transit")
    void circulationStates() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String charged = info(kiosk, "51000002");
            assertThat(charged).startsWith("1804");
            assertThat(field(charged, "AH")).isEqualTo("20300601    235959");
            String recalled = info(kiosk, "51000003");
            assertThat(recalled).startsWith("1807");
            assertThat(field(recalled, "CJ")).isEqualTo("20261120    100000");
            String shelf = info(kiosk, "51000004");
            assertThat(shelf).startsWith("1808");
            assertThat(field(shelf, "CM")).isEqualTo("20301231    235959");
            assertThat(field(shelf, "CF")).isEqualTo("1");
            String transit = info(kiosk, "51000005");
            assertThat(transit).startsWith("1810");
            assertThat(field(transit, "AP")).isEqualTo("EAST");
        }
    }

    @Test
    @DisplayName("18: 13 missing, 12 lost (even while on loan), 11 claimed returned, 02 on order")
    void exceptionalStates() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            assertThat(info(kiosk, "51000006")).startsWith("1813");
            assertThat(info(kiosk, "51000007")).startsWith("1812");
            assertThat(info(kiosk, "51000008")).startsWith("1811");
            assertThat(info(kiosk, "51000009")).startsWith("1802");
        }
    }

    @Test
    @DisplayName("18: a loan fee gives fee type 06 with BV/BH; CF counts the holds waiting for the title; unknown item")
    void feeQueueAndUnknown() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String fee = info(kiosk, "51000010");
            assertThat(fee).startsWith("18030106");
            assertThat(field(fee, "BV")).isEqualTo("1.00");
            assertThat(field(fee, "BH")).isEqualTo("USD");
            assertThat(field(fee, "CK")).isEqualTo("006");
            assertThat(field(info(kiosk, "51000011"), "CF")).isEqualTo("2");
            String unknown = info(kiosk, "59999999");
            assertThat(unknown).startsWith("18010101");
            assertThat(field(unknown, "AJ")).isEmpty();
            assertThat(fields(unknown, "AF")).contains("Item not found");
        }
    }

    @Test
    @DisplayName("19 is refused (20 ok=0, 98 status update N) when the account's status-update flag is off")
    void statusUpdateRefused() throws Exception {
        try (NumberedKiosk kiosk = login("k6")) {
            String status = kiosk.exchange("9900302.00");
            assertThat(status.charAt(6)).as("98 status update ok").isEqualTo('N');
            assertThat(field(status, "BX").charAt(11)).as("BX position 12, item status update").isEqualTo('N');
            String refused = kiosk.exchange(KioskLines.itemStatusUpdate(INSTITUTION, "51000012", "3 discs"));
            assertThat(refused).startsWith("200");
            assertThat(fields(refused, "AF")).contains("Item status updates are not allowed at this terminal");
        }
        assertThat(query(server, "SELECT properties FROM item WHERE barcode = '51000012'")).isEqualTo("2 discs");
    }

    @Test
    @DisplayName("19 stores CH where allowed (who and when recorded, audited) and 17 shows it; unknown item refused")
    void statusUpdateStored() throws Exception {
        try (NumberedKiosk kiosk = login("k6staff")) {
            assertThat(kiosk.exchange("9900302.00").charAt(6)).as("98 status update ok").isEqualTo('Y');
            String updated = kiosk.exchange(KioskLines.itemStatusUpdate(INSTITUTION, "51000013", "4 discs"));
            assertThat(updated).startsWith("201");
            assertThat(field(updated, "CH")).isEqualTo("4 discs");
            assertThat(field(updated, "AJ")).isEqualTo("Kiosk Title 13");
            assertThat(field(info(kiosk, "51000013"), "CH")).isEqualTo("4 discs");
            String unknown = kiosk.exchange(KioskLines.itemStatusUpdate(INSTITUTION, "59999999", "x"));
            assertThat(unknown).startsWith("200");
            assertThat(fields(unknown, "AF")).contains("Item not found");
        }
        assertThat(query(server, "SELECT CONCAT(properties, ' by ', properties_updated_by) FROM item"
                + " WHERE barcode = '51000013'")).isEqualTo("4 discs by k6staff");
        assertThat(KioskLibrary.audit(server, "item_status_update", "51000013")).containsExactly("ok");
    }
}
