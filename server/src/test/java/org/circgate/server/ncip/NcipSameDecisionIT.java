package org.circgate.server.ncip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.server.testing.NcipMessages.checkIn;
import static org.circgate.server.testing.NcipMessages.checkOut;
import static org.circgate.server.testing.NcipMessages.lookupUser;
import static org.circgate.server.testing.NcipMessages.userId;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import org.circgate.policy.DefaultPolicy;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7 / DESIGN 1: a SIP2 checkout and an NCIP CheckOutItem for the same patron get the same decision from the one
 * circulation core, except where the User Standing Map names the interface. Two institutions: SAME with the default
 * policy (no map lines), SPLIT whose map has {@code CHECKOUT_ITEM | BLOCKED | SIP2 | ALLOW} (a line that lets a
 * blocked patron borrow at the kiosk; NCIP falls to the default, Allow Override, which is Deny there) and
 * {@code CHECKOUT_ITEM | DELINQUENT | NCIP | DENY}.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class NcipSameDecisionIT {
    private static final String KEY = "same-decision-key-000000000001";
    private static final String SPLIT_KEY = "same-decision-key-000000000002";

    private static ServerFixture server;
    private static NcipTestClient ncip;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode institutions = root.putArray("institutions");
        institution(mapper, institutions.addObject(), "SAME", "sk", "S-ILL", KEY, false);
        institution(mapper, institutions.addObject(), "SPLIT", "pk", "P-ILL", SPLIT_KEY, true);
        TestLibrary.importJson(server.server(), mapper.writeValueAsString(root));
        ncip = new NcipTestClient(server.ncip());
    }

    private static void institution(ObjectMapper mapper, ObjectNode institution, String code, String login,
            String agency, String key, boolean splitLines) throws Exception {
        ObjectNode policy;
        try (InputStream in = DefaultPolicy.class.getClassLoader().getResourceAsStream(DefaultPolicy.RESOURCE)) {
            policy = (ObjectNode) mapper.readTree(in);
        }
        ArrayNode profiles = (ArrayNode) policy.get("profiles");
        profiles.add(((ObjectNode) profiles.get(0)).deepCopy().put("name", "LIMIT1").put("chargeLimit", 1));
        if (splitLines) {
            ArrayNode lines = ((ObjectNode) policy.get("standingMap")).putArray("lines");
            ObjectNode kiosk = lines.addObject().put("command", "CHECKOUT_ITEM").put("action", "ALLOW");
            kiosk.putArray("standings").add("BLOCKED");
            kiosk.putArray("interfaces").add("SIP2");
            ObjectNode partners = lines.addObject().put("command", "CHECKOUT_ITEM").put("action", "DENY");
            partners.putArray("standings").add("DELINQUENT");
            partners.putArray("interfaces").add("NCIP");
        }
        institution.put("code", code).put("name", code + " Library").put("timeZone", "UTC");
        institution.putArray("locations").addObject().put("code", "MAIN").put("name", "Main");
        institution.set("policy", policy);
        ObjectNode account = institution.putArray("sipAccounts").addObject().put("login", login)
                .put("password", login);
        account.putArray("locations").add("MAIN");
        institution.putArray("ncipAgencies").addObject().put("agencyId", agency).put("apiKey", key)
                .put("location", "MAIN");
        ArrayNode patrons = institution.putArray("patrons");
        patron(patrons, code + "-OK", "PUBLIC", null, "2030-12-31");
        patron(patrons, code + "-DELINQ", "PUBLIC", null, "2030-12-31");
        patron(patrons, code + "-BLOCKED", "PUBLIC", null, "2030-12-31");
        patron(patrons, code + "-BARRED", "PUBLIC", "BARRED", "2030-12-31");
        patron(patrons, code + "-EXPIRED", "PUBLIC", null, "2025-01-31");
        patron(patrons, code + "-LIMIT", "LIMIT1", null, "2030-12-31");
        ArrayNode titles = institution.putArray("titles");
        ArrayNode items = institution.putArray("items");
        for (int i = 1; i <= 20; i++) {
            titles.addObject().put("key", "T" + i).put("title", code + " title " + i);
            items.addObject().put("barcode", code + "-I" + i).put("title", "T" + i).put("itemType", "BOOK")
                    .put("location", "MAIN");
        }
        institution.putArray("loans").addObject().put("item", code + "-I20").put("patron", code + "-LIMIT")
                .put("checkedOut", "2026-11-01T10:00:00Z").put("due", "2030-12-01T23:59:00Z");
        ArrayNode bills = institution.putArray("bills");
        bills.addObject().put("id", "B1").put("patron", code + "-DELINQ").put("reason", "Overdue")
                .put("feeType", "04").put("amount", "1.00").put("billed", "2026-02-01T00:00:00Z");
        bills.addObject().put("id", "B2").put("patron", code + "-BLOCKED").put("reason", "Lost item")
                .put("feeType", "02").put("amount", "20.00").put("billed", "2026-02-01T00:00:00Z");
    }

    private static void patron(ArrayNode patrons, String barcode, String profile, String standing, String expires) {
        ObjectNode patron = patrons.addObject().put("barcode", barcode).put("name", barcode).put("profile", profile)
                .put("pin", TestLibrary.PIN).put("privilegeExpires", expires);
        if (standing != null) {
            patron.put("standing", standing);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The kiosk's ok flag (12 position 3) for checking out {@code item} to {@code patron}. */
    private static boolean sip2Checkout(String institution, String login, String patron, String item)
            throws Exception {
        try (Sip2TestClient kiosk = server.sip2Client()) {
            assertThat(kiosk.exchange(Sip2Lines.login(login, login, "MAIN"))).isEqualTo("941");
            String response = kiosk.exchange(Sip2Lines.checkout(institution, patron, item, TestLibrary.PIN, false,
                    false, ""));
            assertThat(response).startsWith("12");
            boolean ok = response.charAt(2) == '1';
            if (ok) {
                kiosk.exchange(Sip2Lines.checkin(institution, item, "MAIN", Sip2Lines.now()));
            }
            return ok;
        }
    }

    /** The NCIP answer for the same checkout (problem type, or null when lent), returned again afterwards. */
    private static String ncipCheckout(String institution, String key, String agency, String patron, String item)
            throws Exception {
        NcipXml response = ncip.send(key, checkOut(agency, institution, patron, item));
        if (!response.isProblem()) {
            ncip.send(key, checkIn(agency, institution, item));
            return null;
        }
        return response.problemType();
    }

    @ParameterizedTest(name = "{0}: SIP2 and NCIP both {1}")
    @CsvSource({
        "OK, allow, I1, I2",
        "DELINQ, allow, I3, I4",
        "BLOCKED, deny, I5, I6",
        "BARRED, deny, I7, I8",
        "EXPIRED, deny, I9, I10",
        "LIMIT, deny, I11, I12"
    })
    @DisplayName("Default map: the same patron gets the same checkout decision over SIP2 and NCIP (DESIGN 1, seed 004 "
            + "defaults, issue 7)")
    void sameDecision(String standing, String expected, String sipItem, String ncipItem) throws Exception {
        boolean kiosk = sip2Checkout("SAME", "sk", "SAME-" + standing, "SAME-" + sipItem);
        String partner = ncipCheckout("SAME", KEY, "S-ILL", "SAME-" + standing, "SAME-" + ncipItem);
        assertThat(kiosk).isEqualTo(partner == null);
        assertThat(kiosk).isEqualTo(expected.equals("allow"));
        if (partner != null) {
            assertThat(partner).isIn("User Blocked", "Maximum Check Outs Exceeded");
        }
    }

    @ParameterizedTest(name = "{0}: SIP2 {1}, NCIP {2}")
    @CsvSource({
        "OK, allow, allow, I1, I2",
        "BARRED, deny, deny, I3, I4",
        "BLOCKED, allow, deny, I5, I6",
        "DELINQ, allow, deny, I7, I8"
    })
    @DisplayName("Map lines per interface: CHECKOUT_ITEM | BLOCKED | SIP2 | ALLOW lets the kiosk lend while NCIP "
            + "denies; CHECKOUT_ITEM | DELINQUENT | NCIP | DENY denies only partners (seed 004, issue 7)")
    void perInterfaceLines(String standing, String sip2, String ncipExpected, String sipItem, String ncipItem)
            throws Exception {
        boolean kiosk = sip2Checkout("SPLIT", "pk", "SPLIT-" + standing, "SPLIT-" + sipItem);
        String partner = ncipCheckout("SPLIT", SPLIT_KEY, "P-ILL", "SPLIT-" + standing, "SPLIT-" + ncipItem);
        assertThat(kiosk).isEqualTo(sip2.equals("allow"));
        assertThat(partner == null).isEqualTo(ncipExpected.equals("allow"));
        if (standing.equals("DELINQ")) {
            NcipXml refused = ncip.send(SPLIT_KEY, checkOut("P-ILL", "SPLIT", "SPLIT-DELINQ", "SPLIT-I9"));
            assertThat(refused.problemType()).isEqualTo("User Blocked");
            assertThat(refused.problemDetail()).contains("line 2: CHECKOUT_ITEM | DELINQUENT | NCIP | DENY");
            NcipXml lookup = ncip.send(SPLIT_KEY, lookupUser("P-ILL", "SPLIT", userId("SPLIT-DELINQ")));
            assertThat(lookup.privilege("STATUS")).isEqualTo("DELINQUENT");
            assertThat(lookup.all("BlockOrTrapType")).containsExactly("Block Check Out");
        }
    }
}
