package org.circgate.server.ncip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.server.testing.NcipMessages.auth;
import static org.circgate.server.testing.NcipMessages.checkIn;
import static org.circgate.server.testing.NcipMessages.checkOut;
import static org.circgate.server.testing.NcipMessages.itemId;
import static org.circgate.server.testing.NcipMessages.message;
import static org.circgate.server.testing.NcipMessages.renew;
import static org.circgate.server.testing.NcipMessages.requestItem;
import static org.circgate.server.testing.NcipMessages.userId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.NcipTestAgencies;
import org.circgate.server.testing.NcipTestClient;
import org.circgate.server.testing.NcipXml;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.TestDatabase;
import org.circgate.server.testing.TestLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7, CheckOutItem / CheckInItem / RenewItem over real HTTP against the real embedded MariaDB through the shared
 * circulation core on interface NCIP, with the audit trail and the metrics they leave. Responses schema-validated.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class NcipCirculationIT {
    private static final String FROM = "T-ILL";
    private static final String TO = "TEST";

    private static ServerFixture server;
    private static NcipTestClient ncip;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database);
        TestLibrary.load(server.server());
        NcipTestAgencies.load(server.server());
        TestLibrary.importJson(server.server(), """
                {"institutions": [{"code": "TEST", "name": "Test Library",
                  "titles": [{"key": "TT99", "title": "Reference Only"}],
                  "items": [{"barcode": "41000099", "title": "TT99", "itemType": "BOOK", "location": "NORTH",
                             "circulating": false}]}]}""");
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
    @DisplayName("CheckOutItem lends with the policy's due date (21 days, end of day), records the loan and an audit "
            + "event with agency, location, interface NCIP and outcome; CheckInItem returns it (issue 7)")
    void checkOutAndIn() throws Exception {
        NcipXml out = send(checkOut(FROM, TO, "T2", "41000001"));
        assertThat(out.service()).isEqualTo("CheckOutItemResponse");
        assertThat(out.isProblem()).isFalse();
        assertThat(out.first("ItemIdentifierValue")).isEqualTo("41000001");
        assertThat(out.first("UserIdentifierValue")).isEqualTo("T2");
        assertThat(out.first("DateDue")).startsWith(LocalDate.now(ZoneOffset.UTC).plusDays(21) + "T23:59:59");
        assertThat(loans("41000001")).isEqualTo(1);
        assertThat(audit("41000001")).containsExactly("NCIP|ncip:T-ILL|NORTH|checkout|ok");

        NcipXml in = send(checkIn(FROM, TO, "41000001", "Circulation Status"));
        assertThat(in.service()).isEqualTo("CheckInItemResponse");
        assertThat(in.isProblem()).isFalse();
        assertThat(in.first("UserIdentifierValue")).isEqualTo("T2");
        assertThat(in.first("CirculationStatus")).isEqualTo("Available On Shelf");
        assertThat(loans("41000001")).isZero();
        assertThat(audit("41000001")).endsWith("NCIP|ncip:T-ILL|NORTH|checkin|ok");

        String metrics = server.admin("/metrics").body();
        assertThat(metrics).contains("circgate_request_duration_seconds_count{action=\"allow\",command=\"CheckOutItem\","
                + "interface=\"ncip\",outcome=\"ok\"}");
        assertThat(metrics).contains("circgate_ncip_http_responses_total{status=\"200\"}");
    }

    @Test
    @DisplayName("CheckOutItem refusals: Unknown User, Unknown Item, Needed Data Missing, Item Does Not Circulate, "
            + "User Ineligible To Check Out This Item for a copy already out (ncip.md 5)")
    void checkOutRefusals() throws Exception {
        assertThat(send(checkOut(FROM, TO, "NOBODY", "41000002")).problemType()).isEqualTo("Unknown User");
        assertThat(send(checkOut(FROM, TO, "T2", "99999999")).problemType()).isEqualTo("Unknown Item");
        assertThat(send(message(FROM, TO, "CheckOutItem", userId("T2"))).problemType())
                .isEqualTo("Needed Data Missing");
        NcipXml reference = send(checkOut(FROM, TO, "T2", "41000099"));
        assertThat(reference.problemType()).isEqualTo("Item Does Not Circulate");
        assertThat(reference.problemDetail()).contains("decided by");
        assertThat(send(checkOut(FROM, TO, "T3", "41000003")).isProblem()).isFalse();
        NcipXml taken = send(checkOut(FROM, TO, "T4", "41000003"));
        assertThat(taken.problemType()).isEqualTo("User Ineligible To Check Out This Item");
        assertThat(loans("41000099")).isZero();
        assertThat(audit("41000099")).containsExactly("NCIP|ncip:T-ILL|NORTH|checkout|denied");
    }

    @Test
    @DisplayName("CheckOutItem honours the charge limit: the third item for a LIMIT2 patron is Maximum Check Outs "
            + "Exceeded (seed 001/003 charge limit, Allow Override = Deny on NCIP)")
    void chargeLimit() throws Exception {
        assertThat(send(checkOut(FROM, TO, "T9", "41000011")).isProblem()).isFalse();
        assertThat(send(checkOut(FROM, TO, "T9", "41000012")).isProblem()).isFalse();
        NcipXml third = send(checkOut(FROM, TO, "T9", "41000013"));
        assertThat(third.problemType()).isEqualTo("Maximum Check Outs Exceeded");
        assertThat(third.first("ProblemValue")).isEqualTo("T9");
    }

    @Test
    @DisplayName("CheckOutItem for a BARRED patron is User Blocked with the policy's reason in ProblemDetail "
            + "(seed 004, ncip.md 5)")
    void barredPatron() throws Exception {
        NcipXml barred = ncip.send(NcipTestAgencies.DEMO_KEY, checkOut("DEMO-ILL", "DEMO", "21000004", "31000001"));
        assertThat(barred.problemType()).isEqualTo("User Blocked");
        assertThat(barred.problemDetail()).contains("Patron is barred").contains("standing BARRED");
        NcipXml blocked = ncip.send(NcipTestAgencies.DEMO_KEY, checkOut("DEMO-ILL", "DEMO", "21000003", "31000001"));
        assertThat(blocked.problemType()).isEqualTo("User Blocked");
        assertThat(blocked.problemDetail()).contains("BLOCKED");
    }

    @Test
    @DisplayName("CheckOutItem with a PIN checks it like a kiosk: a wrong PIN is User Authentication Failed and "
            + "nothing is lent (seed 002)")
    void checkOutWithPin() throws Exception {
        NcipXml wrong = send(message(FROM, TO, "CheckOutItem", auth("Barcode Id", "T6") + auth("PIN", "0000")
                + itemId("41000014")));
        assertThat(wrong.problemType()).isEqualTo("User Authentication Failed");
        assertThat(loans("41000014")).isZero();
        NcipXml right = send(message(FROM, TO, "CheckOutItem", auth("Barcode Id", "T6")
                + auth("PIN", TestLibrary.PIN) + itemId("41000014")));
        assertThat(right.isProblem()).isFalse();
    }

    @Test
    @DisplayName("CheckInItem of a copy not on loan: Item Not Checked Out, or success for an agency with "
            + "checkinNotOnLoanOk; an unknown copy is Unknown Item (issue 7 agency options, ncip.md 6.2)")
    void checkInNotOnLoan() throws Exception {
        NcipXml strict = send(checkIn(FROM, TO, "41000020"));
        assertThat(strict.problemType()).isEqualTo("Item Not Checked Out");
        NcipXml lenient = ncip.send(NcipTestAgencies.KEY_NOT_ON_LOAN_OK, checkIn("T-OK", TO, "41000020"));
        assertThat(lenient.isProblem()).isFalse();
        assertThat(lenient.first("ItemIdentifierValue")).isEqualTo("41000020");
        assertThat(send(checkIn(FROM, TO, "99999999")).problemType()).isEqualTo("Unknown Item");
    }

    @Test
    @DisplayName("RenewItem extends the loan (the loan names the patron when the request does not); the renewal "
            + "limit (2) makes the third Maximum Renewals Exceeded (seed 001 circulation rules)")
    void renewals() throws Exception {
        assertThat(send(checkOut(FROM, TO, "T5", "41000005")).isProblem()).isFalse();
        NcipXml first = send(renew(FROM, TO, null, "41000005"));
        assertThat(first.service()).isEqualTo("RenewItemResponse");
        assertThat(first.isProblem()).isFalse();
        assertThat(first.first("UserIdentifierValue")).isEqualTo("T5");
        assertThat(first.first("DateDue")).startsWith(LocalDate.now(ZoneOffset.UTC).plusDays(21).toString());
        assertThat(send(renew(FROM, TO, "T5", "41000005")).isProblem()).isFalse();
        NcipXml third = send(renew(FROM, TO, "T5", "41000005"));
        assertThat(third.problemType()).isEqualTo("Maximum Renewals Exceeded");
        assertThat(audit("41000005")).endsWith("NCIP|ncip:T-ILL|NORTH|renew|denied");
    }

    @Test
    @DisplayName("RenewItem refusals: a copy another patron waits for is Renewal Not Allowed - Item Has "
            + "Outstanding Requests; not on loan or loaned to someone else is Item Not Checked Out; unknown copy "
            + "is Unknown Item")
    void renewRefusals() throws Exception {
        assertThat(send(checkOut(FROM, TO, "T7", "41000007")).isProblem()).isFalse();
        assertThat(send(requestItem(FROM, TO, "T8", "41000007", "R-T8-7", "Item", "NORTH")).isProblem()).isFalse();
        assertThat(send(renew(FROM, TO, "T7", "41000007")).problemType())
                .isEqualTo("Renewal Not Allowed - Item Has Outstanding Requests");
        assertThat(send(renew(FROM, TO, null, "41000021")).problemType()).isEqualTo("Item Not Checked Out");
        assertThat(send(renew(FROM, TO, "T1", "41000007")).problemType()).isEqualTo("Item Not Checked Out");
        assertThat(send(renew(FROM, TO, "T7", "99999999")).problemType()).isEqualTo("Unknown Item");
    }

    @Test
    @DisplayName("A database failure in the middle of CheckOutItem answers Temporary Processing Failure (HTTP 200) "
            + "and leaves nothing half-written; the next attempt succeeds (DESIGN 5)")
    void databaseFailure() throws Exception {
        assertThat(send(checkOut(FROM, TO, "T1", "41000022")).isProblem()).isFalse(); // agency now cached
        send(checkIn(FROM, TO, "41000022"));
        // The grouped reads of the checkout (patron and item locked, loans, holds, bills) are lost.
        server.faults().failWhen(sql -> sql.contains("FOR UPDATE") && sql.contains("FROM bill"));
        NcipXml failed = send(checkOut(FROM, TO, "T1", "41000023"));
        server.faults().disarm();
        assertThat(failed.problemType()).isEqualTo("Temporary Processing Failure");
        assertThat(loans("41000023")).isZero();
        assertThat(send(checkOut(FROM, TO, "T1", "41000023")).isProblem()).isFalse();
    }

    private static int loans(String barcode) throws Exception {
        try (Connection c = server.jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM loan l JOIN item i ON i.id = l.item_id WHERE i.barcode = ?")) {
            s.setString(1, barcode);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static List<String> audit(String barcode) throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection c = server.jdbc(); PreparedStatement s = c.prepareStatement("""
                SELECT interface, operator, location_code, command, outcome FROM audit_event
                 WHERE item_barcode = ? ORDER BY id""")) {
            s.setString(1, barcode);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    events.add(row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3) + "|"
                            + row.getString(4) + "|" + row.getString(5));
                }
            }
        }
        return events;
    }
}
