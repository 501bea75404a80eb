package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5 (resend records kept for a configurable window; a kiosk never left hanging): the purge of expired records
 * runs on a thread of its own. It used to run on one of the workers, and every connection pinned to that worker
 * waited for it; under load one checkout waited 7 s and kiosks timed out. Here the purge is held up in the database
 * on purpose while new kiosks, one on every worker, log in.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class Sip2PurgeOffTheWorkersIT {
    private static final int POOL_SIZE = 4;
    /** CircgateServer runs twice as many workers as database connections. */
    private static final int WORKERS = 2 * POOL_SIZE;
    private static final long KEY = -8_000_000_000_000_000_001L;
    private static ServerFixture server;

    @BeforeAll
    static void start(TestDatabase database) {
        server = ServerFixture.start(database, Map.of("CIRCGATE_DB_POOL_SIZE", String.valueOf(POOL_SIZE),
                "CIRCGATE_SIP2_RESEND_PURGE_INTERVAL_SECONDS", "1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("kiosks on every worker are answered while a purge waits on a lock")
    void aStuckPurgeHoldsUpNoKiosk() throws Exception {
        try (Connection setup = server.jdbc(); Statement s = setup.createStatement()) {
            s.executeUpdate("INSERT INTO sip_resend (account_id, resend_key, command, response, created_at) "
                    + "SELECT MIN(id), " + KEY + ", '11', 'x', UTC_TIMESTAMP(3) - INTERVAL 2 HOUR FROM sip_account");
        }
        try (Connection holder = server.jdbc()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.executeQuery("SELECT * FROM sip_resend WHERE resend_key = " + KEY + " FOR UPDATE").close();
            }
            awaitPurgeWaitingOnTheLock(holder);

            // Channels take the workers in turn, so WORKERS + 1 new connections include one on every worker.
            List<Long> millis = server.demoLoginMillisOnNewConnections(WORKERS + 1);
            assertThat(purgeStatementsRunning(holder)).as("the purge still waits on the lock").isPositive();
            assertThat(millis).as("login answer times (ms) while the purge waits").allMatch(ms -> ms < 5_000);
            holder.rollback();
        }
        long until = System.nanoTime() + 20_000_000_000L;
        while (stillThere() && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(stillThere()).as("expired record purged once the lock is gone").isFalse();
    }

    /** The pool's connections and the test's share one database user, so the test sees the purge's statement. */
    private static void awaitPurgeWaitingOnTheLock(Connection connection) throws Exception {
        long until = System.nanoTime() + 20_000_000_000L;
        while (purgeStatementsRunning(connection) == 0) {
            assertThat(System.nanoTime()).as("a purge reached the locked record").isLessThan(until);
            Thread.sleep(50);
        }
    }

    private static int purgeStatementsRunning(Connection connection) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'DELETE FROM sip_resend%'");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static boolean stillThere() throws Exception {
        try (Connection c = server.jdbc(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT COUNT(*) FROM sip_resend WHERE resend_key = " + KEY)) {
            row.next();
            return row.getLong(1) > 0;
        }
    }
}
