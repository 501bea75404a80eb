package org.circgate.server.ncip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.circgate.ncip.NcipReadResult;
import org.circgate.ncip.NcipReader;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.NcipTestAgencies;
import org.circgate.server.testing.NcipTestClient;
import org.circgate.server.testing.NcipXml;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.TestDatabase;
import org.circgate.server.testing.TestLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7: real initiators' message shapes (the XC NCIP2 Toolkit request samples for our services and the project's
 * ReShare / FOLIO / ILLiad / Koha / NCIP 1 fixtures, both kept in protocol-ncip) posted to the running server, each
 * with the key of an agency named like its FromAgencyId. Whatever they ask about (their patrons and items do not
 * exist here), every one gets HTTP 200 and a schema-valid answer in its own service's response element.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class NcipSamplesIT {
    private static final Path SAMPLES = Path.of("..", "protocol-ncip", "src", "test", "resources", "ncip");
    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    private static ServerFixture server;
    private static NcipTestClient ncip;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database);
        TestLibrary.load(server.server());
        NcipTestAgencies.load(server.server());
        StringBuilder agencies = new StringBuilder();
        for (Path sample : samples().toList()) {
            String from = header(sample);
            if (from != null && !KEYS.containsKey(from.toLowerCase())) {
                String key = "sample-agency-key-%012d".formatted(KEYS.size());
                KEYS.put(from.toLowerCase(), key);
                agencies.append(agencies.length() == 0 ? "" : ",").append("{\"agencyId\": \"").append(from)
                        .append("\", \"apiKey\": \"").append(key).append("\", \"location\": \"NORTH\"}");
            }
        }
        TestLibrary.importJson(server.server(), "{\"institutions\": [{\"code\": \"TEST\", \"name\": \"Test Library\", "
                + "\"ncipAgencies\": [" + agencies + "]}]}");
        ncip = new NcipTestClient(server.ncip());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Path> samples() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String set : List.of("xc-toolkit", "own")) {
            try (Stream<Path> listed = Files.list(SAMPLES.resolve(set))) {
                listed.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(40);
        return files.stream();
    }

    private static NcipReadResult read(Path sample) throws IOException {
        return new NcipReader().read(Files.readAllBytes(sample), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String header(Path sample) throws IOException {
        NcipReadResult result = read(sample);
        return result.header() == null ? null : result.header().fromAgency().map(String::strip).orElse(null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @DisplayName("A real initiator's message gets HTTP 200 and a schema-valid answer (ncip.md 1.4: validate output, "
            + "never reject input on schema grounds)")
    void answered(Path sample) throws Exception {
        String from = header(sample);
        String key = from == null ? NcipTestAgencies.KEY : KEYS.get(from.toLowerCase());
        HttpResponse<byte[]> response = ncip.post("/ncip/" + key, "text/xml; charset=UTF-8",
                Files.readAllBytes(sample));
        assertThat(response.statusCode()).as(sample.toString()).isEqualTo(200);
        NcipXml answer = NcipTestClient.valid(response);
        NcipReadResult read = read(sample);
        if (read instanceof NcipReadResult.Parsed parsed) {
            assertThat(answer.service()).isEqualTo(parsed.request().service().responseElementName());
        } else {
            assertThat(answer.problemType()).isIn("Unsupported Service", "Invalid Message Syntax Error");
        }
    }
}
