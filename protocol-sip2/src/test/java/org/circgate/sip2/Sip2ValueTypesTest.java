package org.circgate.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shared vocabulary: code tables, flag sets, dates, settings validation. */
class Sip2ValueTypesTest {

    @Test
    @DisplayName("sip2.md 1.3: dates are YYYYMMDDZZZZHHMMSS, four spaces local, '   Z' UTC")
    void dates() {
        Sip2DateTime local = Sip2DateTime.local(LocalDateTime.of(2024, 4, 17, 8, 30, 58));
        assertThat(local.toWire()).isEqualTo("20240417    083058");
        assertThat(Sip2DateTime.utc(Instant.parse("2024-04-17T08:30:58Z")).toWire()).isEqualTo("20240417   Z083058");
        assertThat(Sip2DateTime.parse("20240417   Z083058").isUtc()).isTrue();
        assertThatThrownBy(() -> Sip2DateTime.parse("20240431    083058"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sip2DateTime(2024, 4, 17, 8, 30, 58, "\r   "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("sip2.md 1.4: patron status is 14 positions, Y = condition true; unknown patron is YYYY + 10 spaces")
    void patronStatus() {
        assertThat(PatronStatus.UNKNOWN_PATRON.toWire()).isEqualTo("YYYY          ");
        assertThat(PatronStatus.NONE.toWire()).isEqualTo(" ".repeat(14));
        PatronStatus parsed = PatronStatus.parse("    Y     Y   ");
        assertThat(parsed.flags()).containsExactly(PatronStatus.Flag.CARD_REPORTED_LOST,
                PatronStatus.Flag.EXCESSIVE_OUTSTANDING_FINES);
        assertThat(PatronStatus.Flag.TOO_MANY_ITEMS_BILLED.position()).isEqualTo(14);
    }

    @Test
    @DisplayName("sip2.md 1.4: BX is 16 positions in spec order; longer values (Libki#351) are tolerated")
    void supportedMessages() {
        SupportedMessages some = SupportedMessages.of(Sip2Command.PATRON_STATUS_REQUEST, Sip2Command.RENEW_ALL);
        assertThat(some.toWire()).isEqualTo("YNNNNNNNNNNNNNNY");
        assertThat(SupportedMessages.parse("YNNNNNNNNNNNNNNYYY")).isEqualTo(some);
        assertThatThrownBy(() -> SupportedMessages.of(Sip2Command.CHECKOUT_RESPONSE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("sip2.md 1.4: code tables keep their wire codes; unknown codes read as the spec's catch-all")
    void codeTables() {
        assertThat(Language.of(24)).isEqualTo(Language.UNITED_KINGDOM);
        assertThat(Language.of(999)).isEqualTo(Language.UNKNOWN);
        assertThat(CirculationStatus.IN_TRANSIT.code()).isEqualTo("10");
        assertThat(CirculationStatus.of(42)).isEqualTo(CirculationStatus.OTHER);
        assertThat(MediaType.BOOK_WITH_AUDIO_TAPE.code()).isEqualTo("010");
        assertThat(AlertType.of(99)).isEqualTo(AlertType.OTHER);
        assertThat(AlertType.ofNumber(5)).isNull();
        assertThat(FeeType.HOLD_FEE.code()).isEqualTo("09");
        assertThat(HoldMode.of('*')).isEqualTo(HoldMode.CHANGE);
        assertThat(Sip2Command.of("09")).isEqualTo(Sip2Command.CHECKIN);
        assertThat(Sip2Command.of("00")).isEqualTo(Sip2Command.UNKNOWN);
    }

    @Test
    @DisplayName("sip2.md 1.2: the sequence number wraps 9 -> 0 (SIP2.NET#4)")
    void sequenceWraps() {
        assertThat(ErrorDetection.sequence(9).next()).isEqualTo(ErrorDetection.sequence(0));
        assertThat(ErrorDetection.none().next()).isEqualTo(ErrorDetection.sequence(0));
        assertThatThrownBy(() -> ErrorDetection.sequence(10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("field IDs are an open set: any two letters/digits, cached; anything else is refused")
    void fieldIds() {
        assertThat(FieldId.of("CV")).isSameAs(FieldId.ALERT_TYPE);
        assertThat(FieldId.of("zz").code()).isEqualTo("zz");
        assertThat(FieldId.of('|', 'A')).isNull();
        assertThatThrownBy(() -> FieldId.of("A|")).isInstanceOf(IllegalArgumentException.class);
        assertThat(FieldId.LOGIN_PASSWORD.isSecret()).isTrue();
        assertThat(FieldId.PATRON_IDENTIFIER.isSecret()).isFalse();
    }

    @Test
    @DisplayName("brief 'limits': settings are validated in the constructor with named defaults")
    void settingsValidation() {
        assertThat(Sip2CodecSettings.DEFAULTS.charset()).isEqualTo(Charset.forName("IBM850"));
        assertThat(Sip2CodecSettings.DEFAULTS.maxFrameLength()).isEqualTo(4096);
        assertThat(Sip2CodecSettings.DEFAULTS.errorDetection()).isEqualTo(ErrorDetectionMode.AUTO);
        assertThatThrownBy(() -> Sip2CodecSettings.DEFAULTS.withFieldDelimiter('A'))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sip2CodecSettings.DEFAULTS.withFieldDelimiter('\r'))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sip2CodecSettings.DEFAULTS.withCharset(StandardCharsets.UTF_16))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sip2CodecSettings.DEFAULTS.withMaxFrameLength(10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sip2CodecSettings.DEFAULTS.withMaxFrameLength(Sip2CodecSettings.MAX_FRAME_LENGTH + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Sip2CodecSettings.DEFAULTS.withCharset(Charset.forName("windows-1252")).charset().name())
                .isEqualTo("windows-1252");
    }

    @Test
    @DisplayName("sip2.md 1.4: payment types and currencies are open sets (vendor codes, new ISO codes)")
    void openCodeSets() {
        assertThat(PaymentType.of("00")).isSameAs(PaymentType.CASH);
        assertThat(PaymentType.of("06").isStandard()).isFalse();
        assertThat(CurrencyType.of("ZAR").toCurrency()).isPresent();
        assertThat(CurrencyType.of("XYZ").toCurrency()).isEmpty();
        assertThatThrownBy(() -> CurrencyType.of("EURO")).isInstanceOf(IllegalArgumentException.class);
    }
}
