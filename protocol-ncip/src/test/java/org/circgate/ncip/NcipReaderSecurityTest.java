package org.circgate.ncip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.circgate.ncip.NcipFixtures.READER;
import static org.circgate.ncip.NcipFixtures.VALIDATOR;
import static org.circgate.ncip.NcipFixtures.WRITER;
import static org.circgate.ncip.NcipFixtures.fail;
import static org.circgate.ncip.NcipFixtures.parse;
import static org.circgate.ncip.NcipFixtures.text;
import static org.circgate.ncip.NcipFixtures.utf8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.circgate.ncip.request.LookupUserRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 7: hostile input is refused with a clear error type and nothing is fetched")
class NcipReaderSecurityTest {

    private static final String SECRET = "TOP-SECRET-7f3a9";

    @TempDir
    Path tempDir;

    private Path secretFile;
    private ServerSocket trap;
    private Thread trapThread;
    private final AtomicInteger trapConnections = new AtomicInteger();

    /** A loopback listener that counts every connection: any fetch the parser attempted would show up here. */
    @BeforeEach
    void setUp() throws IOException {
        secretFile = Files.writeString(tempDir.resolve("secret.txt"), SECRET);
        trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        trapThread = new Thread(() -> {
            while (!trap.isClosed()) {
                try {
                    Socket connection = trap.accept();
                    trapConnections.incrementAndGet();
                    connection.close();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "ncip-xxe-trap");
        trapThread.setDaemon(true);
        trapThread.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        trap.close();
        trapThread.join(5_000);
        assertThat(trapConnections).as("connections to the trap listener").hasValue(0);
    }

    private String trapUrl(String path) {
        return "http://127.0.0.1:" + trap.getLocalPort() + "/" + path;
    }

    private static void assertRefusedCleanly(NcipReadResult.Failed failed, NcipReadError expected) {
        assertThat(failed.error()).isEqualTo(expected);
        assertThat(failed.detail()).doesNotContain(SECRET).doesNotContain("\tat ").hasSizeLessThan(300);
        assertThat(failed.problem().type()).isEqualTo(NcipProblemType.INVALID_MESSAGE_SYNTAX_ERROR);
        byte[] answer = WRITER.write(failed.response());
        assertThat(text(answer)).contains("Invalid Message Syntax Error").doesNotContain(SECRET);
        assertThat(VALIDATOR.validate(answer)).isEmpty();
    }

    @Test
    @DisplayName("XXE: an external entity naming a local file is refused (DTD_REFUSED), the file is not read")
    void xxeFileEntity() {
        String body = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE NCIPMessage [<!ENTITY xxe SYSTEM \"" + secretFile.toUri() + "\">]>\n"
                + "<NCIPMessage><LookupUser><UserId><UserIdentifierValue>&xxe;</UserIdentifierValue></UserId>"
                + "</LookupUser></NCIPMessage>";

        NcipReadResult.Failed failed = fail(utf8(body));

        assertRefusedCleanly(failed, NcipReadError.DTD_REFUSED);
        assertThat(failed.error().hostile()).isTrue();
    }

    @Test
    @DisplayName("XXE over the network: an external entity to a URL is refused and never fetched")
    void xxeNetworkEntity() {
        String body = "<!DOCTYPE NCIPMessage [<!ENTITY xxe SYSTEM \"" + trapUrl("xxe") + "\">]>"
                + "<NCIPMessage><LookupUser><UserId><UserIdentifierValue>&xxe;</UserIdentifierValue></UserId>"
                + "</LookupUser></NCIPMessage>";

        assertRefusedCleanly(fail(utf8(body)), NcipReadError.DTD_REFUSED);
    }

    @Test
    @DisplayName("external parameter entity (blind XXE) is refused and never fetched")
    void parameterEntity() {
        String body = "<!DOCTYPE NCIPMessage [<!ENTITY % remote SYSTEM \"" + trapUrl("p.dtd") + "\"> %remote;]>"
                + "<NCIPMessage><LookupAgency><AgencyId>A</AgencyId></LookupAgency></NCIPMessage>";

        assertRefusedCleanly(fail(utf8(body)), NcipReadError.DTD_REFUSED);
    }

    @Test
    @DisplayName("an external DTD is never fetched: the DOCTYPE line is skipped and the message parses")
    void externalDtdNotFetched() {
        String body = "<!DOCTYPE NCIPMessage SYSTEM \"" + trapUrl("ncip_v1_0.dtd") + "\">"
                + "<NCIPMessage><LookupAgency><AgencyId>A</AgencyId></LookupAgency></NCIPMessage>";

        assertThat(parse(utf8(body)).request().service()).isEqualTo(NcipService.LOOKUP_AGENCY);
    }

    @Test
    @DisplayName("an external DTD file is never read: a DTD that would break the parse has no effect")
    void externalDtdFileNotRead() throws IOException {
        Path dtd = Files.writeString(tempDir.resolve("broken.dtd"), "<!ENTITY this is not a DTD at all");
        String body = "<!DOCTYPE NCIPMessage SYSTEM \"" + dtd.toUri() + "\">"
                + "<NCIPMessage><LookupAgency><AgencyId>A</AgencyId></LookupAgency></NCIPMessage>";

        assertThat(parse(utf8(body)).request().service()).isEqualTo(NcipService.LOOKUP_AGENCY);
    }

    @Test
    @DisplayName("an entity defined only by an external DTD is refused by name (ENTITY_REFUSED), DTD not fetched")
    void entityFromExternalDtd() {
        String body = "<!DOCTYPE NCIPMessage SYSTEM \"" + trapUrl("evil.dtd") + "\">"
                + "<NCIPMessage><LookupUser><UserId><UserIdentifierValue>&xxe;</UserIdentifierValue></UserId>"
                + "</LookupUser></NCIPMessage>";

        NcipReadResult.Failed failed = fail(utf8(body));

        assertRefusedCleanly(failed, NcipReadError.ENTITY_REFUSED);
        assertThat(failed.detail()).contains("&xxe;");
    }

    @Test
    @DisplayName("billion laughs: the entity bomb is refused before any expansion")
    void billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE NCIPMessage [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">");
        }
        dtd.append("]>");
        String body = dtd + "<NCIPMessage><LookupUser><UserId><UserIdentifierValue>&lol9;</UserIdentifierValue>"
                + "</UserId></LookupUser></NCIPMessage>";

        assertRefusedCleanly(fail(utf8(body)), NcipReadError.DTD_REFUSED);
    }

    @Test
    @DisplayName("an undeclared entity reference without any DOCTYPE is refused (ENTITY_REFUSED)")
    void undeclaredEntity() {
        String body = "<NCIPMessage><LookupUser><InitiationHeader><FromAgencyId><AgencyId>P</AgencyId>"
                + "</FromAgencyId><ToAgencyId><AgencyId>US</AgencyId></ToAgencyId></InitiationHeader>"
                + "<UserId><UserIdentifierValue>&nbsp;</UserIdentifierValue></UserId></LookupUser></NCIPMessage>";

        NcipReadResult.Failed failed = fail(utf8(body));

        assertRefusedCleanly(failed, NcipReadError.ENTITY_REFUSED);
        assertThat(failed.serviceName()).as("service known before the refusal").isEqualTo("LookupUser");
        assertThat(failed.header().fromAgency()).as("header read before the refusal").contains("P");
    }

    @Test
    @DisplayName("an entity reference in an attribute value after an external DOCTYPE is refused (ENTITY_REFUSED)")
    void entityInAttributeAfterDoctype() {
        String body = "<!DOCTYPE NCIPMessage SYSTEM \"" + trapUrl("a.dtd") + "\">"
                + "<NCIPMessage><LookupAgency><AgencyId Scheme=\"&xxe;\">A</AgencyId></LookupAgency></NCIPMessage>";

        assertRefusedCleanly(fail(utf8(body)), NcipReadError.ENTITY_REFUSED);
    }

    @Test
    @DisplayName("an entity reference in an attribute value without DOCTYPE is not well-formed (MALFORMED_XML)")
    void entityInAttributeWithoutDoctype() {
        String body = "<NCIPMessage><LookupAgency><AgencyId Scheme=\"&xxe;\">A</AgencyId></LookupAgency>"
                + "</NCIPMessage>";

        assertRefusedCleanly(fail(utf8(body)), NcipReadError.MALFORMED_XML);
    }

    @Test
    @DisplayName("after an external DOCTYPE, entity-like text in comments and CDATA is still allowed")
    void entityLikeTextInCommentsAndCdata() {
        String body = "<!DOCTYPE NCIPMessage SYSTEM \"ncip_v1_0.dtd\"><NCIPMessage><!-- &not.an.entity; -->"
                + "<LookupAgency><AgencyId><![CDATA[&A;]]></AgencyId></LookupAgency></NCIPMessage>";

        assertThat(parse(utf8(body)).request()).isInstanceOfSatisfying(
                org.circgate.ncip.request.LookupAgencyRequest.class,
                request -> assertThat(request.agencyId().value()).isEqualTo("&A;"));
    }

    @Test
    @DisplayName("a DOCTYPE with an internal subset is refused even when it declares nothing")
    void emptyInternalSubset() {
        String body = "<?xml version=\"1.0\"?><!-- c --><!DOCTYPE NCIPMessage SYSTEM \"x[1].dtd\" [ ]>"
                + "<NCIPMessage><LookupAgency><AgencyId>A</AgencyId></LookupAgency></NCIPMessage>";

        assertRefusedCleanly(fail(utf8(body)), NcipReadError.DTD_REFUSED);
    }

    @Test
    @DisplayName("the five predefined entities and character references are ordinary text")
    void predefinedEntities() {
        String body = "<NCIPMessage><LookupUser><UserId><UserIdentifierValue>a&amp;b&lt;&#67;&#x44;"
                + "</UserIdentifierValue></UserId></LookupUser></NCIPMessage>";

        LookupUserRequest request = (LookupUserRequest) parse(utf8(body)).request();

        assertThat(request.user().userId().value()).isEqualTo("a&b<CD");
    }

    @Test
    @DisplayName("XInclude is not processed")
    void xincludeIgnored() {
        String body = "<NCIPMessage><LookupUser><UserId><UserIdentifierValue>u1"
                + "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + secretFile.toUri()
                + "\" parse=\"text\"/></UserIdentifierValue></UserId></LookupUser></NCIPMessage>";

        NcipReadResult result = READER.read(utf8(body));

        assertThat(result.toString()).doesNotContain(SECRET);
        assertThat(result.parsed()).get().extracting(p -> ((LookupUserRequest) p.request()).user().userId())
                .extracting(NcipUserId::value).asString().doesNotContain(SECRET);
    }

    @Test
    @DisplayName("a body over the limit is refused as BODY_TOO_LARGE (HTTP 413) without parsing")
    void bodyOverLimit() {
        NcipReader small = new NcipReader(1024, NcipReader.DEFAULT_MAX_DEPTH);
        String padding = " ".repeat(1024);
        byte[] body = utf8("<NCIPMessage><LookupAgency><AgencyId>A</AgencyId></LookupAgency></NCIPMessage>"
                + padding);

        NcipReadResult result = small.read(body);

        assertThat(result.failed()).get().satisfies(failed -> {
            assertThat(failed.error()).isEqualTo(NcipReadError.BODY_TOO_LARGE);
            assertThat(failed.detail()).contains("1024");
            assertThat(VALIDATOR.validate(WRITER.write(failed.response()))).isEmpty();
        });
        assertThat(small.exceedsLimit(1025)).isTrue();
        assertThat(small.exceedsLimit(1024)).isFalse();
    }

    @Test
    @DisplayName("an endless stream is cut at limit + 1 bytes and refused as BODY_TOO_LARGE")
    void endlessStream() throws IOException {
        NcipReader small = new NcipReader(4096, NcipReader.DEFAULT_MAX_DEPTH);
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return '<';
            }
        };

        NcipReadResult result = small.read(endless);

        assertThat(result.failed()).get().extracting(NcipReadResult.Failed::error)
                .isEqualTo(NcipReadError.BODY_TOO_LARGE);
        assertThat(served.get()).isEqualTo(4097);
    }

    @Test
    @DisplayName("a body at the limit is read from a stream")
    void streamWithinLimit() throws IOException {
        byte[] body = utf8("<NCIPMessage><LookupAgency><AgencyId>A</AgencyId></LookupAgency></NCIPMessage>");
        NcipReader exact = new NcipReader(body.length, NcipReader.DEFAULT_MAX_DEPTH);

        assertThat(exact.read(new ByteArrayInputStream(body)).isParsed()).isTrue();
    }

    @Test
    @DisplayName("nesting deeper than the limit is refused as TOO_DEEP")
    void tooDeep() {
        String body = "<NCIPMessage><LookupUser><Ext>" + "<a>".repeat(100) + "</a>".repeat(100)
                + "</Ext></LookupUser></NCIPMessage>";

        NcipReadResult.Failed failed = fail(utf8(body));

        assertRefusedCleanly(failed, NcipReadError.TOO_DEEP);
        assertThat(failed.serviceName()).isEqualTo("LookupUser");
    }

    @Test
    @DisplayName("not well-formed XML is MALFORMED_XML with the parser's position, no stack trace")
    void malformed() {
        NcipReadResult.Failed failed = fail(utf8("<NCIPMessage><LookupUser></NCIPMessage>"));

        assertRefusedCleanly(failed, NcipReadError.MALFORMED_XML);
        assertThat(failed.detail()).startsWith("not well-formed XML");
    }

    @Test
    @DisplayName("garbage after the root element is MALFORMED_XML")
    void trailingGarbage() {
        byte[] body = utf8("<NCIPMessage><LookupAgency><AgencyId>A</AgencyId></LookupAgency></NCIPMessage>"
                + "<NCIPMessage/>");

        assertRefusedCleanly(fail(body), NcipReadError.MALFORMED_XML);
    }

    @Test
    @DisplayName("bytes that are not text in the declared encoding are MALFORMED_XML")
    void badEncoding() {
        byte[] body = "<NCIPMessage><LookupAgency><AgencyId>\u00ff\u00fe</AgencyId></LookupAgency></NCIPMessage>"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertRefusedCleanly(fail(body), NcipReadError.MALFORMED_XML);
        assertRefusedCleanly(fail(utf8("<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?><NCIPMessage/>")),
                NcipReadError.MALFORMED_XML);
    }

    @Test
    @DisplayName("an empty or blank body is EMPTY_BODY; a non-NCIP root is NOT_NCIP; no service is NO_SERVICE")
    void notAnNcipRequest() {
        assertRefusedCleanly(fail(new byte[0]), NcipReadError.EMPTY_BODY);
        assertRefusedCleanly(fail(utf8(" \r\n")), NcipReadError.EMPTY_BODY);
        assertRefusedCleanly(fail(utf8("<html><body>hi</body></html>")), NcipReadError.NOT_NCIP);
        assertRefusedCleanly(fail(utf8("<NCIPMessage/>")), NcipReadError.NO_SERVICE);
        assertRefusedCleanly(fail(utf8("<NCIPMessage><Problem><ProblemType>x</ProblemType></Problem>"
                + "</NCIPMessage>")), NcipReadError.NO_SERVICE);
        assertRefusedCleanly(fail(utf8("<NCIPMessage><x:LookupUser xmlns:x=\"urn:other\"/></NCIPMessage>")),
                NcipReadError.NO_SERVICE);
    }

    @Test
    @DisplayName("limits are validated constructor arguments with named defaults")
    void limitsValidated() {
        assertThat(new NcipReader().maxBodyBytes()).isEqualTo(NcipReader.DEFAULT_MAX_BODY_BYTES).isEqualTo(1 << 20);
        assertThat(new NcipReader().maxDepth()).isEqualTo(NcipReader.DEFAULT_MAX_DEPTH);
        assertThatIllegalArgumentException().isThrownBy(() -> new NcipReader(0, 64));
        assertThatIllegalArgumentException().isThrownBy(() -> new NcipReader(NcipReader.MAX_BODY_BYTES_LIMIT + 1, 64));
        assertThatIllegalArgumentException().isThrownBy(() -> new NcipReader(1024, NcipReader.MIN_DEPTH - 1));
    }

    @Test
    @DisplayName("refusals are values: the reader never throws for any of these bodies")
    void neverThrows() {
        String[] bodies = {"<", "<?xml version=\"1.0\"?>", "<!DOCTYPE x>", "<NCIPMessage>&", "\u0000\u0001",
            "<NCIPMessage><LookupUser><UserId><UserIdentifierValue><![CDATA[x]]></UserIdentifierValue>"
                    + "</UserId></LookupUser></NCIPMessage>"};
        for (String body : bodies) {
            assertThat(READER.read(utf8(body))).as(body).isNotNull();
        }
        try {
            READER.read(new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new SocketException("connection reset");
                }
            });
        } catch (IOException expected) {
            assertThat(expected).hasMessage("connection reset");
        }
    }
}
