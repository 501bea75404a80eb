package org.circgate.sip2.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.sip2.codec.Sip2CodecTestUtil.byteBufOf;
import static org.circgate.sip2.codec.Sip2CodecTestUtil.outboundString;

import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.InvalidMessage;
import org.circgate.sip2.message.LoginRequest;
import org.circgate.sip2.message.LoginResponse;
import org.circgate.sip2.message.RequestScResend;
import org.circgate.sip2.message.Sip2DecodeError;
import org.circgate.sip2.message.Sip2Outbound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Sip2ServerCodecTest {

    private EmbeddedChannel channel;

    @BeforeEach
    void setUp() {
        channel = new EmbeddedChannel(new Sip2ServerCodec());
    }

    @AfterEach
    void tearDown() {
        assertThat(channel.finish()).isFalse();
    }

    @Test
    @DisplayName("sip2.md 1.2: the ACS echoes the SC's sequence digit; 93 with AY0 is answered 941AY0AZFDFD")
    void loginRoundTripEchoesSequence() {
        assertThat(channel.writeInbound(byteBufOf("9300CNkiosk1|COsecret|CPMAIN|AY0AZF4A8\r"))).isTrue();
        DecodedMessage decoded = channel.readInbound();
        assertThat(decoded.message()).isEqualTo(LoginRequest.of("kiosk1", "secret", "MAIN"));
        assertThat(decoded.errorDetection()).isEqualTo(ErrorDetection.sequence(0));
        assertThat(decoded.receivedChecksum()).isEqualTo(0xF4A8);

        channel.writeOutbound(Sip2Outbound.replyTo(decoded, LoginResponse.OK));
        assertThat(outboundString(channel)).isEqualTo("941AY0AZFDFD\r");
    }

    @Test
    @DisplayName("sip2.md 1.2: bad checksum -> invalid message value, answered 96AZFEF6, connection stays open")
    void badChecksumIsAValueAndAnswerable() {
        channel.writeInbound(byteBufOf("9300CNkiosk1|COsecret|CPMAIN|AY0AZF4A9\r"));
        InvalidMessage invalid = channel.readInbound();
        assertThat(invalid.error()).isEqualTo(Sip2DecodeError.BAD_CHECKSUM);
        assertThat(invalid.maskedText()).doesNotContain("secret");
        channel.writeOutbound(Sip2Outbound.replyTo(invalid, RequestScResend.INSTANCE));
        assertThat(outboundString(channel)).isEqualTo("96AZFEF6\r");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    @DisplayName("settings javadoc: a charset change applied after login governs the next response")
    void settingsChangeAppliesToNextMessage() {
        Sip2CodecSettings.apply(channel, Sip2CodecSettings.of(channel).withCharset(StandardCharsets.UTF_8));
        assertThat(Sip2CodecSettings.of(channel).charset()).isEqualTo(StandardCharsets.UTF_8);
        channel.writeOutbound(LoginResponse.OK);
        assertThat(outboundString(channel)).isEqualTo("941\r");
    }
}
