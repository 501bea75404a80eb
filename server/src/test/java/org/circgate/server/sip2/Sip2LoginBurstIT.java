package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.KioskLines;
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
 * Issue 5 (PIN and password hashing off the event loop, kiosks never left hanging): a burst of logins, as when every
 * kiosk reconnects after a restart, queues for the Argon2 checks on threads of its own. A kiosk that is already
 * logged in is served meanwhile; before, its request waited behind every login queued for the workers.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class Sip2LoginBurstIT {
    private static final int BURST = 40;
    private static ServerFixture server;

    @BeforeAll
    static void start(TestDatabase database) {
        // Four workers and one hash at a time: the burst is far larger than both.
        server = ServerFixture.start(database, Map.of("CIRCGATE_DB_POOL_SIZE", "2",
                "CIRCGATE_SECURITY_MAX_CONCURRENT_HASHES", "1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("a logged-in kiosk is answered while a burst of logins waits for the password checks")
    void loggedInKioskIsServedDuringALoginBurst() throws Exception {
        try (Sip2TestClient working = server.sip2Client()) {
            assertThat(working.exchange(Sip2Lines.login("kiosk", "kiosk", "MAIN"))).isEqualTo("941");
            List<Sip2TestClient> burst = new ArrayList<>();
            // A reader per connection, so each answer is timed when it arrives.
            ExecutorService readers = Executors.newFixedThreadPool(BURST);
            try {
                for (int i = 0; i < BURST; i++) {
                    burst.add(server.sip2Client());
                }
                List<CompletableFuture<Long>> loginsAnswered = new ArrayList<>();
                for (Sip2TestClient kiosk : burst) {
                    kiosk.send(Sip2Lines.login("kiosk", "kiosk", "MAIN") + "\r");
                    loginsAnswered.add(CompletableFuture.supplyAsync(() -> answeredAt(kiosk), readers));
                }
                String item = working.exchange(KioskLines.itemInformation("DEMO", "31000001"));
                long itemAnswered = System.nanoTime();

                assertThat(item).startsWith("18");
                assertThat(queuedLogins()).as("operators see the logins waiting (executor_queued_tasks)").isPositive();
                List<Long> logins = new ArrayList<>();
                for (CompletableFuture<Long> answered : loginsAnswered) {
                    logins.add(answered.get(120, TimeUnit.SECONDS));
                }
                long loginsBefore = logins.stream().filter(at -> at < itemAnswered).count();
                assertThat(loginsBefore).as("logins of the burst answered before the logged-in kiosk's 17")
                        .isLessThan(BURST / 4);
            } finally {
                for (Sip2TestClient kiosk : burst) {
                    kiosk.close();
                }
                readers.shutdownNow();
            }
        }
    }

    private static double queuedLogins() throws Exception {
        return server.admin("/metrics").body().lines()
                .filter(line -> line.startsWith("executor_queued_tasks{") && line.contains("name=\"sip2-logins\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }

    private static long answeredAt(Sip2TestClient kiosk) {
        try {
            assertThat(kiosk.readResponse()).isEqualTo("941");
            return System.nanoTime();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
