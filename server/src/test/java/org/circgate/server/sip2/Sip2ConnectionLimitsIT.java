package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.server.testing.Sip2Lines.field;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
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
 * Issue 6 connection caps (operations reference 3.9): at most 4 SIP2 connections in all and 3 from one source address
 * here, over real sockets from 127.0.0.1 and 127.0.0.2; a connection over a cap is closed at once and counted as
 * connection_limit, and its slot comes back when a connection closes. One request in flight per connection: a client
 * that writes many requests without reading gets every answer, in order.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class Sip2ConnectionLimitsIT {
    private static ServerFixture server;

    @BeforeAll
    static void start(TestDatabase database) {
        server = ServerFixture.start(database, Map.of(
                "CIRCGATE_SIP2_MAX_CONNECTIONS", "4",
                "CIRCGATE_SIP2_MAX_CONNECTIONS_PER_ADDRESS", "3"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Socket connect(String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(server.sip2(), 5_000);
        socket.setSoTimeout(5_000);
        return socket;
    }

    /** True when the connection answers a 99, false when the server closed it. */
    private static boolean answers(Socket socket) throws IOException {
        try {
            socket.getOutputStream().write("9900302.00\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            int first = socket.getInputStream().read();
            if (first < 0) {
                return false;
            }
            while (first != '\r' && first >= 0) {
                first = socket.getInputStream().read();
            }
            return first == '\r';
        } catch (IOException closed) {
            return false;
        }
    }

    @Test
    @DisplayName("per address (3) and in all (4): the connection over a cap is closed (connection_limit); slots come back")
    void caps() throws Exception {
        double before = closedByLimit();
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(connect("127.0.0.1"));
                assertThat(answers(open.get(i))).as("connection %d from 127.0.0.1", i + 1).isTrue();
            }
            try (Socket fourth = connect("127.0.0.1")) {
                assertThat(answers(fourth)).as("a 4th from the same address").isFalse();
            }
            open.add(connect("127.0.0.2"));
            assertThat(answers(open.get(3))).as("another address may still connect").isTrue();
            try (Socket fifth = connect("127.0.0.2")) {
                assertThat(answers(fifth)).as("a 5th in all").isFalse();
            }
            awaitClosedByLimit(before + 2);

            open.remove(0).close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            boolean admitted = false;
            while (!admitted && System.nanoTime() < deadline) {
                try (Socket again = connect("127.0.0.1")) {
                    admitted = answers(again);
                }
                if (!admitted) {
                    Thread.sleep(100);
                }
            }
            assertThat(admitted).as("the closed connection's slot is given back").isTrue();
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    @Test
    @DisplayName("200 requests written at once without reading: all answered, in order, one at a time")
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        awaitOpenBelow(4);
        try (Sip2TestClient kiosk = server.sip2Client()) {
            assertThat(kiosk.exchange(Sip2Lines.login("kiosk", "kiosk", "MAIN"))).isEqualTo("941");
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                burst.append("9900302.00\r");
                burst.append(Sip2Lines.patronStatus("DEMO", "P" + i, "")).append('\r');
            }
            kiosk.send(burst.toString());
            for (int i = 0; i < 100; i++) {
                assertThat(kiosk.readResponse()).as("answer %d", 2 * i + 1).startsWith("98Y");
                String status = kiosk.readResponse();
                assertThat(status).as("answer %d", 2 * i + 2).startsWith("24");
                assertThat(field(status, "AA")).isEqualTo("P" + i);
            }
            assertThat(kiosk.exchange("9900302.00")).as("and the connection goes on").startsWith("98Y");
        }
    }

    private static double closedByLimit() throws Exception {
        Matcher value = Pattern.compile(Pattern.quote("circgate_connections_closed_total{interface=\"sip2\","
                + "listener=\"plain\",reason=\"connection_limit\"}") + " (\\S+)")
                .matcher(server.admin("/metrics").body());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private static void awaitClosedByLimit(double atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (closedByLimit() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(closedByLimit()).isGreaterThanOrEqualTo(atLeast);
    }

    /** Waits until earlier tests' connections are gone from the server's count. */
    private static void awaitOpenBelow(int limit) throws Exception {
        Pattern active = Pattern.compile(Pattern.quote("circgate_connections_active{interface=\"sip2\","
                + "listener=\"plain\"}") + " (\\S+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Matcher value = active.matcher(server.admin("/metrics").body());
            if (value.find() && Double.parseDouble(value.group(1)) < limit) {
                return;
            }
            Thread.sleep(50);
        }
    }
}
