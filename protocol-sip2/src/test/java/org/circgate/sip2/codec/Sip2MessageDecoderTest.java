package org.circgate.sip2.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.sip2.codec.Sip2CodecTestUtil.byteBufOf;

import io.netty.channel.embedded.EmbeddedChannel;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.ErrorDetectionMode;
import org.circgate.sip2.Sip2CodecException;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2Role;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.InvalidMessage;
import org.circgate.sip2.message.PatronStatusRequest;
import org.circgate.sip2.message.RequestAcsResend;
import org.circgate.sip2.message.ScStatusRequest;
import org.circgate.sip2.message.Sip2DecodeError;
import org.circgate.sip2.message.Sip2Inbound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Content errors are values (issue 3 "error detection"), each with its exact reason. */
class Sip2MessageDecoderTest {

    private EmbeddedChannel channel = new EmbeddedChannel(
            new Sip2MessageDecoder(Sip2Role.SERVER, Sip2CodecSettings.DEFAULTS));

    @AfterEach
    void tearDown() {
        assertThat(channel.finish()).isFalse();
    }

    private Sip2Inbound decode(String line) {
        assertThat(channel.writeInbound(byteBufOf(line + "\r"))).isTrue();
        Sip2Inbound inbound = channel.readInbound();
        assertThat((Object) channel.readInbound()).isNull();
        return inbound;
    }

    private InvalidMessage invalid(String line) {
        Sip2Inbound inbound = decode(line);
        assertThat(inbound).isInstanceOf(InvalidMessage.class);
        assertThat(inbound.decoderResult().isFailure()).isTrue();
        assertThat(inbound.decoderResult().cause()).isInstanceOf(Sip2CodecException.class);
        return (InvalidMessage) inbound;
    }

    @Test
    @DisplayName("sip2.md 1.2: a wrong checksum is BAD_CHECKSUM, naming the expected value; trailer still reported")
    void badChecksum() {
        InvalidMessage invalid = invalid("9900302.00AY1AZFCA6");
        assertThat(invalid.error()).isEqualTo(Sip2DecodeError.BAD_CHECKSUM);
        assertThat(invalid.detail()).isEqualTo("checksum FCA6 does not match the bytes (expected FCA5)");
        assertThat(invalid.command()).isEqualTo(Sip2Command.SC_STATUS);
        assertThat(invalid.errorDetection()).isEqualTo(ErrorDetection.sequence(1));
        assertThat(invalid.receivedChecksum()).isEqualTo(0xFCA6);
    }

    @Test
    @DisplayName("sip2.md 1.2: lower-case hex checksums from lenient SCs verify")
    void lowerCaseHexAccepted() {
        assertThat(decode("9900302.00AY1AZfca5")).isInstanceOf(DecodedMessage.class);
    }

    @Test
    @DisplayName("sip2.md 1.2 pitfall: the trailer is read from the tail, so 'AY' inside a value cannot confuse it")
    void ayInsideValue() {
        DecodedMessage decoded = (DecodedMessage) decode(
                "2300120240417    083058AOAYMAIN|AA21234567890|AC|AD1234|AY2AZF184");
        assertThat(((PatronStatusRequest) decoded.message()).institutionId()).isEqualTo("AYMAIN");
        assertThat(decoded.errorDetection()).isEqualTo(ErrorDetection.sequence(2));
    }

    @Test
    @DisplayName("a delimiter between the sequence digit and AZ ('AY1|AZ') is tolerated")
    void delimiterBeforeAz() {
        DecodedMessage decoded = (DecodedMessage) decode("9900302.00AY1|AZFC29");
        assertThat(decoded.errorDetection()).isEqualTo(ErrorDetection.sequence(1));
        assertThat(((ScStatusRequest) decoded.message()).extensions()).isEmpty();
    }

    @Test
    @DisplayName("sip2.md 1.2: 97AZFEF5 is the short-form resend request, AZ without AY")
    void requestAcsResendShortForm() {
        DecodedMessage decoded = (DecodedMessage) decode("97AZFEF5");
        assertThat(decoded.message()).isEqualTo(RequestAcsResend.INSTANCE);
        assertThat(decoded.errorDetection()).isEqualTo(ErrorDetection.checksumOnly());
    }

    @Test
    @DisplayName("ED mode AUTO: a message without a trailer is accepted (Koha/SIPServer auto-detect)")
    void autoModeAcceptsNoTrailer() {
        DecodedMessage decoded = (DecodedMessage) decode("9900302.00");
        assertThat(decoded.errorDetection()).isEqualTo(ErrorDetection.none());
        assertThat(decoded.receivedChecksum()).isEqualTo(Sip2Inbound.NO_CHECKSUM);
    }

    @Test
    @DisplayName("ED mode REQUIRED: a message without a checksum is MISSING_CHECKSUM (SirsiDynix-style)")
    void requiredModeRejectsNoTrailer() {
        Sip2CodecSettings.apply(channel, Sip2CodecSettings.DEFAULTS.withErrorDetection(ErrorDetectionMode.REQUIRED));
        assertThat(invalid("9900302.00").error()).isEqualTo(Sip2DecodeError.MISSING_CHECKSUM);
        assertThat(decode("9900302.00AY1AZFCA5")).isInstanceOf(DecodedMessage.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("sip2.md 1.1 tolerant parsing, yet every content error is named")
    @CsvSource(delimiter = ';', value = {
        "XY123; UNKNOWN_COMMAND; not a SIP2 2.00 command code",
        "88; UNKNOWN_COMMAND; not a SIP2 2.00 command code",
        "941; UNEXPECTED_COMMAND; LOGIN_RESPONSE is not sent to the server",
        "9; EMPTY; a message has at least a 2-character command code",
        "2300120240417; SHORT_FIXED_PART; message ends inside fixed field 'transaction date'",
        "2300120240417    08305XAOMAIN|; BAD_DATE; 'transaction date' is not a SIP2 date: '20240417    08305X'",
        "2300120241317    083058AOMAIN|; BAD_DATE; 'transaction date' is not a SIP2 date: '20241317    083058'",
        "2300120240230    083058AOMAIN|; BAD_DATE; 'transaction date' is not a SIP2 date: '20240230    083058'",
        "11XN20240417    083100                  AOMAIN|; BAD_FIXED_FIELD; fixed field 'SC renewal policy' has an invalid value 'X'",
        "6300120240417    083058 Y        AOMAIN|BPfirst|; BAD_FIELD_VALUE; field BP is not a number: 'first'",
        "11YN20240417    083100                  AOMAIN|BOmaybe|; BAD_FIELD_VALUE; field BO is not Y or N: 'maybe'",
        "1520240417    083700; BAD_FIXED_FIELD; fixed field 'hold mode' has an invalid value '2'",
    })
    void contentErrorsAreValues(String line, Sip2DecodeError error, String detail) {
        InvalidMessage invalid = invalid(line);
        assertThat(invalid.error()).isEqualTo(error);
        assertThat(invalid.detail()).isEqualTo(detail);
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    @DisplayName("sip2.md 1.1: leap day 2024-02-29 is a valid date")
    void leapDay() {
        assertThat(decode("1720240229    083400AOMAIN|AB1|")).isInstanceOf(DecodedMessage.class);
    }

    @Test
    @DisplayName("invalid messages never show AC/AD/CO values, even when the fixed part is broken")
    void maskedTextHidesSecrets() {
        InvalidMessage invalid = invalid("9300CNkiosk|COhunter2|CPMAIN|AY0AZ0000");
        assertThat(invalid.maskedText()).isEqualTo("9300CNkiosk|CO***|CPMAIN|AY0AZ0000");
        InvalidMessage shortOne = invalid("23001ADsecretpin|");
        assertThat(shortOne.maskedText()).doesNotContain("secretpin");
        assertThat(shortOne.toString()).doesNotContain("secretpin");
    }

    @Test
    @DisplayName("issue 3: an identical resend has the same resend key, a different message a different one")
    void resendKey() {
        String checkout = "11YN20240417    083100                  AOMAIN|AA21234567890|AB31234000111|AC|AD1234|AY4AZECB6";
        long first = decode(checkout).resendKey();
        long again = decode(checkout).resendKey();
        long other = decode("11YN20240417    083100                  AOMAIN|AA21234567890|AB31234000112|AC|AD1234|")
                .resendKey();
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }
}
