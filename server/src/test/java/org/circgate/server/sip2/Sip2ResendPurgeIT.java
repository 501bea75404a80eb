package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.circgate.server.db.Transactions;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5 (resend records kept in the database for a configurable window): every record past the window goes in one
 * run, however many changes a second the kiosks make; records inside the window stay.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class Sip2ResendPurgeIT {
    /** Keys of this test's rows, far from the hashes real requests get. */
    private static final long KEYS = -9_000_000_000_000_000_000L;
    private static ServerFixture server;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("a run deletes every expired record in chunks, not one chunk a minute, and keeps the fresh ones")
    void purgeKeepsUpWithABusySite() throws Exception {
        int expired = 2 * ResendStore.PURGE_CHUNK + 345; // a minute of a site making 200 changes a second
        try (Connection c = server.jdbc(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO sip_resend (account_id, resend_key, command, response, created_at) "
                    + "SELECT (SELECT MIN(id) FROM sip_account), " + KEYS + " + CAST(seq AS SIGNED), '11', 'x', "
                    + "UTC_TIMESTAMP(3) - INTERVAL 2 HOUR FROM seq_1_to_" + expired);
            s.executeUpdate("INSERT INTO sip_resend (account_id, resend_key, command, response, created_at) "
                    + "SELECT (SELECT MIN(id) FROM sip_account), " + KEYS + " - CAST(seq AS SIGNED), '11', 'x', "
                    + "UTC_TIMESTAMP(3) - INTERVAL 1 MINUTE FROM seq_1_to_10");
        }
        Transactions transactions = new Transactions(server.server().database().database().dataSource());

        int deleted = Sip2Resends.purge(transactions, Duration.ofMinutes(15), Instant.now());

        assertThat(deleted).isGreaterThanOrEqualTo(expired);
        assertThat(count("resend_key > " + KEYS)).as("expired records left").isZero();
        assertThat(count("resend_key < " + KEYS)).as("records inside the window").isEqualTo(10);
        assertThat(Sip2Resends.purge(transactions, Duration.ofMinutes(15), Instant.now()))
                .as("nothing left to purge").isZero();
    }

    private static long count(String where) throws Exception {
        try (Connection c = server.jdbc(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT COUNT(*) FROM sip_resend WHERE resend_key BETWEEN "
                        + (KEYS - 100) + " AND " + (KEYS + 100_000) + " AND " + where)) {
            row.next();
            return row.getLong(1);
        }
    }
}
