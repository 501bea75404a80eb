package org.circgate.server.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.circgate.policy.DefaultPolicy;
import org.circgate.server.CircgateServer;
import org.circgate.server.importer.DataImporter;

/**
 * A second institution, TEST, for integration tests that need their own rows: the default policy plus a LIMIT2
 * profile (charge limit 2), a kiosk account that accepts offline checkouts and answers ok=0 for a checkin of an item
 * that was not out, a restricted account, patrons T1..T9 (PIN 1111) and items 41000001..41000030.
 */
public final class TestLibrary {
    public static final String INSTITUTION = "TEST";
    public static final String PIN = "1111";

    private TestLibrary() {
    }

    public static void load(CircgateServer server) throws IOException {
        new DataImporter(server.database().transactions(), server.database().hasher())
                .importFrom(new ByteArrayInputStream(json().getBytes(StandardCharsets.UTF_8)), "test library");
    }

    static String json() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode policy;
        try (InputStream in = DefaultPolicy.class.getClassLoader().getResourceAsStream(DefaultPolicy.RESOURCE)) {
            policy = (ObjectNode) mapper.readTree(in);
        }
        ArrayNode profiles = (ArrayNode) policy.get("profiles");
        ObjectNode limited = ((ObjectNode) profiles.get(0)).deepCopy();
        limited.put("name", "LIMIT2").put("description", "Two items at most").put("chargeLimit", 2);
        profiles.add(limited);

        ObjectNode root = mapper.createObjectNode();
        ObjectNode institution = root.putArray("institutions").addObject();
        institution.put("code", INSTITUTION).put("name", "Test Library").put("timeZone", "UTC");
        ArrayNode locations = institution.putArray("locations");
        locations.addObject().put("code", "NORTH").put("name", "North");
        locations.addObject().put("code", "SOUTH").put("name", "South");
        institution.set("policy", policy);
        ArrayNode accounts = institution.putArray("sipAccounts");
        ObjectNode kiosk = accounts.addObject().put("login", "tkiosk").put("password", "tkiosk");
        kiosk.putArray("locations").add("NORTH").add("SOUTH");
        kiosk.putObject("options").put("acceptOffline", true).put("checkinNotChargedOk", false)
                .putObject("sortBins").put("BOOK", "B1").put("*", "X9");
        ObjectNode second = accounts.addObject().put("login", "tkiosk2").put("password", "tkiosk2");
        second.putArray("locations").add("NORTH");
        ObjectNode restricted = accounts.addObject().put("login", "tstatus").put("password", "tstatus");
        restricted.putArray("locations").add("NORTH");
        restricted.putObject("options").putArray("allowedMessages").add("23").add("63").add("35");
        ArrayNode patrons = institution.putArray("patrons");
        for (int i = 1; i <= 9; i++) {
            patrons.addObject().put("barcode", "T" + i).put("pin", PIN).put("name", "Test Patron " + i)
                    .put("profile", i == 9 ? "LIMIT2" : "PUBLIC").put("privilegeExpires", "2030-12-31");
        }
        ArrayNode titles = institution.putArray("titles");
        ArrayNode items = institution.putArray("items");
        for (int i = 1; i <= 30; i++) {
            String barcode = String.valueOf(41000000 + i);
            titles.addObject().put("key", "TT" + i).put("title", "Test Title " + i);
            items.addObject().put("barcode", barcode).put("title", "TT" + i).put("itemType", "BOOK")
                    .put("location", "NORTH");
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** Imports one more document into a running server (JSON text). */
    public static void importJson(CircgateServer server, String json) {
        new DataImporter(server.database().transactions(), server.database().hasher())
                .importFrom(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test data");
    }
}
