package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Issue 6 connection hygiene (operations reference 3.9), with the deadlines scaled down so the test runs in seconds:
 * login within 2 s, a message complete within 2 s of its first byte (a slow-drip client is closed), idle timeout
 * 10 s, longer than the kiosks' heartbeat (here a 99 every 3 s, standing in for every 5-7 minutes). Every close is
 * counted by reason.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class Sip2DeadlinesIT {
    private static ServerFixture server;

    @BeforeAll
    static void start(TestDatabase database) {
        server = ServerFixture.start(database, Map.of(
                "CIRCGATE_SIP2_LOGIN_TIMEOUT_SECONDS", "2",
                "CIRCGATE_SIP2_MESSAGE_TIMEOUT_SECONDS", "2",
                "CIRCGATE_SIP2_IDLE_TIMEOUT_SECONDS", "10"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Sip2TestClient login() throws Exception {
        Sip2TestClient kiosk = server.sip2Client();
        assertThat(kiosk.exchange(Sip2Lines.login("kiosk", "kiosk", "MAIN"))).isEqualTo("941");
        return kiosk;
    }

    @Test
    @DisplayName("a slow-drip client (one byte every 400 ms, never a CR) is closed 2 s after its message began")
    void slowDripIsClosed() throws Exception {
        double before = closed("message_deadline");
        try (Sip2TestClient kiosk = login()) {
            byte[] drip = "9900302.00".getBytes(StandardCharsets.US_ASCII);
            long started = System.nanoTime();
            boolean closed = false;
            for (byte b : drip) {
                try {
                    kiosk.sendBytes(new byte[] {b});
                } catch (java.io.IOException e) {
                    closed = true;
                    break;
                }
                if (kiosk.isClosedByServer(400)) {
                    closed = true;
                    break;
                }
            }
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(closed || kiosk.isClosedByServer(3_000)).as("closed by the message deadline").isTrue();
            assertThat(elapsed).as("not before the 2 s deadline").isGreaterThanOrEqualTo(1_800);
        }
        awaitCounter("message_deadline", before + 1);
    }

    @Test
    @DisplayName("a message that takes a while but completes inside the deadline is answered as usual")
    void slowButCompleteMessageIsAnswered() throws Exception {
        try (Sip2TestClient kiosk = login()) {
            kiosk.send("99003");
            Thread.sleep(700);
            kiosk.send("02.00\r");
            assertThat(kiosk.readResponse()).startsWith("98Y");
        }
    }

    @Test
    @DisplayName("a kiosk sending 99 every 3 s stays connected past the 10 s idle timeout; a silent one is closed (idle)")
    void heartbeatKeepsTheConnection() throws Exception {
        double idleBefore = closed("idle");
        try (Sip2TestClient heartbeat = login(); Sip2TestClient silent = login()) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(13);
            while (System.nanoTime() < end) {
                assertThat(heartbeat.exchange("9900302.00")).startsWith("98Y");
                Thread.sleep(3_000);
            }
            assertThat(heartbeat.exchange("9900302.00")).as("still open after 13 s").startsWith("98Y");
            assertThat(silent.isClosedByServer(1_000)).as("silent for 13 s: closed").isTrue();
        }
        awaitCounter("idle", idleBefore + 1);
    }

    @Test
    @DisplayName("no 93 within 2 s of connecting: closed (login_deadline), even while it sends 99s")
    void loginDeadline() throws Exception {
        double before = closed("login_deadline");
        try (Sip2TestClient kiosk = server.sip2Client()) {
            assertThat(kiosk.exchange("9900302.00")).startsWith("98Y");
            Thread.sleep(1_000);
            assertThat(kiosk.exchange("9900302.00")).startsWith("98Y");
            assertThat(kiosk.isClosedByServer(3_000)).isTrue();
        }
        awaitCounter("login_deadline", before + 1);
    }

    private static double closed(String reason) throws Exception {
        Matcher value = Pattern.compile(Pattern.quote("circgate_connections_closed_total{interface=\"sip2\","
                + "listener=\"plain\",reason=\"" + reason + "\"}") + " (\\S+)")
                .matcher(server.admin("/metrics").body());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private static void awaitCounter(String reason, double atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (closed(reason) < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(closed(reason)).as("closes counted as " + reason).isGreaterThanOrEqualTo(atLeast);
    }
}
