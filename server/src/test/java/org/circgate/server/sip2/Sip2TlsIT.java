package org.circgate.server.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.server.testing.Sip2Lines.field;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.Sip2TestClient;
import org.circgate.server.testing.TestCertificate;
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6, the SIP2 TLS listener (operations reference 3.1: TLS 1.2+ through Netty's SslHandler, PEM certificate and
 * key from the configuration) next to the plain one, over real sockets: a real TLS handshake and a login, plain text
 * on the TLS port closed and counted as tls_failure, a client that never finishes the handshake closed, and the
 * shipped stunnel examples (deploy/examples/stunnel) working against circgate when stunnel is installed.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class Sip2TlsIT {
    private static final Path WORK = Path.of("target", "tls-it");
    private static ServerFixture server;
    private static TestCertificate certificate;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        certificate = TestCertificate.create(WORK);
        server = ServerFixture.start(database, Map.of(
                "CIRCGATE_SIP2_TLS_PORT", "0",
                "CIRCGATE_SIP2_TLS_CERTIFICATE", certificate.certificate().toString(),
                "CIRCGATE_SIP2_TLS_PRIVATE_KEY", certificate.privateKey().toString(),
                "CIRCGATE_SIP2_TLS_HANDSHAKE_TIMEOUT_SECONDS", "2"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static InetSocketAddress tls() {
        return server.server().sip2TlsAddress().orElseThrow();
    }

    private static SSLSocket tlsSocket(InetSocketAddress address) throws Exception {
        SSLSocket socket = (SSLSocket) certificate.clientContext().getSocketFactory()
                .createSocket(address.getHostString(), address.getPort());
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }

    @Test
    @DisplayName("a real TLS handshake (TLS 1.2+) with the configured PEM certificate, then 93 → 941 and 99 → 98")
    void handshakeAndLogin() throws Exception {
        try (SSLSocket socket = tlsSocket(tls())) {
            assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            assertThat(exchange(socket, "9300CNkiosk|COkiosk|CPMAIN|")).isEqualTo("941");
            String status = exchange(socket, "9900302.00");
            assertThat(status).startsWith("98Y");
            assertThat(field(status, "AO")).isEqualTo("DEMO");
        }
        assertThat(counter("circgate_connections_opened_total{interface=\"sip2\",listener=\"tls\"}")).isPositive();
        try (Sip2TestClient plain = server.sip2Client()) {
            assertThat(plain.exchange("9300CNkiosk|COkiosk|CPMAIN|")).as("the plain listener still works")
                    .isEqualTo("941");
        }
    }

    @Test
    @DisplayName("plain text on the TLS port is closed, counted as tls_failure; the handshake has a deadline")
    void plainTextAndSilenceAreClosed() throws Exception {
        double before = closedTlsFailures();
        try (Sip2TestClient plain = new Sip2TestClient(tls())) {
            plain.send("9300CNkiosk|COkiosk|CPMAIN|\r");
            assertThat(plain.isClosedByServer(5_000)).isTrue();
        }
        try (Socket silent = new Socket(tls().getHostString(), tls().getPort())) {
            silent.setSoTimeout(6_000);
            long started = System.nanoTime();
            assertThat(silent.getInputStream().read()).as("closed after the 2 s handshake timeout").isEqualTo(-1);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(1_000L, 5_000L);
        }
        waitFor(() -> closedTlsFailures() >= before + 2);
        assertThat(closedTlsFailures()).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    @DisplayName("deploy/examples/stunnel/kiosk-client.conf: a kiosk without TLS reaches the TLS listener through stunnel")
    void stunnelOnTheKiosk() throws Exception {
        String stunnel = stunnel();
        int accept = freePort();
        String config = Files.readString(Path.of("..", "deploy", "examples", "stunnel", "kiosk-client.conf"))
                .replace("accept = 127.0.0.1:6001", "accept = 127.0.0.1:" + accept)
                .replace("connect = sip2.library.example.org:6443", "connect = 127.0.0.1:" + tls().getPort())
                .replace("CAfile = /etc/stunnel/circgate-ca.pem", "CAfile = " + certificate.certificate().toAbsolutePath())
                .replace("checkHost = sip2.library.example.org", "checkHost = localhost");
        assertThat(settings(config)).as("every address and file of the example replaced")
                .doesNotContain("example.org", "/etc/stunnel/");
        Process process = runStunnel(stunnel, "kiosk-client", config, accept);
        try (Sip2TestClient kiosk = new Sip2TestClient(new InetSocketAddress("127.0.0.1", accept))) {
            assertThat(kiosk.exchange("9300CNkiosk|COkiosk|CPMAIN|")).isEqualTo("941");
            assertThat(kiosk.exchange("9900302.00")).startsWith("98Y");
        } finally {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("deploy/examples/stunnel/server-side.conf: stunnel terminates TLS in front of the plain listener")
    void stunnelInFrontOfCircgate() throws Exception {
        String stunnel = stunnel();
        int accept = freePort();
        String config = Files.readString(Path.of("..", "deploy", "examples", "stunnel", "server-side.conf"))
                .replace("accept = 0.0.0.0:6443", "accept = 127.0.0.1:" + accept)
                .replace("connect = 127.0.0.1:6001", "connect = 127.0.0.1:" + server.sip2().getPort())
                .replace("cert = /etc/stunnel/sip2.library.example.org.pem",
                        "cert = " + certificate.certificate().toAbsolutePath())
                .replace("key = /etc/stunnel/sip2.library.example.org.key",
                        "key = " + certificate.privateKey().toAbsolutePath());
        assertThat(settings(config)).as("every address and file of the example replaced")
                .doesNotContain("/etc/stunnel/").doesNotContainPattern(":(6001|6443)\\b");
        Process process = runStunnel(stunnel, "server-side", config, accept);
        try (SSLSocket socket = tlsSocket(new InetSocketAddress("127.0.0.1", accept))) {
            assertThat(exchange(socket, "9300CNkiosk|COkiosk|CPMAIN|")).isEqualTo("941");
        } finally {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String stunnel() {
        for (String name : new String[] {"stunnel4", "stunnel"}) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        assumeTrue(false, "stunnel is not installed (apt-get install stunnel4); the stunnel examples were not run");
        return null;
    }

    /** Runs stunnel in the foreground on a copy of an example and waits until it accepts on {@code port}. */
    private static Process runStunnel(String stunnel, String name, String config, int port) throws Exception {
        Path file = WORK.resolve(name + ".conf");
        Files.writeString(file, "foreground = yes\npid =\n" + config);
        Process process = new ProcessBuilder(stunnel, file.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(WORK.resolve(name + ".log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                assertThat(process.isAlive()).as("stunnel exited: " + Files.readString(WORK.resolve(name + ".log")))
                        .isTrue();
                Thread.sleep(100);
            }
        }
        process.destroy();
        throw new AssertionError("stunnel did not listen: " + Files.readString(WORK.resolve(name + ".log")));
    }

    /** The configuration without its comment lines. */
    private static String settings(String config) {
        return config.lines().filter(line -> !line.startsWith(";")).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String exchange(Socket socket, String message) throws IOException {
        socket.getOutputStream().write((message + "\r").getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (;;) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                throw new IOException("no answer; got so far: " + line, e);
            }
            if (b < 0) {
                throw new IOException("closed by the server after: " + line);
            }
            if (b == '\r') {
                return line.toString(StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
    }

    private static double closedTlsFailures() throws Exception {
        return counter("circgate_connections_closed_total{interface=\"sip2\",listener=\"tls\",reason=\"tls_failure\"}");
    }

    private static double counter(String series) throws Exception {
        Matcher value = Pattern.compile(Pattern.quote(series) + " (\\S+)").matcher(server.admin("/metrics").body());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitFor(Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.holds() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
