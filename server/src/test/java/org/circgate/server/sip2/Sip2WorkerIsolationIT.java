package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.Sip2Lines;
import org.circgate.server.testing.Sip2TestClient;
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5 (kiosks are never left hanging; two kiosks and one item give one loan and a clean answer to the other):
 * a checkout waiting on a row lock holds up that kiosk only. With each connection pinned to one worker, every kiosk
 * sharing the waiting kiosk's worker waited as long.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class Sip2WorkerIsolationIT {
    private static final int POOL_SIZE = 4;
    /** CircgateServer runs twice as many workers as database connections. */
    private static final int WORKERS = 2 * POOL_SIZE;
    private static ServerFixture server;

    @BeforeAll
    static void start(TestDatabase database) {
        server = ServerFixture.start(database, Map.of("CIRCGATE_DB_POOL_SIZE", String.valueOf(POOL_SIZE)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("while one kiosk's checkout waits on a locked item, kiosks opened after it are answered at once")
    void aWaitingCheckoutHoldsUpOnlyItsKiosk() throws Exception {
        try (Connection holder = server.jdbc(); Sip2TestClient waiting = server.sip2Client()) {
            assertThat(waiting.exchange(Sip2Lines.login("kiosk", "kiosk", "MAIN"))).isEqualTo("941");
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.executeQuery("SELECT * FROM item WHERE barcode = '31000001' FOR UPDATE").close();
            }
            CompletableFuture<String> checkout = CompletableFuture.supplyAsync(() -> exchange(waiting,
                    Sip2Lines.checkout("DEMO", "21000001", "31000001", "1234", false, false, "")));
            awaitCheckoutWaitingOnTheLock(holder);

            // Connections took the workers in turn, so WORKERS + 1 new ones include one on the waiting kiosk's.
            List<Long> millis = server.demoLoginMillisOnNewConnections(WORKERS + 1);
            assertThat(millis).as("login answer times (ms) while a checkout waits").allMatch(ms -> ms < 5_000);
            assertThat(checkout).as("the checkout still waits on the lock").isNotDone();

            holder.rollback();
            assertThat(checkout.get(20, TimeUnit.SECONDS)).as("the waiting checkout is answered once the lock goes")
                    .startsWith("121");
        }
    }

    private static String exchange(Sip2TestClient kiosk, String message) {
        try {
            return kiosk.exchange(message);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The pool's connections and the test's share one database user, so the test sees the checkout's statement. */
    private static void awaitCheckoutWaitingOnTheLock(Connection connection) throws Exception {
        long until = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try (Statement query = connection.createStatement(); ResultSet row = query.executeQuery(
                    "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE '%FROM item i%FOR UPDATE%'"
                            + " AND INFO NOT LIKE '%PROCESSLIST%'")) {
                row.next();
                if (row.getInt(1) > 0) {
                    return;
                }
            }
            assertThat(System.nanoTime()).as("the checkout reached the locked item").isLessThan(until);
            Thread.sleep(50);
        }
    }
}
