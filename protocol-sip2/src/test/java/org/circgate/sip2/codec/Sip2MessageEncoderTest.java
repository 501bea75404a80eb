package org.circgate.sip2.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.circgate.sip2.codec.Sip2CodecTestUtil.outboundString;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.ErrorDetectionMode;
import org.circgate.sip2.Language;
import org.circgate.sip2.PatronStatus;
import org.circgate.sip2.Sip2CodecException;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Role;
import org.circgate.sip2.SupportedMessages;
import org.circgate.sip2.message.AcsStatusResponse;
import org.circgate.sip2.message.LoginResponse;
import org.circgate.sip2.message.PatronInformationResponse;
import org.circgate.sip2.message.PatronStatusResponse;
import org.circgate.sip2.message.RequestAcsResend;
import org.circgate.sip2.message.RequestScResend;
import org.circgate.sip2.message.ScStatusRequest;
import org.circgate.sip2.message.Sip2Message;
import org.circgate.sip2.message.Sip2Outbound;
import org.circgate.sip2.ScStatusCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Encoder rules: trailers, output safety (issue 3), charsets and transliteration. */
class Sip2MessageEncoderTest {

    private static final Sip2DateTime WHEN = new Sip2DateTime(2024, 4, 17, 8, 30, 58, Sip2DateTime.LOCAL);

    private final EmbeddedChannel channel = new EmbeddedChannel(
            new Sip2MessageEncoder(Sip2Role.SERVER, Sip2CodecSettings.DEFAULTS));

    @AfterEach
    void tearDown() {
        assertThat(channel.finish()).isFalse();
    }

    private void testEncode(Object message, String expected) {
        assertThat(channel.writeOutbound(message)).isTrue();
        assertThat(outboundString(channel)).isEqualTo(expected);
    }

    private static PatronStatusResponse.Builder patron() {
        return PatronStatusResponse.builder().language(Language.ENGLISH).transactionDate(WHEN)
                .institutionId("MAIN").patronIdentifier("21234567890");
    }

    @Test
    @DisplayName("sip2.md 1.8: the worked 24 example, AY2 echoed, checksum EC78")
    void workedPatronStatusExample() {
        PatronStatusResponse response = patron().personalName("Doe, Jane").validPatron(true)
                .validPatronPassword(true).build();
        testEncode(Sip2Outbound.of(response, ErrorDetection.sequence(2)),
                "24              00120240417    083058AOMAIN|AA21234567890|AEDoe, Jane|BLY|CQY|AY2AZEC78\r");
    }

    @Test
    @DisplayName("sip2.md 1.4: unknown patron is YYYY + 10 spaces; required AE is sent even when empty")
    void unknownPatron() {
        testEncode(patron().patronStatus(PatronStatus.UNKNOWN_PATRON).validPatron(false).build(),
                "24YYYY          00120240417    083058AOMAIN|AA21234567890|AE|BLN|\r");
    }

    @Test
    @DisplayName("sip2.md 1.2: 96 short forms, with and without error detection")
    void requestScResend() {
        testEncode(Sip2Outbound.of(RequestScResend.INSTANCE, ErrorDetection.checksumOnly()), "96AZFEF6\r");
        testEncode(Sip2Outbound.of(RequestScResend.INSTANCE, ErrorDetection.sequence(3)), "96AZFEF6\r");
        testEncode(RequestScResend.INSTANCE, "96\r");
    }

    @Test
    @DisplayName("ED mode REQUIRED: a bare response still gets a trailer (AY0), a bare 96 the short form")
    void requiredModeAddsTrailer() {
        Sip2CodecSettings.apply(channel, Sip2CodecSettings.DEFAULTS.withErrorDetection(ErrorDetectionMode.REQUIRED));
        testEncode(LoginResponse.OK, "941AY0AZFDFD\r");
        testEncode(RequestScResend.INSTANCE, "96AZFEF6\r");
    }

    @Test
    @DisplayName("issue 3 output safety: delimiter, CR and LF inside a value cannot split a field or a message")
    void valuesCannotSplit() {
        PatronStatusResponse response = patron().personalName("Doe|Jane\r\nAOEVIL").screenMessages("a|b\rc")
                .build();
        testEncode(response,
                "24              00120240417    083058AOMAIN|AA21234567890|AEDoe Jane  AOEVIL|AFa b c|\r");
    }

    @Test
    @DisplayName("issue 3 output safety: the configured delimiter (not only '|') is what gets replaced")
    void otherDelimiter() {
        Sip2CodecSettings.apply(channel, Sip2CodecSettings.DEFAULTS.withFieldDelimiter('^'));
        testEncode(patron().personalName("a^b|c").build(),
                "24              00120240417    083058AOMAIN^AA21234567890^AEa b|c^\r");
    }

    @Test
    @DisplayName("sip2.md 1.1: variable fields are capped at 255 characters")
    void valueCap() {
        String name = "x".repeat(300);
        testEncode(patron().personalName(name).build(),
                "24              00120240417    083058AOMAIN|AA21234567890|AE" + "x".repeat(255) + "|\r");
    }

    @Test
    @DisplayName("sip2.md 3.2: ASCII transliteration for legacy devices ('béè♁ts' -> 'bee?ts', ß -> ss)")
    void transliteration() {
        Sip2CodecSettings.apply(channel, Sip2CodecSettings.DEFAULTS.withAsciiTransliteration(true));
        testEncode(patron().personalName("béè♁ts Straße").build(),
                "24              00120240417    083058AOMAIN|AA21234567890|AEbee?ts Strasse|\r");
    }

    @Test
    @DisplayName("characters the charset cannot encode become '?', never an exception")
    void unmappableCharacters() {
        testEncode(patron().personalName("Zoë 漢").build(),
                "24              00120240417    083058AOMAIN|AA21234567890|AEZoë ?|\r");
        Sip2CodecSettings.apply(channel, Sip2CodecSettings.DEFAULTS.withCharset(StandardCharsets.UTF_8));
        assertThat(channel.writeOutbound(patron().personalName("漢😀").build())).isTrue();
        assertThat(outboundString(channel, StandardCharsets.UTF_8)).contains("|AE漢😀|");
    }

    @Test
    @DisplayName("sip2.md 1.4: BX is always exactly 16 Y/N positions")
    void supportedMessagesSixteen() {
        AcsStatusResponse status = AcsStatusResponse.builder().onlineStatus(true).checkinOk(true).checkoutOk(true)
                .timeoutPeriod(600).retriesAllowed(3).dateTimeSync(WHEN).protocolVersion("2.00")
                .institutionId("MAIN").supportedMessages(SupportedMessages.ALL).build();
        testEncode(status, "98YYYNNN60000320240417    0830582.00AOMAIN|BXYYYYYYYYYYYYYYYY|\r");
    }

    @Test
    @DisplayName("sip2.md 1.5: 64 counts are zero-padded, clamped at 9999, 4 spaces when not supported")
    void counts() {
        PatronInformationResponse response = PatronInformationResponse.builder().language(Language.ENGLISH)
                .transactionDate(WHEN).holdItemsCount(3).overdueItemsCount(12345).institutionId("MAIN")
                .patronIdentifier("1").personalName("A").chargedItems(List.of("b1", "b2")).build();
        testEncode(response, "64              00120240417    08305800039999                "
                + "AOMAIN|AA1|AEA|AUb1|AUb2|\r");
    }

    @Test
    @DisplayName("a server never encodes a request: the write fails with Sip2CodecException")
    void serverRefusesRequests() {
        ScStatusRequest request = new ScStatusRequest(ScStatusCode.OK, 30, "2.00", List.of());
        assertThatThrownBy(() -> channel.writeOutbound(request))
                .isInstanceOf(EncoderException.class)
                .hasCauseInstanceOf(Sip2CodecException.class)
                .hasMessageContaining("the server does not send SC_STATUS (99)");
    }

    @Test
    @DisplayName("client role, ED REQUIRED: bare requests are numbered AY0..AY9 and wrap to AY0 (SIP2.NET#4)")
    void clientSequenceWraps() {
        EmbeddedChannel client = new EmbeddedChannel(new Sip2ClientCodec(
                Sip2CodecSettings.DEFAULTS.withErrorDetection(ErrorDetectionMode.REQUIRED)));
        Sip2Message request = new ScStatusRequest(ScStatusCode.OK, 30, "2.00", List.of());
        StringBuilder sequence = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            client.writeOutbound(request);
            String line = outboundString(client);
            sequence.append(line.charAt(line.indexOf("AY") + 2));
        }
        assertThat(sequence.toString()).isEqualTo("01234567890");
        client.writeOutbound(RequestAcsResend.INSTANCE);
        assertThat(outboundString(client)).isEqualTo("97AZFEF5\r");
        assertThat(client.finish()).isFalse();
    }
}
