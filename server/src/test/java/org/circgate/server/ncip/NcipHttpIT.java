package org.circgate.server.ncip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.server.testing.NcipMessages.lookupUser;
import static org.circgate.server.testing.NcipMessages.message;
import static org.circgate.server.testing.NcipMessages.userId;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.NcipTestAgencies;
import org.circgate.server.testing.NcipTestClient;
import org.circgate.server.testing.NcipXml;
import org.circgate.server.testing.RawHttpConnection;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.TestDatabase;
import org.circgate.server.testing.TestLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, the NCIP HTTP transport and hostile input over real sockets: endpoint and key forms, 401/403/404/405/413/
 * 415, keep-alive, and XML that must never reach a file, the network or an entity expansion. Every NCIP body is
 * validated against the official schema.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class NcipHttpIT {
    private static final int MAX_BODY = 4096;
    private static final String LOOKUP_T1 = lookupUser("T-ILL", "TEST", userId("T1"));

    private static ServerFixture server;
    private static NcipTestClient ncip;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database, Map.of("CIRCGATE_NCIP_MAX_BODY_BYTES", Integer.toString(MAX_BODY)));
        TestLibrary.load(server.server());
        NcipTestAgencies.load(server.server());
        ncip = new NcipTestClient(server.ncip());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> post(String path, String contentType, String body, String... headers)
            throws Exception {
        return ncip.post(path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    @Test
    @DisplayName("GET /ncip answers a short status text without a key (issue 7)")
    void statusText() throws Exception {
        HttpResponse<String> status = ncip.get("/ncip");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(status.body()).contains("NCIP 2.02");
    }

    @Test
    @DisplayName("Other paths are 404; methods other than GET and POST are 405 with Allow (issue 7)")
    void pathsAndMethods() throws Exception {
        assertThat(ncip.get("/other").statusCode()).isEqualTo(404);
        assertThat(ncip.get("/ncip/a/b").statusCode()).isEqualTo(404);
        HttpResponse<String> put = ncip.method("PUT", "/ncip/" + NcipTestAgencies.KEY);
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(ncip.method("DELETE", "/ncip").statusCode()).isEqualTo(405);
    }

    @Test
    @DisplayName("The API key works as path segment, query parameter and Authorization: apikey header (issue 7, "
            + "edge-common pattern)")
    void keyForms() throws Exception {
        for (HttpResponse<byte[]> response : java.util.List.of(
                post("/ncip/" + NcipTestAgencies.KEY, "application/xml", LOOKUP_T1),
                post("/ncip?apikey=" + NcipTestAgencies.KEY, "application/xml", LOOKUP_T1),
                post("/ncip", "text/xml; charset=UTF-8", LOOKUP_T1, "Authorization",
                        "apikey " + NcipTestAgencies.KEY),
                post("/ncip/", "application/xml", LOOKUP_T1, "Authorization", "ApiKey " + NcipTestAgencies.KEY))) {
            assertThat(response.statusCode()).isEqualTo(200);
            NcipXml xml = NcipTestClient.valid(response);
            assertThat(xml.privilege("STATUS")).isEqualTo("OK");
        }
    }

    @Test
    @DisplayName("No key, an unknown key, a disabled agency's key or another agency's FromAgencyId: 401 with "
            + "WWW-Authenticate, counted as NCIP API key failures (issue 7)")
    void unauthorized() throws Exception {
        HttpResponse<byte[]> none = post("/ncip", "application/xml", LOOKUP_T1);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("apikey realm=\"ncip\"");
        assertThat(post("/ncip/not-a-key-of-anyone-at-all-000", "application/xml", LOOKUP_T1).statusCode())
                .isEqualTo(401);
        assertThat(post("/ncip/short", "application/xml", LOOKUP_T1).statusCode()).isEqualTo(401);
        assertThat(post("/ncip/" + NcipTestAgencies.KEY_DISABLED, "application/xml",
                lookupUser("T-OFF", "TEST", userId("T1"))).statusCode()).isEqualTo(401);
        assertThat(post("/ncip/" + NcipTestAgencies.KEY, "application/xml",
                lookupUser("T-OK", "TEST", userId("T1"))).statusCode()).isEqualTo(401);
        String metrics = server.admin("/metrics").body();
        assertThat(metrics).contains("circgate_auth_failures_total{kind=\"ncip_api_key\",reason=\"unknown\"} 1.0");
        assertThat(metrics).contains("circgate_ncip_http_responses_total{status=\"401\"}");
    }

    @Test
    @DisplayName("A valid key from outside the agency's networks is 403 (issue 7)")
    void forbiddenAddress() throws Exception {
        HttpResponse<byte[]> response = post("/ncip/" + NcipTestAgencies.KEY_NETWORK, "application/xml",
                lookupUser("T-NET", "TEST", userId("T1")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(server.admin("/metrics").body())
                .contains("circgate_auth_failures_total{kind=\"ncip_api_key\",reason=\"address_denied\"} 1.0");
    }

    @Test
    @DisplayName("Content types other than application/xml and text/xml (or none) are 415 (issue 7)")
    void unsupportedMediaType() throws Exception {
        assertThat(post("/ncip/" + NcipTestAgencies.KEY, "text/plain", LOOKUP_T1).statusCode()).isEqualTo(415);
        assertThat(post("/ncip/" + NcipTestAgencies.KEY, "application/x-www-form-urlencoded", LOOKUP_T1)
                .statusCode()).isEqualTo(415);
        try (RawHttpConnection raw = new RawHttpConnection(server.ncip())) {
            raw.post("/ncip/" + NcipTestAgencies.KEY, null, LOOKUP_T1.getBytes(StandardCharsets.UTF_8));
            assertThat(raw.read().status()).isEqualTo(415);
        }
    }

    @Test
    @DisplayName("A declared Content-Length over ncip.maxBodyBytes is 413 before any body byte is sent, and the "
            + "connection closes (issue 7)")
    void tooLargeDeclared() throws Exception {
        try (RawHttpConnection raw = new RawHttpConnection(server.ncip())) {
            raw.write("POST /ncip/" + NcipTestAgencies.KEY + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml"
                    + "\r\nContent-Length: 10000000\r\nExpect: 100-continue\r\n\r\n");
            RawHttpConnection.Response response = raw.read();
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(raw.closedWithin(2_000)).isTrue();
        }
    }

    @Test
    @DisplayName("A chunked body growing over ncip.maxBodyBytes is cut with 413 (issue 7)")
    void tooLargeChunked() throws Exception {
        try (RawHttpConnection raw = new RawHttpConnection(server.ncip())) {
            raw.write("POST /ncip/" + NcipTestAgencies.KEY + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml"
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = "<a>" + "x".repeat(1_000) + "</a>";
            for (int i = 0; i < 6; i++) {
                raw.write(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
            }
            assertThat(raw.read().status()).isEqualTo(413);
            assertThat(raw.closedWithin(2_000)).isTrue();
        }
    }

    @Test
    @DisplayName("Keep-alive: two requests on one connection are both answered; Connection: close is honoured")
    void keepAlive() throws Exception {
        byte[] body = LOOKUP_T1.getBytes(StandardCharsets.UTF_8);
        try (RawHttpConnection raw = new RawHttpConnection(server.ncip())) {
            raw.post("/ncip/" + NcipTestAgencies.KEY, "application/xml", body);
            RawHttpConnection.Response first = raw.read();
            assertThat(first.status()).isEqualTo(200);
            assertThat(NcipTestClient.valid(first.header("Content-Type"), first.body()).privilege("STATUS"))
                    .isEqualTo("OK");
            raw.post("/ncip/" + NcipTestAgencies.KEY, "application/xml", body, "Connection: close");
            RawHttpConnection.Response second = raw.read();
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.header("Connection")).isEqualTo("close");
            assertThat(raw.closedWithin(2_000)).isTrue();
        }
    }

    @Test
    @DisplayName("XXE with a file entity is refused as Invalid Message Syntax Error and the file never shows "
            + "(issue 7 hostile input, ncip.md 1.5)")
    void xxeFileEntity(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-MARKER");
        String body = "<?xml version=\"1.0\"?><!DOCTYPE NCIPMessage [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]><NCIPMessage xmlns=\"http://www.niso.org/2008/ncip\" version=\"2.02\"><LookupUser>"
                + "<UserId><UserIdentifierValue>&xxe;</UserIdentifierValue></UserId></LookupUser></NCIPMessage>";
        NcipXml answer = ncip.send(NcipTestAgencies.KEY, body);
        assertThat(answer.problemType()).isEqualTo("Invalid Message Syntax Error");
        assertThat(answer.text()).doesNotContain("TOP-SECRET-MARKER");
    }

    @Test
    @DisplayName("An external DTD is never fetched: a DOCTYPE line naming one is skipped unread, a parameter entity "
            + "pulling one in is refused (issue 7 hostile input)")
    void externalDtd() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer trap = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        trap.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] dtd = "<!ENTITY leak \"LEAKED\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        trap.start();
        try {
            String url = "http://127.0.0.1:" + trap.getAddress().getPort() + "/evil.dtd";
            NcipXml line = ncip.send(NcipTestAgencies.KEY, "<?xml version=\"1.0\"?><!DOCTYPE NCIPMessage SYSTEM \""
                    + url + "\">" + LOOKUP_T1.substring(LOOKUP_T1.indexOf("<NCIPMessage")));
            assertThat(line.service()).isEqualTo("LookupUserResponse");
            NcipXml parameter = ncip.send(NcipTestAgencies.KEY, "<?xml version=\"1.0\"?><!DOCTYPE NCIPMessage "
                    + "[<!ENTITY % ext SYSTEM \"" + url + "\"> %ext;]>"
                    + LOOKUP_T1.substring(LOOKUP_T1.indexOf("<NCIPMessage")));
            assertThat(parameter.problemType()).isEqualTo("Invalid Message Syntax Error");
            assertThat(fetched.get()).isZero();
        } finally {
            trap.stop(0);
        }
    }

    @Test
    @DisplayName("A billion-laughs entity bomb is refused at once as Invalid Message Syntax Error (issue 7 hostile "
            + "input)")
    void billionLaughs() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE NCIPMessage [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        long started = System.nanoTime();
        NcipXml answer = ncip.send(NcipTestAgencies.KEY, "<?xml version=\"1.0\"?>" + dtd
                + "<NCIPMessage xmlns=\"http://www.niso.org/2008/ncip\"><LookupUser><UserId><UserIdentifierValue>"
                + "&lol9;</UserIdentifierValue></UserId></LookupUser></NCIPMessage>");
        assertThat(answer.problemType()).isEqualTo("Invalid Message Syntax Error");
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
        assertThat(answer.text()).doesNotContain("lollol");
    }

    @Test
    @DisplayName("Unparseable input is a top-level Problem Invalid Message Syntax Error; an unknown service is "
            + "Unsupported Service, in its response element when the schema has one (issue 7)")
    void syntaxAndUnsupported() throws Exception {
        NcipXml broken = ncip.send(NcipTestAgencies.KEY, "<NCIPMessage><LookupUser></NCIPMessage>");
        assertThat(broken.service()).isEqualTo("Problem");
        assertThat(broken.problemType()).isEqualTo("Invalid Message Syntax Error");
        assertThat(ncip.send(NcipTestAgencies.KEY, "not xml at all").problemType())
                .isEqualTo("Invalid Message Syntax Error");
        NcipXml update = ncip.send(NcipTestAgencies.KEY, message("T-ILL", "TEST", "UpdateUser", userId("T1")));
        assertThat(update.service()).isEqualTo("UpdateUserResponse");
        assertThat(update.problemType()).isEqualTo("Unsupported Service");
        assertThat(update.all("AgencyId")).startsWith("TEST", "T-ILL");
        NcipXml version = ncip.send(NcipTestAgencies.KEY, message("T-ILL", "TEST", "LookupVersion", ""));
        assertThat(version.service()).isEqualTo("Problem");
        assertThat(version.problemType()).isEqualTo("Unsupported Service");
        assertThat(server.admin("/metrics").body()).contains("command=\"Unsupported\",interface=\"ncip\"");
    }

    @Test
    @DisplayName("Namespace-less messages with an unqualified version, as ReShare sends to Koha, are understood "
            + "(ncip.md 6, leniency)")
    void namespaceLess() throws Exception {
        NcipXml answer = ncip.send(NcipTestAgencies.KEY, "<NCIPMessage version=\"2.0\"><LookupUser>"
                + "<InitiationHeader><FromAgencyId><AgencyId>T-ILL</AgencyId></FromAgencyId><ToAgencyId><AgencyId>"
                + "TEST</AgencyId></ToAgencyId></InitiationHeader><UserId><UserIdentifierValue>T1"
                + "</UserIdentifierValue></UserId></LookupUser></NCIPMessage>");
        assertThat(answer.privilege("STATUS")).isEqualTo("OK");
    }
}
