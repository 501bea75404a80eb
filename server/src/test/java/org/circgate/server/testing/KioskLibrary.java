package org.circgate.server.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.circgate.policy.DefaultPolicy;
import org.circgate.server.CircgateServer;

/**
 * The institutions of the issue-6 integration tests (holds, renewals, payments, block/enable, item information):
 * <ul>
 * <li>KIOSK: the default policy (no map lines: a BLOCKED patron's Pay Bills is Allow Override = Deny on SIP2), plus
 * profile HOLD1 (hold limit 1), FACULTY (hold rank 120, ahead of PUBLIC's 150) and the custom BARRED-type standing
 * STAFFBAR; locations MAIN and EAST; accounts {@code k6} (defaults), {@code k6staff} (status updates, third-party
 * renewals, overpayments, payment type 05, blocks store STAFFBAR) and {@code k6status} (23 and 17 only); patrons
 * P1..P20 (PIN 1111; P9 HOLD1, P10 FACULTY); items 51000001..51000060, one title each (Kiosk Title N), plus two
 * copies of one title "Shared Title" (51000101, 51000102).</li>
 * <li>PAYALL: the same, with one map line allowing PAY_BILLS on every interface (policy/README.md), account
 * {@code k6pay} and patron Q1.</li>
 * </ul>
 * Tests add their own loans, holds and bills with {@link #importJson}.
 */
public final class KioskLibrary {
    public static final String INSTITUTION = "KIOSK";
    public static final String PAYALL = "PAYALL";
    public static final String PIN = "1111";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KioskLibrary() {
    }

    public static void load(CircgateServer server) throws IOException {
        TestLibrary.importJson(server, json());
    }

    static String json() throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode institutions = root.putArray("institutions");
        institutions.add(institution(INSTITUTION, "Kiosk Test Library", false));
        institutions.add(institution(PAYALL, "Pay Anywhere Library", true));
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static ObjectNode institution(String code, String name, boolean payAnywhere) throws IOException {
        ObjectNode policy;
        try (InputStream in = DefaultPolicy.class.getClassLoader().getResourceAsStream(DefaultPolicy.RESOURCE)) {
            policy = (ObjectNode) MAPPER.readTree(in);
        }
        ArrayNode profiles = (ArrayNode) policy.get("profiles");
        ObjectNode publicProfile = (ObjectNode) profiles.get(0);
        profiles.add(publicProfile.deepCopy().put("name", "HOLD1").put("description", "One hold at most")
                .put("holdLimit", 1));
        profiles.add(publicProfile.deepCopy().put("name", "FACULTY").put("description", "Ahead in hold queues")
                .put("holdRank", 120));
        ObjectNode staffBar = MAPPER.createObjectNode().put("name", "STAFFBAR")
                .put("description", "Barred by staff at a kiosk").put("delinquencyType", "BARRED")
                .put("autoReplace", "NEVER");
        ((ArrayNode) policy.get("standings")).add(staffBar);
        if (payAnywhere) {
            ObjectNode line = ((ArrayNode) ((ObjectNode) policy.get("standingMap")).get("lines")).addObject();
            line.put("command", "PAY_BILLS").putArray("interfaces").add("ALL");
        }

        ObjectNode institution = MAPPER.createObjectNode();
        institution.put("code", code).put("name", name).put("timeZone", "UTC");
        ArrayNode locations = institution.putArray("locations");
        locations.addObject().put("code", "MAIN").put("name", "Main");
        locations.addObject().put("code", "EAST").put("name", "East Branch");
        institution.set("policy", policy);

        ArrayNode accounts = institution.putArray("sipAccounts");
        if (payAnywhere) {
            accounts.addObject().put("login", "k6pay").put("password", "k6pay").putArray("locations").add("MAIN");
        } else {
            ObjectNode kiosk = accounts.addObject().put("login", "k6").put("password", "k6");
            kiosk.putArray("locations").add("MAIN").add("EAST");
            ObjectNode staff = accounts.addObject().put("login", "k6staff").put("password", "k6staff");
            staff.putArray("locations").add("MAIN").add("EAST");
            ObjectNode options = staff.putObject("options").put("statusUpdateAllowed", true)
                    .put("thirdPartyRenewAllowed", true).put("overpaymentAllowed", true)
                    .put("blockStanding", "STAFFBAR");
            options.putArray("paymentTypes").add("00").add("01").add("02").add("05");
            ObjectNode status = accounts.addObject().put("login", "k6status").put("password", "k6status");
            status.putArray("locations").add("MAIN");
            status.putObject("options").putArray("allowedMessages").add("23").add("17");
        }

        ArrayNode patrons = institution.putArray("patrons");
        int count = payAnywhere ? 1 : 20;
        for (int i = 1; i <= count; i++) {
            String profile = i == 9 ? "HOLD1" : i == 10 ? "FACULTY" : "PUBLIC";
            patrons.addObject().put("barcode", (payAnywhere ? "Q" : "P") + i).put("pin", PIN)
                    .put("name", "Kiosk Patron " + i).put("profile", profile).put("privilegeExpires", "2030-12-31");
        }
        ArrayNode titles = institution.putArray("titles");
        ArrayNode items = institution.putArray("items");
        for (int i = 1; i <= 60; i++) {
            titles.addObject().put("key", "K" + i).put("title", "Kiosk Title " + i);
            items.addObject().put("barcode", String.valueOf(51000000 + i)).put("title", "K" + i)
                    .put("itemType", "BOOK").put("location", "MAIN");
        }
        titles.addObject().put("key", "SHARED").put("title", "Shared Title");
        items.addObject().put("barcode", "51000101").put("title", "SHARED").put("itemType", "BOOK")
                .put("location", "MAIN");
        items.addObject().put("barcode", "51000102").put("title", "SHARED").put("itemType", "BOOK")
                .put("location", "EAST");
        return institution;
    }

    /** Imports a document for one institution of this library: {@code records} is the JSON inside it. */
    public static void importJson(CircgateServer server, String institution, String records) {
        TestLibrary.importJson(server, "{\"institutions\": [{\"code\": \"" + institution + "\", \"name\": \""
                + (INSTITUTION.equals(institution) ? "Kiosk Test Library" : "Pay Anywhere Library") + "\", "
                + records + "}]}");
    }

    /** An ISO instant {@code days} from now (negative: in the past), for loans and holds in imports. */
    public static String days(long days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The audit events for a command, as {@code outcome} or {@code outcome:reasons}, oldest first. */
    public static List<String> audit(ServerFixture server, String command, String itemBarcode) throws Exception {
        String sql = "SELECT outcome, reasons FROM audit_event WHERE command = ?"
                + (itemBarcode == null ? "" : " AND item_barcode = ?") + " ORDER BY id";
        List<String> events = new ArrayList<>();
        try (Connection c = server.jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, command);
            if (itemBarcode != null) {
                s.setString(2, itemBarcode);
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(2) == null ? rows.getString(1)
                            : rows.getString(1) + ":" + rows.getString(2));
                }
            }
        }
        return events;
    }

    /** One value from the database: the first column of the first row, or null. */
    public static String query(ServerFixture server, String sql, Object... params) throws Exception {
        try (Connection c = server.jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
