package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.Sip2TestClient;
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 2's done-means over a real TCP socket against the real embedded MariaDB: 93 Login and 99 SC Status. */
@ExtendWith(EmbeddedDatabaseExtension.class)
class Sip2LoginAndStatusIT {
    private static ServerFixture server;

    @BeforeAll
    static void start(TestDatabase database) {
        server = ServerFixture.start(database);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("93 with the demo kiosk's credentials answers 941 (sip2.md 1.5: 94 ok=1)")
    void demoKioskLogsIn() throws Exception {
        try (Sip2TestClient kiosk = server.sip2Client()) {
            assertThat(kiosk.exchange("9300CNkiosk|COkiosk|CPMAIN|")).isEqualTo("941");
        }
    }

    @Test
    @DisplayName("93 with error detection is answered with the same sequence number and a valid checksum")
    void loginWithErrorDetectionEchoesTheSequenceNumber() throws Exception {
        try (Sip2TestClient kiosk = server.sip2Client()) {
            // sip2.md 1.8: 9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZEC7B is a valid frame; here with the
            // demo credentials and its own checksum.
            String request = "9300CNkiosk|COkiosk|CPMAIN|AY5AZ";
            String response = kiosk.exchange(request + checksum(request));
            assertThat(response).startsWith("941AY5AZ").hasSize(12);
            assertThat(response.substring(8)).isEqualTo(checksum("941AY5AZ"));
        }
    }

    @Test
    @DisplayName("a wrong password answers 940 and the connection stays open for the next try (issue 2)")
    void wrongPasswordAnswers940AndKeepsTheConnection() throws Exception {
        try (Sip2TestClient kiosk = server.sip2Client()) {
            assertThat(kiosk.exchange("9300CNkiosk|COwrong|CPMAIN|")).isEqualTo("940");
            assertThat(kiosk.exchange("9300CNnobody|COkiosk|CPMAIN|")).isEqualTo("940");
            assertThat(kiosk.exchange("9300CNkiosk|COkiosk|CPNOWHERE|")).isEqualTo("940");
            assertThat(kiosk.exchange("9300CNkiosk|COkiosk|CPMAIN|")).isEqualTo("941");
        }
        assertThat(server.admin("/metrics").body())
                .contains("circgate_auth_failures_total{kind=\"terminal_login\",reason=\"bad_credentials\"}");
    }

    @Test
    @DisplayName("a login from outside the account's allowed networks: 940, then the connection is closed (seed 000)")
    void loginFromAForeignNetworkIsClosed() throws Exception {
        org.circgate.server.testing.TestLibrary.importJson(server.server(), """
                {"institutions": [{"code": "DEMO", "name": "Demo Public Library",
                  "sipAccounts": [{"login": "lan-only", "password": "lan-only", "locations": ["MAIN"],
                                   "options": {"allowedNetworks": ["10.0.0.0/8"]}}]}]}""");
        try (Sip2TestClient kiosk = server.sip2Client()) {
            assertThat(kiosk.exchange("9300CNlan-only|COlan-only|CPMAIN|")).isEqualTo("940");
            assertThat(kiosk.isClosedByServer(5_000)).isTrue();
        }
        assertThat(server.admin("/metrics").body()).contains("circgate_connections_closed_total{interface=\"sip2\","
                + "listener=\"plain\",reason=\"address_denied\"} 1.0");
    }

    @Test
    @DisplayName("99 after login answers 98 with a 16-position BX, the institution and the location (sip2.md 1.5)")
    void scStatusAfterLogin() throws Exception {
        try (Sip2TestClient kiosk = server.sip2Client()) {
            assertThat(kiosk.exchange("9300CNkiosk|COkiosk|CPMAIN|")).isEqualTo("941");
            String status = kiosk.exchange("9900302.00");
            assertThat(status).startsWith("98Y");
            assertThat(field(status, "AO")).isEqualTo("DEMO");
            assertThat(field(status, "AM")).isEqualTo("Demo Public Library");
            assertThat(field(status, "AN")).isEqualTo("MAIN");
            String bx = field(status, "BX");
            assertThat(bx).hasSize(16).matches("[YN]{16}");
            assertThat(bx.charAt(0)).as("BX position 1: patron status request").isIn('Y', 'N');
            assertThat(status.substring(32, 36)).as("protocol version").isEqualTo("2.00");
        }
    }

    @Test
    @DisplayName("99 before any 93 is answered, not ignored (DESIGN.md 4: every request gets a response)")
    void scStatusBeforeLoginIsAnswered() throws Exception {
        try (Sip2TestClient kiosk = server.sip2Client()) {
            String status = kiosk.exchange("9900302.00");
            assertThat(status).startsWith("98Y");
            assertThat(field(status, "BX")).hasSize(16);
            assertThat(field(status, "AO")).isEmpty();
        }
    }

    @Test
    @DisplayName("garbage gets an answer (96) and the connection stays usable")
    void garbageIsAnsweredAndTheConnectionSurvives() throws Exception {
        try (Sip2TestClient kiosk = server.sip2Client()) {
            assertThat(kiosk.exchange("hello there")).startsWith("96");
            assertThat(kiosk.exchange("\u0001\u0002\u0003")).startsWith("96");
            // An empty line is not a message (CR LF and stray LF produce them); the next message gets its own answer.
            kiosk.send("\r");
            assertThat(kiosk.exchange("99")).startsWith("96");
            assertThat(kiosk.exchange("9300CNkiosk|COkiosk|CPMAIN|")).isEqualTo("941");
        }
    }

    @Test
    @DisplayName("a bad checksum is answered with 96 (sip2.md 1.2)")
    void badChecksumAnswers96() throws Exception {
        try (Sip2TestClient kiosk = server.sip2Client()) {
            assertThat(kiosk.exchange("9900302.00AY1AZ0000")).isEqualTo("96AZFEF6");
            String good = "9900302.00AY1AZ";
            assertThat(kiosk.exchange(good + checksum(good))).startsWith("98").contains("AY1AZ");
        }
    }

    @Test
    @DisplayName("97 repeats the last response")
    void requestResendRepeatsTheLastResponse() throws Exception {
        try (Sip2TestClient kiosk = server.sip2Client()) {
            assertThat(kiosk.exchange("9300CNkiosk|COkiosk|CPMAIN|")).isEqualTo("941");
            assertThat(kiosk.exchange("97")).isEqualTo("941");
        }
    }

    @Test
    @DisplayName("a frame over the length limit is answered with 96 and closed; the server keeps serving others")
    void overlongFrameClosesTheConnection() throws Exception {
        try (Sip2TestClient kiosk = server.sip2Client()) {
            kiosk.send("23" + "x".repeat(10_000));
            assertThat(kiosk.readResponse()).as("answered before the hang-up").isEqualTo("96");
            assertThat(kiosk.isClosedByServer(5_000)).isTrue();
        }
        try (Sip2TestClient kiosk = server.sip2Client()) {
            assertThat(kiosk.exchange("9900302.00")).startsWith("98");
        }
    }

    @Test
    @DisplayName("/health/ready answers 200 when the database answers and the listeners are bound")
    void readinessIsUp() throws Exception {
        HttpResponse<String> ready = server.admin("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"UP\"");
        assertThat(server.admin("/health/live").statusCode()).isEqualTo(200);
    }

    static String field(String message, String id) {
        int at = message.indexOf("|" + id);
        int start = at < 0 ? (message.indexOf(id, 2) >= 0 ? message.indexOf(id, 2) : -1) : at + 1;
        if (start < 0) {
            return null;
        }
        int end = message.indexOf('|', start);
        return message.substring(start + 2, end < 0 ? message.length() : end);
    }

    static String checksum(String text) {
        int sum = 0;
        for (byte b : text.getBytes(java.nio.charset.Charset.forName("IBM850"))) {
            sum += b & 0xFF;
        }
        return String.format("%04X", (-sum) & 0xFFFF);
    }
}
