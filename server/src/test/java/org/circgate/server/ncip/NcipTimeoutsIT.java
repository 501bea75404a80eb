package org.circgate.server.ncip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.NcipMessages;
import org.circgate.server.testing.NcipTestAgencies;
import org.circgate.server.testing.RawHttpConnection;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.TestDatabase;
import org.circgate.server.testing.TestLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7 limits of the NCIP listener, each configurable: idle kept-alive connections close after
 * ncip.idleTimeoutSeconds, a request dripping in slower than ncip.requestTimeoutSeconds is cut, and connections over
 * ncip.maxConnections are closed on accept. Closes are counted by reason.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class NcipTimeoutsIT {
    private static ServerFixture server;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database, Map.of("CIRCGATE_NCIP_IDLE_TIMEOUT_SECONDS", "2",
                "CIRCGATE_NCIP_REQUEST_TIMEOUT_SECONDS", "1", "CIRCGATE_NCIP_MAX_CONNECTIONS", "3"));
        TestLibrary.load(server.server());
        NcipTestAgencies.load(server.server());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("A kept-alive connection silent for ncip.idleTimeoutSeconds after its answer is closed (idle)")
    void idle() throws Exception {
        try (RawHttpConnection raw = new RawHttpConnection(server.ncip())) {
            raw.post("/ncip/" + NcipTestAgencies.KEY, "application/xml", NcipMessages.lookupUser("T-ILL", "TEST",
                    NcipMessages.userId("T1")).getBytes(StandardCharsets.UTF_8));
            assertThat(raw.read().status()).isEqualTo(200);
            assertThat(raw.closedWithin(1_000)).isFalse();
            assertThat(raw.closedWithin(4_000)).isTrue();
        }
        assertClosesCounted("idle");
    }

    @Test
    @DisplayName("A request still incomplete ncip.requestTimeoutSeconds after its first byte is cut (slow drip)")
    void slowDrip() throws Exception {
        try (RawHttpConnection raw = new RawHttpConnection(server.ncip())) {
            raw.write("POST /ncip/" + NcipTestAgencies.KEY + " HTTP/1.1\r\nHost: x\r\n");
            Thread.sleep(400);
            raw.write("Content-Type: application/xml\r\n");
            assertThat(raw.closedWithin(3_000)).isTrue();
        }
        assertClosesCounted("message_deadline");
    }

    @Test
    @DisplayName("Connections beyond ncip.maxConnections are closed on accept (connection_limit)")
    void connectionCap() throws Exception {
        try (RawHttpConnection a = new RawHttpConnection(server.ncip());
                RawHttpConnection b = new RawHttpConnection(server.ncip());
                RawHttpConnection c = new RawHttpConnection(server.ncip())) {
            Thread.sleep(200);
            try (RawHttpConnection d = new RawHttpConnection(server.ncip())) {
                assertThat(d.closedWithin(1_500)).isTrue();
            }
            assertThat(a.closedWithin(100)).isFalse();
            assertThat(b.closedWithin(50)).isFalse();
            assertThat(c.closedWithin(50)).isFalse();
        }
        assertClosesCounted("connection_limit");
    }

    /** A close is counted when the server's side has gone inactive, a moment after the client sees it. */
    private static void assertClosesCounted(String reason) throws Exception {
        String pattern = "circgate_connections_closed_total\\{interface=\"ncip\",listener=\"plain\",reason=\""
                + reason + "\"} [1-9]";
        String metrics = "";
        for (int i = 0; i < 40; i++) {
            metrics = server.admin("/metrics").body();
            if (java.util.regex.Pattern.compile(pattern).matcher(metrics).find()) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(metrics).containsPattern(pattern);
    }
}
