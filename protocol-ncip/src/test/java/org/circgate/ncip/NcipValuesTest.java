package org.circgate.ncip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import javax.xml.datatype.DatatypeFactory;

import org.circgate.ncip.request.UserIdentification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("value types: secrets masked, auth input kinds, dates, the schema file kept unmodified")
class NcipValuesTest {

    @Test
    @DisplayName("brief: PINs, passwords and patron ids never appear in toString")
    void masking() {
        NcipAuthInput pin = new NcipAuthInput("4321", SchemeValue.of("PIN"), null);
        NcipAuthInput barcode = new NcipAuthInput("21234000056789", SchemeValue.of("Barcode Id"), null);
        NcipUserId userId = NcipUserId.of("21234000056789");
        UserIdentification user = new UserIdentification(userId, List.of(barcode, pin));
        NcipHeader header = new NcipHeader(null, SchemeValue.of("P"), null, null, SchemeValue.of("US"), null,
                "system-secret", "agency-secret");

        assertThat(pin.toString() + barcode + userId + user + header)
                .doesNotContain("4321").doesNotContain("21234000056789")
                .doesNotContain("system-secret").doesNotContain("agency-secret")
                .contains("PIN").contains("BARCODE_ID");
        assertThat(pin.isSecret()).isTrue();
        assertThat(barcode.isSecret()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource({"Barcode Id,BARCODE_ID", "barcode,BARCODE_ID", "PIN,PIN", "pin,PIN", "Password,PASSWORD",
        "Username,USERNAME", "User Name,USERNAME", "User Id,USER_ID", "user_id,USER_ID", "Fingerprint,OTHER"})
    @DisplayName("ncip.md 6.1: AuthenticationInputType Barcode Id / PIN / Password / Username / User Id, any case")
    void authInputKinds(String type, NcipAuthInput.Kind kind) {
        assertThat(NcipAuthInput.Kind.of(type)).isEqualTo(kind);
    }

    @Test
    @DisplayName("patron identifier precedence: UserId, then Barcode Id, User Id, Username inputs")
    void patronIdentifier() {
        NcipAuthInput username = new NcipAuthInput("ada", SchemeValue.of("Username"), null);
        NcipAuthInput barcode = new NcipAuthInput("b1", SchemeValue.of("Barcode Id"), null);

        assertThat(new UserIdentification(null, List.of(username, barcode)).patronIdentifier()).contains("b1");
        assertThat(new UserIdentification(NcipUserId.of("u1"), List.of(barcode)).patronIdentifier()).contains("u1");
        assertThat(UserIdentification.none().patronIdentifier()).isEmpty();
        assertThat(UserIdentification.none().isEmpty()).isTrue();
    }

    @Test
    @DisplayName("dates: offset kept, zoneless read in the caller's zone, date-only flagged, bare time absent")
    void dates() throws Exception {
        DatatypeFactory types = DatatypeFactory.newDefaultInstance();

        NcipDateTime zoned = NcipDateTime.fromXml(types.newXMLGregorianCalendar("2026-12-01T23:59:00+01:00"));
        NcipDateTime zoneless = NcipDateTime.fromXml(types.newXMLGregorianCalendar("2026-12-01T23:59:00"));
        NcipDateTime dateOnly = NcipDateTime.fromXml(types.newXMLGregorianCalendar("2026-12-01"));

        assertThat(zoned.toInstant(ZoneId.of("Asia/Tokyo"))).isEqualTo(Instant.parse("2026-12-01T22:59:00Z"));
        assertThat(zoned.offset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(zoneless.toInstant(ZoneOffset.UTC)).isEqualTo(Instant.parse("2026-12-01T23:59:00Z"));
        assertThat(dateOnly.dateOnly()).isTrue();
        assertThat(dateOnly.localDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 1, 0, 0));
        assertThat(NcipDateTime.fromXml(types.newXMLGregorianCalendar("23:59:00"))).isNull();
        assertThat(NcipDateTime.fromXml(null)).isNull();
    }

    @Test
    @DisplayName("value records validate their inputs")
    void validation() {
        assertThatIllegalArgumentException().isThrownBy(() -> new NcipBibliographicId(null, null, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new NcipLocation(SchemeValue.of("Permanent"),
                List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new NcipLocation.Level(0, "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> NcipItemInfo.builder().holdQueueLength(-1).build());
    }

    @Test
    @DisplayName("issue 7: the official schema is kept unmodified (sha256 as recorded in ORIGIN.md)")
    void schemaUnmodified() throws Exception {
        byte[] schema = NcipFixtures.resource(Ncip.SCHEMA_RESOURCE);

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(schema));

        assertThat(sha256).isEqualTo("bc264fb79994408cba0ca573b7af7ddfbdcbc2fd766b346740ddf650f1185da7");
        assertThat(new String(NcipFixtures.resource("/ncip/ORIGIN.md"), StandardCharsets.UTF_8)).contains(sha256);
    }
}
