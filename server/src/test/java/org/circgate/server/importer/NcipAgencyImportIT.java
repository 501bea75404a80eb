package org.circgate.server.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.circgate.server.db.Database;
import org.circgate.server.db.Transactions;
import org.circgate.server.ncip.agency.ApiKeys;
import org.circgate.server.security.SecretHasher;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 7: NCIP agencies in the import file (docs/import-format.md, ncipAgencies). */
@ExtendWith(EmbeddedDatabaseExtension.class)
class NcipAgencyImportIT {
    private static final String KEY = "import-test-key-0000000000001";

    private Database database;
    private DataImporter importer;

    @BeforeEach
    void setUp(TestDatabase test) {
        database = test.database();
        importer = new DataImporter(new Transactions(database.dataSource()), SecretHasher.DEFAULT);
    }

    private DataImporter.Summary load(String code, String agencies) {
        String json = """
                {"institutions": [{"code": "%s", "name": "Library",
                  "locations": [{"code": "MAIN", "name": "Main"}, {"code": "ILL", "name": "ILL desk"}],
                  "ncipAgencies": %s}]}""".formatted(code, agencies);
        return importer.importFrom(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "agencies.json");
    }

    @Test
    @DisplayName("An agency is stored with its key as a SHA-256 digest (never in clear), its location, networks and "
            + "options; importing it again changes nothing; a digest may be given instead of the key")
    void storedHashedAndIdempotent() throws Exception {
        String agencies = """
                [{"agencyId": "ReShare", "apiKey": "%s", "location": "ILL", "allowedNetworks": ["10.1.0.0/16"],
                  "options": {"lookupUserReveals": ["name", "email"], "acceptItem": {"location": "MAIN"}}},
                 {"agencyId": "Dummy NCIP Responder", "apiKeyHash": "%s", "location": "MAIN", "enabled": false}]"""
                .formatted(KEY, ApiKeys.hash("another-key-0000000000000001"));
        assertThat(load("LIB", agencies).ncipAgencies()).isEqualTo(2);
        List<String> first = rows();
        assertThat(first).containsExactly(
                "Dummy NCIP Responder|" + ApiKeys.hash("another-key-0000000000000001") + "|MAIN|Dummy NCIP Responder|[]|false",
                "ReShare|" + ApiKeys.hash(KEY) + "|ILL|ReShare|[\"10.1.0.0/16\"]|true");
        assertThat(String.join("\n", first)).doesNotContain(KEY);
        load("LIB", agencies);
        assertThat(rows()).isEqualTo(first);
    }

    @Test
    @DisplayName("Every problem is reported with its record and field, and nothing is imported (import format: all "
            + "or nothing)")
    void problemsReported() throws Exception {
        String bad = """
                [{"agencyId": "A", "apiKey": "short", "location": "MAIN"},
                 {"agencyId": "B", "apiKeyHash": "md5:abc", "location": "NOWHERE"},
                 {"agencyId": "b", "apiKey": "%1$s", "location": "MAIN", "allowedNetworks": ["10.0.0.1"]},
                 {"agencyId": "C", "apiKey": "%1$s", "location": "MAIN", "options": {"reveal": ["name"],
                  "acceptItem": {"location": "MOON"}}},
                 {"agencyId": " D", "apiKey": "%2$s", "apiKeyHash": "%3$s", "location": "MAIN"}]"""
                .formatted(KEY, "import-test-key-0000000000002", ApiKeys.hash("x".repeat(30)));
        assertThatThrownBy(() -> load("BAD", bad))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("ncipAgencies[0] (agencyId A): field apiKey: must be 24-128 characters")
                .hasMessageContaining("ncipAgencies[1] (agencyId B): field apiKeyHash: must be sha256:")
                .hasMessageContaining("ncipAgencies[1] (agencyId B): field location: unknown NOWHERE")
                .hasMessageContaining("ncipAgencies[2] (agencyId b): agencyId b appears twice")
                .hasMessageContaining("ncipAgencies[2] (agencyId b): field allowedNetworks: '10.0.0.1' is not a CIDR")
                .hasMessageContaining("ncipAgencies[3] (agencyId C): field apiKey: the same key is given to another")
                .hasMessageContaining("ncipAgencies[3] (agencyId C): field options.reveal: unknown option")
                .hasMessageContaining("ncipAgencies[3] (agencyId C): field options.acceptItem.location: unknown MOON")
                .hasMessageContaining("ncipAgencies[4] (agencyId  D): field agencyId: must not be blank or start")
                .hasMessageContaining("ncipAgencies[4] (agencyId  D): field apiKey: give either apiKey or apiKeyHash");
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT COUNT(*) FROM institution WHERE code = 'BAD'")) {
            row.next();
            assertThat(row.getInt(1)).isZero();
        }
    }

    private List<String> rows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("""
                        SELECT a.agency_id, a.api_key_hash, l.code, a.audit_name, a.allowed_networks, a.enabled
                          FROM ncip_agency a JOIN location l ON l.id = a.location_id ORDER BY a.agency_id""")) {
            while (row.next()) {
                rows.add(row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3) + "|" + row.getString(4)
                        + "|" + row.getString(5) + "|" + row.getBoolean(6));
            }
        }
        return rows;
    }
}
