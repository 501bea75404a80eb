package org.circgate.server.testing;

import org.circgate.server.CircgateServer;

/**
 * NCIP partner agencies for integration tests, on the TEST institution of {@link TestLibrary} (load that first) and
 * on the demo library's DEMO: one per option the tests need, each with its own key.
 */
public final class NcipTestAgencies {
    /** T-ILL on TEST at NORTH: reveals everything, AcceptItem prefix ILL-, pickup defaults to SOUTH. */
    public static final String KEY = "test-ncip-key-0000000000000001";
    /** T-OK on TEST: CheckInItem of an item not on loan answers success. */
    public static final String KEY_NOT_ON_LOAN_OK = "test-ncip-key-0000000000000002";
    /** T-NET on TEST: may call only from 10.99.0.0/16. */
    public static final String KEY_NETWORK = "test-ncip-key-0000000000000003";
    /** T-LOOK on TEST: may use LookupUser only. */
    public static final String KEY_LOOKUP_ONLY = "test-ncip-key-0000000000000004";
    /** T-OFF on TEST: disabled. */
    public static final String KEY_DISABLED = "test-ncip-key-0000000000000005";
    /** D-MIN on DEMO at MAIN: default options (LookupUser reveals the name only). */
    public static final String KEY_DEMO_MINIMAL = "test-ncip-key-0000000000000006";
    /** DEMO-ILL, the demo library's own agency. */
    public static final String DEMO_KEY = "demo-ncip-key-change-me-0001";

    private NcipTestAgencies() {
    }

    public static void load(CircgateServer server) {
        TestLibrary.importJson(server, """
                {"institutions": [
                  {"code": "TEST", "name": "Test Library", "ncipAgencies": [
                    {"agencyId": "T-ILL", "apiKey": "%s", "location": "NORTH", "auditName": "ncip:T-ILL",
                     "options": {"lookupUserReveals": ["name", "email", "phone", "address", "loanedItems",
                                 "requestedItems", "fiscalAccount"],
                                 "acceptItem": {"barcodePrefix": "ILL-", "location": "SOUTH", "holdShelfDays": 5}}},
                    {"agencyId": "T-OK", "apiKey": "%s", "location": "NORTH",
                     "options": {"checkinNotOnLoanOk": true}},
                    {"agencyId": "T-NET", "apiKey": "%s", "location": "NORTH", "allowedNetworks": ["10.99.0.0/16"]},
                    {"agencyId": "T-LOOK", "apiKey": "%s", "location": "NORTH",
                     "options": {"services": ["LookupUser"]}},
                    {"agencyId": "T-OFF", "apiKey": "%s", "location": "NORTH", "enabled": false}]},
                  {"code": "DEMO", "name": "Demo Public Library", "ncipAgencies": [
                    {"agencyId": "D-MIN", "apiKey": "%s", "location": "MAIN"}]}]}
                """.formatted(KEY, KEY_NOT_ON_LOAN_OK, KEY_NETWORK, KEY_LOOKUP_ONLY, KEY_DISABLED, KEY_DEMO_MINIMAL));
    }
}
