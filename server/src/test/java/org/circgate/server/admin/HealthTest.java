package org.circgate.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 8: live needs no database; ready = database within the deadline, listeners bound, not draining. */
class HealthTest {
    private static final Duration DEADLINE = Duration.ofMillis(200);

    @Test
    @DisplayName("ready needs the database, bound listeners and no drain; each missing part is named")
    void readyNamesWhatIsMissing() {
        AtomicBoolean database = new AtomicBoolean(true);
        try (Health health = new Health(database::get, () -> true, DEADLINE)) {
            assertThat(health.ready().problems()).containsExactly("listeners not bound");
            health.listenersBound(true);
            assertThat(health.ready().ok()).isTrue();
            database.set(false);
            assertThat(health.ready().problems()).containsExactly("database does not answer within 200 ms");
            database.set(true);
            health.draining(true);
            assertThat(health.ready().problems()).containsExactly("draining");
            assertThat(health.live().ok()).as("live never asks the database").isTrue();
        }
    }

    @Test
    @DisplayName("a hanging database makes ready answer 'not ready' within the deadline instead of hanging too")
    void hangingDatabaseIsNotReadyInTime() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hang = new AtomicBoolean();
        try (Health health = new Health(() -> {
            if (hang.get()) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return true;
        }, () -> true, DEADLINE)) {
            health.listenersBound(true);
            assertThat(eventually(health, true)).isTrue();
            hang.set(true);
            Thread.sleep(50);
            health.lastKnownReady();   // a scrape starts the probe that will hang
            long started = System.nanoTime();
            assertThat(health.ready().ok()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            Thread.sleep(DEADLINE.toMillis());
            assertThat(health.lastKnownReady()).as("the gauge sees the probe hanging past the deadline").isFalse();
            release.countDown();
        }
    }

    @Test
    @DisplayName("the circgate_ready gauge follows the database without anyone polling /health/ready")
    void gaugeRefreshesItself() throws Exception {
        AtomicBoolean database = new AtomicBoolean(true);
        try (Health health = new Health(database::get, () -> true, DEADLINE)) {
            health.listenersBound(true);
            assertThat(eventually(health, true)).isTrue();
            database.set(false);
            assertThat(eventually(health, false)).isTrue();
            database.set(true);
            assertThat(eventually(health, true)).isTrue();
            health.draining(true);
            assertThat(health.lastKnownReady()).isFalse();
        }
    }

    /** Reads the gauge like successive scrapes until it shows {@code expected} (each read starts the next probe). */
    private static boolean eventually(Health health, boolean expected) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (health.lastKnownReady() == expected) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
