package org.circgate.server.ncip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.server.testing.NcipMessages.auth;
import static org.circgate.server.testing.NcipMessages.lookupAgency;
import static org.circgate.server.testing.NcipMessages.lookupItem;
import static org.circgate.server.testing.NcipMessages.lookupUser;
import static org.circgate.server.testing.NcipMessages.message;
import static org.circgate.server.testing.NcipMessages.userId;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.NcipMessages;
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
 * Issue 7, LookupUser / LookupItem / LookupAgency over real HTTP against the real embedded MariaDB, decided by the
 * policy on interface NCIP. Every response is validated against the official 2.02 schema by the client.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class NcipLookupIT {
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

    private static NcipXml demo(String xml) throws Exception {
        return ncip.send(NcipTestAgencies.DEMO_KEY, xml);
    }

    @Test
    @DisplayName("LookupUser by UserId: UserId echoed, LIBRARY/PROFILE/STATUS=OK with ValidToDate, no block, header "
            + "echoed with From/To swapped (issue 7, ncip.md 6.1)")
    void lookupUserOk() throws Exception {
        NcipXml response = ncip.send(NcipTestAgencies.KEY, lookupUser("T-ILL", "TEST", userId("T1"),
                "Name Information", "User Privilege", "Block Or Trap"));
        assertThat(response.service()).isEqualTo("LookupUserResponse");
        assertThat(response.isProblem()).isFalse();
        assertThat(response.first("UserIdentifierValue")).isEqualTo("T1");
        assertThat(response.privilege("LIBRARY")).isEqualTo("TEST");
        assertThat(response.privilege("PROFILE")).isEqualTo("PUBLIC");
        assertThat(response.privilege("STATUS")).isEqualTo("OK");
        assertThat(response.privilegeValidTo("STATUS")).startsWith("2030-12-31T23:59:59");
        assertThat(response.all("BlockOrTrapType")).isEmpty();
        assertThat(response.first("UnstructuredPersonalUserName")).isEqualTo("Test Patron 1");
        assertThat(response.all("AgencyId")).startsWith("TEST", "T-ILL");
    }

    @Test
    @DisplayName("LookupUser STATUS follows the standing computed now: DELINQUENT (unpaid bill), BLOCKED (bills over "
            + "the threshold), BARRED with a BlockOrTrap per denied command (seed 004, DESIGN 4)")
    void lookupUserStandings() throws Exception {
        assertThat(demo(lookupUser("DEMO-ILL", "DEMO", userId("21000002"))).privilege("STATUS"))
                .isEqualTo("DELINQUENT");
        NcipXml blocked = demo(lookupUser("DEMO-ILL", "DEMO", userId("21000003")));
        assertThat(blocked.privilege("STATUS")).isEqualTo("BLOCKED");
        assertThat(blocked.all("BlockOrTrapType")).contains("Block Check Out", "Block Hold", "Block Renewal");
        NcipXml barred = demo(lookupUser("DEMO-ILL", "DEMO", userId("21000004")));
        assertThat(barred.privilege("STATUS")).isEqualTo("BARRED");
        assertThat(barred.all("BlockOrTrapType")).contains("Block Check Out", "Block Hold", "Block Renewal");
        NcipXml expired = demo(lookupUser("DEMO-ILL", "DEMO", userId("21000005")));
        assertThat(expired.privilegeValidTo("STATUS")).startsWith("2025-01-31");
        assertThat(expired.all("BlockOrTrapType")).contains("Block Check Out");
    }

    @Test
    @DisplayName("LookupUser by AuthenticationInput Barcode Id + PIN: the right PIN passes, a wrong one is User "
            + "Authentication Failed and counts in the database like a kiosk attempt (seed 002, issue 7)")
    void lookupUserWithPin() throws Exception {
        NcipXml ok = ncip.send(NcipTestAgencies.KEY, lookupUser("T-ILL", "TEST",
                auth("Barcode Id", "T2") + auth("PIN", TestLibrary.PIN)));
        assertThat(ok.isProblem()).isFalse();
        assertThat(ok.first("UserIdentifierValue")).isEqualTo("T2");
        NcipXml wrong = ncip.send(NcipTestAgencies.KEY, lookupUser("T-ILL", "TEST",
                auth("Barcode Id", "T2") + auth("PIN", "9999")));
        assertThat(wrong.problemType()).isEqualTo("User Authentication Failed");
        assertThat(wrong.text()).doesNotContain("9999");
        assertThat(pinFailures("T2")).isEqualTo(1);
        NcipXml again = ncip.send(NcipTestAgencies.KEY, lookupUser("T-ILL", "TEST",
                auth("Barcode Id", "T2") + auth("PIN", TestLibrary.PIN)));
        assertThat(again.isProblem()).isFalse();
        assertThat(pinFailures("T2")).isZero();
    }

    @Test
    @DisplayName("LookupUser by Username + Password (VuFind) and by UserId with a PIN (FOLIO); an empty PIN never "
            + "authenticates (seed 002)")
    void lookupUserOtherInputs() throws Exception {
        assertThat(ncip.send(NcipTestAgencies.KEY, lookupUser("T-ILL", "TEST",
                auth("Username", "T3") + auth("Password", TestLibrary.PIN))).isProblem()).isFalse();
        assertThat(ncip.send(NcipTestAgencies.KEY, lookupUser("T-ILL", "TEST",
                userId("T3") + auth("pin", TestLibrary.PIN))).isProblem()).isFalse();
        assertThat(ncip.send(NcipTestAgencies.KEY, lookupUser("T-ILL", "TEST",
                auth("Barcode Id", "T3") + auth("PIN", ""))).problemType()).isEqualTo("User Authentication Failed");
    }

    @Test
    @DisplayName("LookupUser of an unknown patron is Unknown User; without any identifier Needed Data Missing "
            + "(ncip.md 5)")
    void lookupUserUnknownOrMissing() throws Exception {
        NcipXml unknown = ncip.send(NcipTestAgencies.KEY, lookupUser("T-ILL", "TEST", userId("NOBODY")));
        assertThat(unknown.service()).isEqualTo("LookupUserResponse");
        assertThat(unknown.problemType()).isEqualTo("Unknown User");
        assertThat(unknown.first("ProblemValue")).isEqualTo("NOBODY");
        NcipXml missing = ncip.send(NcipTestAgencies.KEY, message("T-ILL", "TEST", "LookupUser",
                "<UserElementType>Name Information</UserElementType>"));
        assertThat(missing.problemType()).isEqualTo("Needed Data Missing");
    }

    @Test
    @DisplayName("What LookupUser reveals is per agency: DEMO-ILL sees e-mail, D-MIN (defaults) only the name "
            + "(issue 7 agency options)")
    void revealsPerAgency() throws Exception {
        NcipXml full = demo(lookupUser("DEMO-ILL", "DEMO", userId("21000001"), "Name Information",
                "User Address Information"));
        assertThat(full.first("ElectronicAddressData")).isEqualTo("ada@example.org");
        assertThat(full.first("UnstructuredPersonalUserName")).isEqualTo("Ada Okafor");
        NcipXml minimal = ncip.send(NcipTestAgencies.KEY_DEMO_MINIMAL, lookupUser("D-MIN", "DEMO",
                userId("21000001"), "Name Information", "User Address Information"));
        assertThat(minimal.all("ElectronicAddressData")).isEmpty();
        assertThat(minimal.first("UnstructuredPersonalUserName")).isEqualTo("Ada Okafor");
        NcipXml notAsked = demo(lookupUser("DEMO-ILL", "DEMO", userId("21000001"), "User Privilege"));
        assertThat(notAsked.all("ElectronicAddressData")).isEmpty();
        assertThat(notAsked.all("UnstructuredPersonalUserName")).isEmpty();
        assertThat(notAsked.privilege("STATUS")).isEqualTo("OK");
    }

    @Test
    @DisplayName("LookupUser with LoanedItemsDesired / RequestedItemsDesired / UserFiscalAccountDesired lists loans, "
            + "holds and bills (VuFind, issue 7)")
    void loansRequestsAndFiscalAccount() throws Exception {
        NcipXml loans = demo(message("DEMO-ILL", "DEMO", "LookupUser", userId("21000001")
                + "<LoanedItemsDesired/>"));
        assertThat(loans.all("ItemIdentifierValue")).contains("31000003");
        NcipXml requests = demo(message("DEMO-ILL", "DEMO", "LookupUser", userId("21000003")
                + "<RequestedItemsDesired/>"));
        assertThat(requests.all("RequestIdentifierValue")).contains("H0002");
        NcipXml fiscal = demo(message("DEMO-ILL", "DEMO", "LookupUser", userId("21000002")
                + "<UserFiscalAccountDesired/>"));
        assertThat(fiscal.all("MonetaryValue")).contains("250");
        NcipXml minimal = ncip.send(NcipTestAgencies.KEY_DEMO_MINIMAL, message("D-MIN", "DEMO", "LookupUser",
                userId("21000001") + "<LoanedItemsDesired/>"));
        assertThat(minimal.all("LoanedItem")).isEmpty();
    }

    @Test
    @DisplayName("LookupItem: title, barcode as CopyNumber, Available On Shelf, locations; on loan shows On Loan with "
            + "DateDue; unknown is Unknown Item (issue 7)")
    void lookupItemStates() throws Exception {
        NcipXml shelf = ncip.send(NcipTestAgencies.KEY, lookupItem("T-ILL", "TEST", "41000001"));
        assertThat(shelf.service()).isEqualTo("LookupItemResponse");
        assertThat(shelf.first("Title")).isEqualTo("Test Title 1");
        assertThat(shelf.first("CopyNumber")).isEqualTo("41000001");
        assertThat(shelf.first("CirculationStatus")).isEqualTo("Available On Shelf");
        assertThat(shelf.all("LocationNameValue")).contains("TEST", "NORTH");
        NcipXml loaned = demo(lookupItem("DEMO-ILL", "DEMO", "31000003", "Circulation Status"));
        assertThat(loaned.first("CirculationStatus")).isEqualTo("On Loan");
        assertThat(loaned.first("DateDue")).startsWith("2030-12-01");
        assertThat(loaned.all("Title")).isEmpty();
        assertThat(ncip.send(NcipTestAgencies.KEY, lookupItem("T-ILL", "TEST", "99999999")).problemType())
                .isEqualTo("Unknown Item");
    }

    @Test
    @DisplayName("LookupItem by the RequestId of a hold on a copy (ReShare/VuFind)")
    void lookupItemByRequest() throws Exception {
        NcipXml byRequest = demo(message("DEMO-ILL", "DEMO", "LookupItem", NcipMessages.requestId("H0001")));
        assertThat(byRequest.first("ItemIdentifierValue")).isEqualTo("31000004");
        assertThat(byRequest.first("CirculationStatus")).isEqualTo("Available For Pickup");
        assertThat(demo(message("DEMO-ILL", "DEMO", "LookupItem", NcipMessages.requestId("NOPE"))).problemType())
                .isEqualTo("Unknown Request");
    }

    @Test
    @DisplayName("LookupAgency describes our institution; another agency is Unknown Agency")
    void lookupAgencyOurs() throws Exception {
        NcipXml ours = ncip.send(NcipTestAgencies.KEY, lookupAgency("T-ILL", "TEST", "TEST"));
        assertThat(ours.service()).isEqualTo("LookupAgencyResponse");
        assertThat(ours.first("OrganizationName")).isEqualTo("Test Library");
        assertThat(ours.all("AgencyUserPrivilegeType")).containsExactly("LIBRARY", "PROFILE", "STATUS");
        assertThat(ncip.send(NcipTestAgencies.KEY, lookupAgency("T-ILL", "TEST", "ELSEWHERE")).problemType())
                .isEqualTo("Unknown Agency");
    }

    @Test
    @DisplayName("A service the agency may not use is Unauthorized Service For Agency (issue 7 agency options)")
    void serviceNotAllowed() throws Exception {
        assertThat(ncip.send(NcipTestAgencies.KEY_LOOKUP_ONLY, lookupUser("T-LOOK", "TEST", userId("T1")))
                .isProblem()).isFalse();
        NcipXml refused = ncip.send(NcipTestAgencies.KEY_LOOKUP_ONLY, lookupItem("T-LOOK", "TEST", "41000001"));
        assertThat(refused.service()).isEqualTo("LookupItemResponse");
        assertThat(refused.problemType()).isEqualTo("Unauthorized Service For Agency");
    }

    private static int pinFailures(String barcode) throws Exception {
        try (Connection c = server.jdbc(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT pin_failures FROM patron WHERE barcode = '" + barcode + "'")) {
            row.next();
            return row.getInt(1);
        }
    }
}
