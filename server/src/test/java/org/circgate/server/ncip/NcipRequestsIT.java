package org.circgate.server.ncip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.server.testing.NcipMessages.acceptItem;
import static org.circgate.server.testing.NcipMessages.cancelRequest;
import static org.circgate.server.testing.NcipMessages.checkIn;
import static org.circgate.server.testing.NcipMessages.checkOut;
import static org.circgate.server.testing.NcipMessages.deleteItem;
import static org.circgate.server.testing.NcipMessages.message;
import static org.circgate.server.testing.NcipMessages.requestItem;
import static org.circgate.server.testing.NcipMessages.userId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.NcipTestAgencies;
import org.circgate.server.testing.NcipTestClient;
import org.circgate.server.testing.NcipXml;
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

/**
 * Issue 7, RequestItem / CancelRequestItem (through the shared HoldService) and AcceptItem / DeleteItem (temporary
 * interlibrary-loan items) over real HTTP against the real embedded MariaDB. Responses schema-validated.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class NcipRequestsIT {
    private static final String FROM = "T-ILL";
    private static final String TO = "TEST";

    private static ServerFixture server;
    private static NcipTestClient ncip;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database);
        TestLibrary.load(server.server());
        NcipTestAgencies.load(server.server());
        ncip = new NcipTestClient(server.ncip());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static NcipXml send(String xml) throws Exception {
        return ncip.send(NcipTestAgencies.KEY, xml);
    }

    @Test
    @DisplayName("RequestItem places a copy hold under the partner's RequestId and echoes RequestId, ItemId, "
            + "UserId and the copy's location; the same title again is Duplicate Request (issue 7, ncip.md 6.2)")
    void requestCopy() throws Exception {
        NcipXml placed = send(requestItem(FROM, TO, "T1", "41000010", "ILL-100", "Item", "SOUTH"));
        assertThat(placed.service()).isEqualTo("RequestItemResponse");
        assertThat(placed.isProblem()).isFalse();
        assertThat(placed.first("RequestIdentifierValue")).isEqualTo("ILL-100");
        assertThat(placed.first("ItemIdentifierValue")).isEqualTo("41000010");
        assertThat(placed.first("RequestScopeType")).isEqualTo("Item");
        assertThat(placed.all("LocationNameValue")).contains("NORTH");
        assertThat(hold("ILL-100")).isEqualTo("T1|WAITING|SOUTH|41000010");
        NcipXml again = send(requestItem(FROM, TO, "T1", "41000010", "ILL-101", "Item", "SOUTH"));
        assertThat(again.problemType()).isEqualTo("Duplicate Request");
    }

    @Test
    @DisplayName("RequestItem without a RequestId gets one from circgate; by BibliographicRecordId it is a title hold")
    void requestByTitle() throws Exception {
        NcipXml placed = send(message(FROM, TO, "RequestItem", userId("T2")
                + "<BibliographicId><BibliographicRecordId><BibliographicRecordIdentifier>TT12"
                + "</BibliographicRecordIdentifier><BibliographicRecordIdentifierCode>Accession Number"
                + "</BibliographicRecordIdentifierCode></BibliographicRecordId></BibliographicId>"
                + "<RequestType>Hold</RequestType><RequestScopeType>Bibliographic Item</RequestScopeType>"));
        assertThat(placed.isProblem()).isFalse();
        String requestId = placed.first("RequestIdentifierValue");
        assertThat(requestId).hasSize(36);
        assertThat(placed.first("RequestScopeType")).isEqualTo("Bibliographic Item");
        assertThat(hold(requestId)).isEqualTo("T2|WAITING|NORTH|null");
    }

    @Test
    @DisplayName("RequestItem refusals: Unknown Item, Unknown User, User Blocked for a BARRED patron, an unknown "
            + "pickup location (Place Hold on interface NCIP, seed 004)")
    void requestRefusals() throws Exception {
        assertThat(send(requestItem(FROM, TO, "T3", "99999999", null, "Item", null)).problemType())
                .isEqualTo("Unknown Item");
        assertThat(send(requestItem(FROM, TO, "NOBODY", "41000010", null, "Item", null)).problemType())
                .isEqualTo("Unknown User");
        NcipXml barred = ncip.send(NcipTestAgencies.DEMO_KEY,
                requestItem("DEMO-ILL", "DEMO", "21000004", "31000001", null, "Item", null));
        assertThat(barred.problemType()).isEqualTo("User Blocked");
        assertThat(send(requestItem(FROM, TO, "T3", "41000015", null, "Item", "MOON")).problemType())
                .isEqualTo("Element Rule Violated");
    }

    @Test
    @DisplayName("CancelRequestItem by RequestId alone cancels the hold and echoes it; again (or unknown) is Unknown "
            + "Request (issue 7)")
    void cancelByRequestId() throws Exception {
        assertThat(send(requestItem(FROM, TO, "T4", "41000016", "ILL-200", "Item", null)).isProblem()).isFalse();
        NcipXml cancelled = send(cancelRequest(FROM, TO, null, "ILL-200"));
        assertThat(cancelled.service()).isEqualTo("CancelRequestItemResponse");
        assertThat(cancelled.isProblem()).isFalse();
        assertThat(cancelled.first("RequestIdentifierValue")).isEqualTo("ILL-200");
        assertThat(cancelled.first("UserIdentifierValue")).isEqualTo("T4");
        assertThat(hold("ILL-200")).startsWith("T4|CANCELLED");
        assertThat(send(cancelRequest(FROM, TO, "T4", "ILL-200")).problemType()).isEqualTo("Unknown Request");
        assertThat(send(cancelRequest(FROM, TO, null, "NO-SUCH")).problemType()).isEqualTo("Unknown Request");
        assertThat(audit("hold_cancel", "41000016")).startsWith("NCIP|ncip:T-ILL|NORTH|hold_cancel|ok");
    }

    @Test
    @DisplayName("AcceptItem creates a temporary copy (agency prefix + ItemId) on the hold shelf of the pickup "
            + "location for the patron; a resend changes nothing; the patron checks it out at a kiosk, it comes "
            + "back, and DeleteItem removes it (issue 7, ncip.md 8.5/8.6)")
    void acceptItemLifecycle() throws Exception {
        String accept = acceptItem(FROM, TO, "REQ-ILL-1", "T5", "LEND-77", "Governing the Commons", "NORTH");
        NcipXml accepted = send(accept);
        assertThat(accepted.service()).isEqualTo("AcceptItemResponse");
        assertThat(accepted.isProblem()).isFalse();
        assertThat(accepted.first("RequestIdentifierValue")).isEqualTo("REQ-ILL-1");
        assertThat(accepted.first("ItemIdentifierValue")).isEqualTo("ILL-LEND-77");
        assertThat(item("ILL-LEND-77")).isEqualTo("ON_HOLD_SHELF|NORTH|SOUTH|true|Governing the Commons");
        assertThat(hold("REQ-ILL-1")).isEqualTo("T5|AVAILABLE|NORTH|ILL-LEND-77");
        assertThat(send(accept).isProblem()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM item WHERE barcode = 'ILL-LEND-77'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM hold WHERE external_id = 'REQ-ILL-1'")).isEqualTo(1);

        try (Sip2TestClient kiosk = server.sip2Client()) {
            assertThat(kiosk.exchange(Sip2Lines.login("tkiosk", "tkiosk", "NORTH"))).isEqualTo("941");
            String someoneElse = kiosk.exchange(Sip2Lines.checkout(TestLibrary.INSTITUTION, "T6", "ILL-LEND-77",
                    TestLibrary.PIN, false, false, ""));
            assertThat(someoneElse).startsWith("120");
            String lent = kiosk.exchange(Sip2Lines.checkout(TestLibrary.INSTITUTION, "T5", "ILL-LEND-77",
                    TestLibrary.PIN, false, false, ""));
            assertThat(lent).startsWith("121");
        }
        assertThat(hold("REQ-ILL-1")).startsWith("T5|FILLED");
        NcipXml onLoan = send(deleteItem(FROM, TO, "ILL-LEND-77"));
        assertThat(onLoan.problemType()).isEqualTo("Item Access Denied");
        assertThat(send(checkIn(FROM, TO, "ILL-LEND-77")).isProblem()).isFalse();
        NcipXml deleted = send(deleteItem(FROM, TO, "ILL-LEND-77"));
        assertThat(deleted.service()).isEqualTo("DeleteItemResponse");
        assertThat(deleted.isProblem()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM item WHERE barcode = 'ILL-LEND-77'")).isZero();
        assertThat(audit("accept_item", "ILL-LEND-77")).containsExactly("NCIP|ncip:T-ILL|NORTH|accept_item|ok");
        assertThat(audit("delete_item", "ILL-LEND-77")).containsExactly("NCIP|ncip:T-ILL|NORTH|delete_item|denied",
                "NCIP|ncip:T-ILL|NORTH|delete_item|ok");
    }

    @Test
    @DisplayName("AcceptItem without a PickupLocation uses the agency's AcceptItem location; without an ItemId the "
            + "RequestId names the copy")
    void acceptItemDefaults() throws Exception {
        NcipXml accepted = send(acceptItem(FROM, TO, "REQ-ILL-2", "T6", null, null, null));
        assertThat(accepted.isProblem()).isFalse();
        assertThat(accepted.first("ItemIdentifierValue")).isEqualTo("ILL-REQ-ILL-2");
        assertThat(item("ILL-REQ-ILL-2")).isEqualTo("ON_HOLD_SHELF|SOUTH|SOUTH|true|Interlibrary loan REQ-ILL-2");
        assertThat(hold("REQ-ILL-2")).isEqualTo("T6|AVAILABLE|SOUTH|ILL-REQ-ILL-2");
    }

    @Test
    @DisplayName("AcceptItem refusals: Unknown User, Cannot Accept Item for an existing barcode or an unknown pickup "
            + "location, Duplicate Request for a RequestId in use, Needed Data Missing without UserId")
    void acceptItemRefusals() throws Exception {
        assertThat(send(acceptItem(FROM, TO, "REQ-X1", "NOBODY", "X1", null, null)).problemType())
                .isEqualTo("Unknown User");
        NcipXml existing = ncip.send(NcipTestAgencies.KEY_NOT_ON_LOAN_OK,
                acceptItem("T-OK", TO, "REQ-X2", "T7", "41000001", null, null));
        assertThat(existing.problemType()).isEqualTo("Cannot Accept Item");
        assertThat(send(acceptItem(FROM, TO, "REQ-X3", "T7", "X3", null, "MOON")).problemType())
                .isEqualTo("Cannot Accept Item");
        assertThat(send(acceptItem(FROM, TO, "REQ-X4", "T7", "X4", null, null)).isProblem()).isFalse();
        assertThat(send(acceptItem(FROM, TO, "REQ-X4", "T8", "X5", null, null)).problemType())
                .isEqualTo("Duplicate Request");
        assertThat(send(message(FROM, TO, "AcceptItem", "<RequestId><RequestIdentifierValue>R</RequestIdentifierValue>"
                + "</RequestId><RequestedActionType>Hold For Pickup</RequestedActionType>")).problemType())
                .isEqualTo("Needed Data Missing");
        assertThat(count("SELECT COUNT(*) FROM item WHERE barcode IN ('ILL-X1', 'ILL-X3', 'ILL-X5')")).isZero();
    }

    @Test
    @DisplayName("DeleteItem refuses regular copies (Item Access Denied) and unknown ones (Unknown Item)")
    void deleteItemRefusals() throws Exception {
        assertThat(send(deleteItem(FROM, TO, "41000030")).problemType()).isEqualTo("Item Access Denied");
        assertThat(count("SELECT COUNT(*) FROM item WHERE barcode = '41000030'")).isEqualTo(1);
        assertThat(send(deleteItem(FROM, TO, "NOPE")).problemType()).isEqualTo("Unknown Item");
        assertThat(send(checkOut(FROM, TO, "T1", "NOPE")).problemType()).isEqualTo("Unknown Item");
    }

    private static String hold(String externalId) throws Exception {
        try (Connection c = server.jdbc(); PreparedStatement s = c.prepareStatement("""
                SELECT p.barcode, h.status, l.code, i.barcode FROM hold h JOIN patron p ON p.id = h.patron_id
                  JOIN location l ON l.id = h.pickup_location_id LEFT JOIN item i ON i.id = h.item_id
                 WHERE h.external_id = ?""")) {
            s.setString(1, externalId);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3) + "|"
                        + row.getString(4) : null;
            }
        }
    }

    private static String item(String barcode) throws Exception {
        try (Connection c = server.jdbc(); PreparedStatement s = c.prepareStatement("""
                SELECT i.status, cl.code, hl.code, i.temporary, t.title FROM item i
                  JOIN location cl ON cl.id = i.current_location_id JOIN location hl ON hl.id = i.home_location_id
                  JOIN title t ON t.id = i.title_id WHERE i.barcode = ?""")) {
            s.setString(1, barcode);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3) + "|"
                        + row.getBoolean(4) + "|" + row.getString(5) : null;
            }
        }
    }

    private static java.util.List<String> audit(String command, String itemBarcode) throws Exception {
        java.util.List<String> events = new java.util.ArrayList<>();
        try (Connection c = server.jdbc(); PreparedStatement s = c.prepareStatement("""
                SELECT interface, operator, location_code, command, outcome FROM audit_event
                 WHERE command = ? AND item_barcode = ? ORDER BY id""")) {
            s.setString(1, command);
            s.setString(2, itemBarcode);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    events.add(row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3) + "|"
                            + row.getString(4) + "|" + row.getString(5));
                }
            }
        }
        return events;
    }

    private static long count(String sql) throws Exception {
        try (Connection c = server.jdbc(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet row = s.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
