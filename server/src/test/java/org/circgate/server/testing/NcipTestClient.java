package org.circgate.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.circgate.ncip.NcipSchemaValidator;

/**
 * A real HTTP client (java.net.http) for the NCIP listener. Every NCIP body circgate answers with is validated
 * against the official 2.02 schema before the test sees it, so no test can pass on a response a partner's strict
 * parser would reject.
 */
public final class NcipTestClient {
    private static final NcipSchemaValidator SCHEMA = new NcipSchemaValidator();

    private final InetSocketAddress address;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public NcipTestClient(InetSocketAddress address) {
        this.address = address;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + address.getPort() + pathAndQuery);
    }

    /** POSTs an NCIP message to {@code /ncip/KEY}, expects HTTP 200 and a schema-valid body. */
    public NcipXml send(String apiKey, String xml) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = post("/ncip/" + apiKey, "application/xml; charset=utf-8",
                xml.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("HTTP status").isEqualTo(200);
        return valid(response);
    }

    /** Checks that an HTTP 200 answer is an NCIP message valid against the schema, and reads it. */
    public static NcipXml valid(HttpResponse<byte[]> response) {
        return valid(response.headers().firstValue("Content-Type").orElse(null), response.body());
    }

    /** The same check for a response read some other way. */
    public static NcipXml valid(String contentType, byte[] body) {
        assertThat(contentType).isEqualTo("application/xml; charset=utf-8");
        List<String> errors = SCHEMA.validate(body);
        assertThat(errors).as("schema errors in " + new String(body, StandardCharsets.UTF_8)).isEmpty();
        return NcipXml.parse(body);
    }

    public HttpResponse<byte[]> post(String pathAndQuery, String contentType, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> method(String method, String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
