package org.circgate.server.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.circgate.server.CircgateServer;
import org.circgate.server.db.Database;
import org.circgate.server.db.PersistenceException;
import org.circgate.server.db.Transactions;
import org.circgate.server.security.SecretHasher;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.FaultInjectingDataSource;
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 2: the import is idempotent, names the bad record and field, and never applies half a file. */
@ExtendWith(EmbeddedDatabaseExtension.class)
class DataImporterIT {
    private static final List<String> TABLES = List.of("institution", "location", "sip_account",
            "sip_account_location", "patron", "title", "item", "loan", "hold", "bill", "policy_document");

    private Database database;
    private DataImporter importer;

    @BeforeEach
    void setUp(TestDatabase test) {
        database = test.database();
        importer = new DataImporter(new Transactions(database.dataSource()), SecretHasher.DEFAULT);
    }

    @Test
    @DisplayName("importing the demo library twice changes nothing (every row, every column, identical)")
    void importTwiceChangesNothing() throws Exception {
        importer.importFrom(demo(), "demo");
        List<String> first = snapshot();
        importer.importFrom(demo(), "demo");
        assertThat(snapshot()).isEqualTo(first);
        assertThat(first).anySatisfy(row -> assertThat(row).startsWith("patron:")).hasSizeGreaterThan(20);
    }

    @Test
    @DisplayName("PINs and passwords are stored as Argon2id hashes, never in clear")
    void secretsAreHashed() throws Exception {
        importer.importFrom(demo(), "demo");
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT pin_hash FROM patron UNION ALL SELECT password_hash FROM sip_account")) {
            int count = 0;
            while (rows.next()) {
                assertThat(rows.getString(1)).startsWith("$argon2id$").doesNotContain("1234");
                count++;
            }
            assertThat(count).isGreaterThan(5);
        }
    }

    @Test
    @DisplayName("a bad record is rejected with its path and field, and nothing of the file is applied")
    void badRecordNamesRecordAndFieldAndAppliesNothing() throws Exception {
        List<String> before = snapshot();
        String file = """
                {"institutions": [{"code": "X1", "name": "X", "locations": [{"code": "L1", "name": "L"}],
                  "patrons": [
                    {"barcode": "p1", "name": "Good", "profile": "ADULT", "pin": "12"},
                    {"barcode": "p2", "name": "Bad", "profile": "ADULT", "pin": "****"}],
                  "titles": [{"key": "t1", "title": "T"}],
                  "items": [{"barcode": "i1", "title": "t9", "itemType": "BOOK", "location": "L1"}]}]}""";
        assertThatThrownBy(() -> importer.importFrom(stream(file), "bad.json"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("institutions[0].patrons[1] (barcode p2): field pin: must not be empty or only asterisks")
                .hasMessageContaining("institutions[0].items[0] (barcode i1): field title: unknown t9")
                .hasMessageContaining("nothing imported");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("a database failure in the middle of an import rolls the whole file back")
    void databaseFailureRollsBackEverything() throws Exception {
        List<String> before = snapshot();
        // The real database, but the connection drops at the 30th statement: well into the patrons.
        DataImporter failing = new DataImporter(
                new Transactions(new FaultInjectingDataSource(database.dataSource(), 30)), SecretHasher.DEFAULT);
        assertThatThrownBy(() -> failing.importFrom(demo(), "demo"))
                .isInstanceOf(PersistenceException.class).hasMessageContaining("injected: connection lost");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @DisplayName("a SIP login used by two institutions of one file is rejected (logins are global)")
    void loginsAreUniqueAcrossInstitutions() {
        String file = """
                {"institutions": [
                  {"code": "A1", "name": "A", "locations": [{"code": "L", "name": "L"}],
                   "sipAccounts": [{"login": "same", "password": "x", "locations": ["L"]}]},
                  {"code": "A2", "name": "B", "locations": [{"code": "L", "name": "L"}],
                   "sipAccounts": [{"login": "same", "password": "y", "locations": ["L"]}]}]}""";
        assertThatThrownBy(() -> importer.importFrom(stream(file), "two.json"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("institutions[1].sipAccounts: login same is used by another institution");
    }

    @Test
    @DisplayName("unknown fields and malformed JSON are reported with their place in the file")
    void unknownFieldAndBadJson() {
        assertThatThrownBy(() -> importer.importFrom(stream("{\"institutions\": [{\"code\": \"A\", \"nme\": \"x\"}]}"),
                "typo.json"))
                .isInstanceOf(ImportException.class).hasMessageContaining("institutions[0].nme");
        assertThatThrownBy(() -> importer.importFrom(stream("{\"institutions\": [}"), "broken.json"))
                .isInstanceOf(ImportException.class).hasMessageContaining("not valid JSON at line 1");
    }

    private static InputStream demo() {
        return CircgateServer.class.getResourceAsStream(CircgateServer.DEMO_LIBRARY);
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> snapshot() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet r = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder(table).append(':');
                        for (int i = 1; i <= columns; i++) {
                            row.append(r.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }
}
