package org.circgate.server.ncip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.NcipMessages;
import org.circgate.server.testing.NcipTestAgencies;
import org.circgate.server.testing.NcipTestClient;
import org.circgate.server.testing.NcipXml;
import org.circgate.server.testing.RawHttpConnection;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.TestCertificate;
import org.circgate.server.testing.TestDatabase;
import org.circgate.server.testing.TestLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7: NCIP over HTTPS with the same PEM certificate handling as SIP2 TLS (ncip.tls.*), and HTTP only when
 * asked for: ncip.plain.enabled false leaves the HTTPS port alone.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class NcipTlsIT {
    private static final Path WORK = Path.of("target", "ncip-tls-it");
    private static ServerFixture server;
    private static TestCertificate certificate;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        certificate = TestCertificate.create(WORK);
        server = ServerFixture.start(database, Map.of(
                "CIRCGATE_NCIP_TLS_PORT", "0",
                "CIRCGATE_NCIP_TLS_CERTIFICATE", certificate.certificate().toString(),
                "CIRCGATE_NCIP_TLS_PRIVATE_KEY", certificate.privateKey().toString(),
                "CIRCGATE_NCIP_TLS_HANDSHAKE_TIMEOUT_SECONDS", "2"));
        TestLibrary.load(server.server());
        NcipTestAgencies.load(server.server());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static InetSocketAddress https() {
        return server.server().ncipTlsAddress().orElseThrow();
    }

    @Test
    @DisplayName("A LookupUser over HTTPS (TLS 1.2+, certificate from PEM files) gets a schema-valid answer")
    void lookupUserOverHttps() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(certificate.clientContext())
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + https().getPort() + "/ncip/" + NcipTestAgencies.KEY))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(NcipMessages.lookupUser("T-ILL", "TEST",
                        NcipMessages.userId("T1"))))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.sslSession()).hasValueSatisfying(
                session -> assertThat(session.getProtocol()).isIn("TLSv1.3", "TLSv1.2"));
        NcipXml answer = NcipTestClient.valid(response);
        assertThat(answer.privilege("STATUS")).isEqualTo("OK");
        assertThat(server.admin("/metrics").body())
                .containsPattern("circgate_connections_opened_total\\{interface=\"ncip\",listener=\"tls\"} [1-9]");
    }

    @Test
    @DisplayName("Plain HTTP sent to the HTTPS port is closed and counted as tls_failure; the plain port still answers")
    void plainToHttpsPort() throws Exception {
        try (RawHttpConnection raw = new RawHttpConnection(https())) {
            raw.write("GET /ncip HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.closedWithin(3_000)).isTrue();
        }
        String metrics = "";
        for (int i = 0; i < 40 && !metrics.matches("(?s).*reason=\"tls_failure\"} [1-9].*"); i++) {
            Thread.sleep(50);
            metrics = server.admin("/metrics").body();
        }
        assertThat(metrics).containsPattern(
                "circgate_connections_closed_total\\{interface=\"ncip\",listener=\"tls\",reason=\"tls_failure\"} [1-9]");
        assertThat(new NcipTestClient(server.ncip()).get("/ncip").statusCode()).isEqualTo(200);
    }
}
