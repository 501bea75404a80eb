package org.circgate.sip2.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.List;
import java.util.stream.Stream;
import org.circgate.sip2.AlertType;
import org.circgate.sip2.CirculationStatus;
import org.circgate.sip2.CurrencyType;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.FeeType;
import org.circgate.sip2.HoldMode;
import org.circgate.sip2.HoldType;
import org.circgate.sip2.Language;
import org.circgate.sip2.MediaType;
import org.circgate.sip2.PatronStatus;
import org.circgate.sip2.PaymentType;
import org.circgate.sip2.SecurityMarker;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;
import org.circgate.sip2.Sip2Role;
import org.circgate.sip2.Summary;
import org.circgate.sip2.SupportedMessages;
import org.circgate.sip2.Tristate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden wire lines, one per SIP2 2.00 message type (sip2.md 1.5 layouts, 1.8 worked examples; checksums computed
 * over the CP850 bytes), plus vendor captures. Each is decoded by the role that receives it and written back by the
 * role that sends it.
 */
class Sip2GoldenSamplesTest {

    private static final Sip2CodecSettings CP850 = Sip2CodecSettings.DEFAULTS;

    static Stream<Arguments> everyMessageType() {
        return Stream.of(
            row("LoginRequest", "9300CNkiosk1|COsecret|CPMAIN|AY0AZF4A8"),
            row("LoginResponse", "941AY0AZFDFD"),
            row("ScStatusRequest", "9900302.00AY1AZFCA5"),
            row("AcsStatusResponse", "98YYYNYN60000320240417    0830002.00AOMAIN|AMMain Library|BXYYYNYYYYYYYNNYYY|ANKIOSK1|AY1AZE60A"),
            row("PatronStatusRequest", "2300120240417    083058AOMAIN|AA21234567890|AC|AD1234|AY2AZF21E"),
            row("PatronStatusResponse", "24              00120240417    083058AOMAIN|AA21234567890|AEDoe, Jane|BLY|CQY|AY2AZEC78"),
            row("PatronInformationRequest", "6300120240417    083058 Y        AOMAIN|AA21234567890|AC|AD1234|BP1|BQ5|AY3AZEE1D"),
            row("PatronInformationResponse", "64  Y           00120240417    083100000000020003000100000000AOMAIN|AA21234567890|AEDoe, Jane|BZ0010|CA0005|CB0020|BLY|CQY|BHUSD|BV2.50|ATcopy1|ATcopy2|BDMain St 1|BEjane@example.org|BF555-1234|AFYou have overdue items|AY3AZC19D"),
            row("CheckoutRequest", "11YN20240417    083100                  AOMAIN|AA21234567890|AB31234000111|AC|AD1234|AY4AZECB6"),
            row("CheckoutResponse", "121NNY20240417    083100AOMAIN|AA21234567890|AB31234000111|AJThe Hobbit|AH20240508    235900|BT04|CK001|AFDue 8 May|AY4AZE183"),
            row("CheckinRequest", "09N20240417    08320020240417    083200APMAIN|AOMAIN|AB31234000111|AC|AY5AZEEDB"),
            row("CheckinResponse", "101YNY20240417    083200AOMAIN|AB31234000111|AQMAIN|AJThe Hobbit|CLB2|CK001|CRADULT|CS823.912 TOL|CTBRANCH2|CV02|CYP0001|DAJane Doe|AFHold for another library|AY5AZD012"),
            row("BlockPatronRequest", "01N20240417    083300AOMAIN|ALCard retained by kiosk|AA21234567890|AC|AY6AZEB0B"),
            row("ItemInformationRequest", "1720240417    083400AOMAIN|AB31234000111|AC|AY7AZF499"),
            row("ItemInformationResponse", "1803020120240417    083400CF0|AH20240508    235900|CJ20240501    120000|AB31234000111|AJThe Hobbit|BGMAIN|BHUSD|BV0.00|CK001|AQMAIN|APMAIN|AY7AZDC59"),
            row("ItemStatusUpdateRequest", "1920240417    083500AOMAIN|AB31234000111|AC|CHmagnetic|AY8AZF046"),
            row("ItemStatusUpdateResponse", "20120240417    083500AB31234000111|AJThe Hobbit|CHmagnetic|AY8AZEEAE"),
            row("PatronEnableRequest", "2520240417    083600AOMAIN|AA21234567890|AC|AD1234|AY9AZF2AD"),
            row("PatronEnableResponse", "26              00120240417    083600AOMAIN|AA21234567890|AEDoe, Jane|BLY|CQY|AY9AZEC76"),
            row("HoldRequest", "15+20240417    083700BW20240517    235959|BSBRANCH2|BY2|AOMAIN|AA21234567890|AD1234|AB31234000111|AJThe Hobbit|AC|BON|AY0AZE0CC"),
            row("HoldResponse", "161N20240417    083700BW20240517    235959|BR3|BSBRANCH2|AOMAIN|AA21234567890|AB31234000111|AJThe Hobbit|AFHold placed|AY0AZDF90"),
            row("RenewRequest", "29NN20240417    083800                  AOMAIN|AA21234567890|AD1234|AB31234000111|AC|BOY|AY1AZEB4E"),
            row("RenewResponse", "301YNN20240417    083800AOMAIN|AA21234567890|AB31234000111|AJThe Hobbit|AH20240522    235900|AY1AZE854"),
            row("RenewAllRequest", "6520240417    083900AOMAIN|AA21234567890|AD1234|AC|BON|AY2AZF152"),
            row("RenewAllResponse", "6610002000120240417    083900AOMAIN|BM31234000111|BM31234000222|BN31234000333|AFOne item could not be renewed|AY2AZE1E8"),
            row("FeePaidRequest", "3720240417    0840000400USDBV2.50|AOMAIN|AA21234567890|AC|AD1234|CGfee-77|BKtx-1|AY3AZEA08"),
            row("FeePaidResponse", "38Y20240417    084000AOMAIN|AA21234567890|BKtx-1|AFPayment accepted|AY3AZEB99"),
            row("EndPatronSessionRequest", "3520240417    084100AOMAIN|AA21234567890|AC|AD1234|AY4AZF2B5"),
            row("EndSessionResponse", "36Y20240417    084100AOMAIN|AA21234567890|AFGoodbye|AY4AZF15A"),
            row("RequestAcsResend", "97AZFEF5"),
            row("RequestScResend", "96AZFEF6"));
    }

    private static Arguments row(String type, String line) {
        return Arguments.of(type, line);
    }

    static Sip2Message decode(String line) {
        return decodeInbound(line, CP850).message();
    }

    static DecodedMessage decodeInbound(String line, Sip2CodecSettings settings) {
        byte[] bytes = line.getBytes(settings.charset());
        Sip2Command command = Sip2Command.of(line.substring(0, 2));
        Sip2Role receiver = command.isRequest() ? Sip2Role.SERVER : Sip2Role.CLIENT;
        Sip2Inbound inbound = new Sip2MessageReader(receiver).read(bytes, 0, bytes.length, settings);
        assertThat(inbound).as("decoded %s", line).isInstanceOf(DecodedMessage.class);
        return (DecodedMessage) inbound;
    }

    static String encode(Sip2Message message, ErrorDetection trailer, Sip2CodecSettings settings) {
        Sip2Role sender = message.command().isRequest() ? Sip2Role.CLIENT : Sip2Role.SERVER;
        byte[] bytes = new Sip2MessageWriter(sender).toBytes(message, trailer, settings);
        return new String(bytes, settings.charset());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyMessageType")
    @DisplayName("sip2.md 1.5: each message type decodes from a realistic wire line and encodes back byte for byte")
    void decodesAndEncodesBack(String type, String line) {
        DecodedMessage decoded = decodeInbound(line, CP850);
        assertThat(decoded.message().getClass().getSimpleName()).isEqualTo(type);
        assertThat(decoded.message().extensions()).isEmpty();
        assertThat(decoded.errorDetection().isEnabled()).isTrue();
        assertThat(encode(decoded.message(), decoded.errorDetection(), CP850)).isEqualTo(line + "\r");
    }

    @Test
    @DisplayName("every SIP2 2.00 command has a golden line")
    void everyCommandIsCovered() {
        List<String> covered = everyMessageType().map(a -> ((String) a.get()[1]).substring(0, 2)).toList();
        for (Sip2Command command : Sip2Command.values()) {
            if (command != Sip2Command.UNKNOWN) {
                assertThat(covered).as("golden line for %s", command).contains(command.code());
            }
        }
    }

    @Test
    @DisplayName("93: CN/CO/CP and the plain-text algorithm digits")
    void login() {
        LoginRequest login = (LoginRequest) decode("9300CNkiosk1|COsecret|CPMAIN|AY0AZF4A8");
        assertThat(login).isEqualTo(LoginRequest.of("kiosk1", "secret", "MAIN"));
        assertThat(login.toString()).doesNotContain("secret");
    }

    @Test
    @DisplayName("98: fixed flags, timeout in tenths, retries, BX positions in spec order")
    void acsStatus() {
        AcsStatusResponse status = (AcsStatusResponse) decode("98YYYNYN60000320240417    0830002.00AOMAIN|"
                + "AMMain Library|BXYYYNYYYYYYYNNYYY|ANKIOSK1|AY1AZE60A");
        assertThat(status.onlineStatus()).isTrue();
        assertThat(status.acsRenewalPolicy()).isFalse();
        assertThat(status.offlineOk()).isFalse();
        assertThat(status.timeoutPeriod()).isEqualTo(600);
        assertThat(status.retriesAllowed()).isEqualTo(3);
        assertThat(status.dateTimeSync()).isEqualTo(new Sip2DateTime(2024, 4, 17, 8, 30, 0, Sip2DateTime.LOCAL));
        assertThat(status.supportedMessages().supports(Sip2Command.BLOCK_PATRON)).isFalse();
        assertThat(status.supportedMessages().supports(Sip2Command.ITEM_STATUS_UPDATE)).isFalse();
        assertThat(status.supportedMessages().supports(Sip2Command.PATRON_ENABLE)).isFalse();
        assertThat(status.supportedMessages().supports(Sip2Command.HOLD)).isTrue();
        assertThat(status.libraryName()).isEqualTo("Main Library");
        assertThat(status.terminalLocation()).isEqualTo("KIOSK1");
    }

    @Test
    @DisplayName("23: empty AC is still a present, empty required field")
    void patronStatusRequest() {
        PatronStatusRequest request = (PatronStatusRequest) decode(
                "2300120240417    083058AOMAIN|AA21234567890|AC|AD1234|AY2AZF21E");
        assertThat(request.language()).isEqualTo(Language.ENGLISH);
        assertThat(request.terminalPassword()).isEmpty();
        assertThat(request.patronPassword()).isEqualTo("1234");
        assertThat(request.toString()).contains("patronPassword=***").doesNotContain("=1234");
    }

    @Test
    @DisplayName("63: summary position 2 selects the overdue list; BP/BQ page it")
    void patronInformationRequest() {
        PatronInformationRequest request = (PatronInformationRequest) decode(
                "6300120240417    083058 Y        AOMAIN|AA21234567890|AC|AD1234|BP1|BQ5|AY3AZEE1D");
        assertThat(request.summary().requested()).isEqualTo(Summary.Item.OVERDUE_ITEMS);
        assertThat(request.startItem()).isEqualTo(1);
        assertThat(request.endItem()).isEqualTo(5);
    }

    @Test
    @DisplayName("64: 14-position status, six 4-digit counts, limits, repeatable item list")
    void patronInformationResponse() {
        PatronInformationResponse response = (PatronInformationResponse) decode("64  Y           00120240417    "
                + "083100000000020003000100000000AOMAIN|AA21234567890|AEDoe, Jane|BZ0010|CA0005|CB0020|BLY|CQY|BHUSD|"
                + "BV2.50|ATcopy1|ATcopy2|BDMain St 1|BEjane@example.org|BF555-1234|AFYou have overdue items|"
                + "AY3AZC19D");
        assertThat(response.patronStatus().flags()).containsExactly(PatronStatus.Flag.RECALL_PRIVILEGES_DENIED);
        assertThat(response.holdItemsCount()).isZero();
        assertThat(response.overdueItemsCount()).isEqualTo(2);
        assertThat(response.chargedItemsCount()).isEqualTo(3);
        assertThat(response.fineItemsCount()).isEqualTo(1);
        assertThat(response.overdueItems()).containsExactly("copy1", "copy2");
        assertThat(response.holdItemsLimit()).isEqualTo(10);
        assertThat(response.currencyType()).isEqualTo(CurrencyType.USD);
        assertThat(response.screenMessages()).containsExactly("You have overdue items");
    }

    @Test
    @DisplayName("11: 18 blank characters are a blank nb due date")
    void checkoutRequest() {
        CheckoutRequest request = (CheckoutRequest) decode("11YN20240417    083100                  AOMAIN|"
                + "AA21234567890|AB31234000111|AC|AD1234|AY4AZECB6");
        assertThat(request.scRenewalPolicy()).isTrue();
        assertThat(request.noBlock()).isFalse();
        assertThat(request.nbDueDate()).isNull();
        assertThat(request.itemIdentifier()).isEqualTo("31234000111");
        assertThat(request.feeAcknowledged()).isNull();
    }

    @Test
    @DisplayName("12: ok 1/0, Y/N/U flags, fee type and media type codes")
    void checkoutResponse() {
        CheckoutResponse response = (CheckoutResponse) decode("121NNY20240417    083100AOMAIN|AA21234567890|"
                + "AB31234000111|AJThe Hobbit|AH20240508    235900|BT04|CK001|AFDue 8 May|AY4AZE183");
        assertThat(response.ok()).isTrue();
        assertThat(response.renewalOk()).isFalse();
        assertThat(response.magneticMedia()).isEqualTo(Tristate.NO);
        assertThat(response.desensitize()).isEqualTo(Tristate.YES);
        assertThat(response.feeType()).isEqualTo(FeeType.OVERDUE);
        assertThat(response.mediaType()).isEqualTo(MediaType.BOOK);
        assertThat(response.dueDate()).isEqualTo("20240508    235900");
    }

    @Test
    @DisplayName("09: transaction date then return date")
    void checkinRequest() {
        CheckinRequest request = (CheckinRequest) decode("09N20240417    08320020240417    083200APMAIN|AOMAIN|"
                + "AB31234000111|AC|AY5AZEEDB");
        assertThat(request.returnDate()).isEqualTo(request.transactionDate());
        assertThat(request.currentLocation()).isEqualTo("MAIN");
    }

    @Test
    @DisplayName("10: 3M extensions CR/CS/CT/CV/CY/DA are typed for sorters")
    void checkinResponse() {
        CheckinResponse response = (CheckinResponse) decode("101YNY20240417    083200AOMAIN|AB31234000111|AQMAIN|"
                + "AJThe Hobbit|CLB2|CK001|CRADULT|CS823.912 TOL|CTBRANCH2|CV02|CYP0001|DAJane Doe|"
                + "AFHold for another library|AY5AZD012");
        assertThat(response.alert()).isTrue();
        assertThat(response.sortBin()).isEqualTo("B2");
        assertThat(response.collectionCode()).isEqualTo("ADULT");
        assertThat(response.callNumber()).isEqualTo("823.912 TOL");
        assertThat(response.destinationLocation()).isEqualTo("BRANCH2");
        assertThat(response.alertType()).isEqualTo(AlertType.HOLD_FOR_ANOTHER_LIBRARY);
        assertThat(response.holdPatronId()).isEqualTo("P0001");
        assertThat(response.holdPatronName()).isEqualTo("Jane Doe");
    }

    @Test
    @DisplayName("18: circulation status, security marker, fee type; CJ as an 18-character date")
    void itemInformationResponse() {
        ItemInformationResponse response = (ItemInformationResponse) decode("1803020120240417    083400CF0|"
                + "AH20240508    235900|CJ20240501    120000|AB31234000111|AJThe Hobbit|BGMAIN|BHUSD|BV0.00|CK001|"
                + "AQMAIN|APMAIN|AY7AZDC59");
        assertThat(response.circulationStatus()).isEqualTo(CirculationStatus.AVAILABLE);
        assertThat(response.securityMarker()).isEqualTo(SecurityMarker.TATTLE_TAPE);
        assertThat(response.feeType()).isEqualTo(FeeType.OTHER);
        assertThat(response.recallDate()).isEqualTo(new Sip2DateTime(2024, 5, 1, 12, 0, 0, Sip2DateTime.LOCAL));
        assertThat(response.holdPickupDate()).isNull();
    }

    @Test
    @DisplayName("15: hold mode, BW date, BY hold type")
    void holdRequest() {
        HoldRequest request = (HoldRequest) decode("15+20240417    083700BW20240517    235959|BSBRANCH2|BY2|"
                + "AOMAIN|AA21234567890|AD1234|AB31234000111|AJThe Hobbit|AC|BON|AY0AZE0CC");
        assertThat(request.holdMode()).isEqualTo(HoldMode.ADD);
        assertThat(request.holdType()).isEqualTo(HoldType.ANY_COPY_OF_TITLE);
        assertThat(request.expirationDate().day()).isEqualTo(17);
        assertThat(request.feeAcknowledged()).isFalse();
    }

    @Test
    @DisplayName("66: renewed/unrenewed counts and repeatable BM/BN")
    void renewAllResponse() {
        RenewAllResponse response = (RenewAllResponse) decode("6610002000120240417    083900AOMAIN|BM31234000111|"
                + "BM31234000222|BN31234000333|AFOne item could not be renewed|AY2AZE1E8");
        assertThat(response.renewedCount()).isEqualTo(2);
        assertThat(response.unrenewedCount()).isEqualTo(1);
        assertThat(response.renewedItems()).containsExactly("31234000111", "31234000222");
        assertThat(response.unrenewedItems()).containsExactly("31234000333");
    }

    @Test
    @DisplayName("37: fee type, payment type, currency in the fixed part; BV required")
    void feePaidRequest() {
        FeePaidRequest request = (FeePaidRequest) decode("3720240417    0840000400USDBV2.50|AOMAIN|"
                + "AA21234567890|AC|AD1234|CGfee-77|BKtx-1|AY3AZEA08");
        assertThat(request.feeType()).isEqualTo(FeeType.OVERDUE);
        assertThat(request.paymentType()).isEqualTo(PaymentType.CASH);
        assertThat(request.currencyType()).isEqualTo(CurrencyType.USD);
        assertThat(request.feeAmount()).isEqualTo("2.50");
        assertThat(request.feeIdentifier()).isEqualTo("fee-77");
    }

    @Test
    @DisplayName("sip2.md 1.4: vendor payment types (Evergreen 05 = check) are kept, not refused")
    void vendorPaymentType() {
        String body = "3720240417    0840000405USDBV2.50|AOMAIN|AA21234567890|";
        FeePaidRequest request = (FeePaidRequest) decode(body);
        assertThat(request.paymentType()).isEqualTo(PaymentType.of("05"));
        assertThat(request.paymentType().isStandard()).isFalse();
    }

    @Test
    @DisplayName("sip2.md 1.7: Envisionware PA/PB/PC/PI extensions on a 64 are kept in order and written back")
    void envisionwareExtensionsPreserved() {
        String line = "64              00120240417    083100    0000000000000000    AOMAIN|AA21234567890|AEDoe, Jane|"
                + "BLY|PA20270101    000000|PB19800101|PCADULT|PIY|XZvendor|";
        PatronInformationResponse response = (PatronInformationResponse) decode(line);
        assertThat(response.holdItemsCount()).as("4 spaces = count not supported").isNull();
        assertThat(response.unavailableHoldsCount()).isNull();
        assertThat(response.extensions()).containsExactly(Sip2Field.of("PA", "20270101    000000"),
                Sip2Field.of("PB", "19800101"), Sip2Field.of("PC", "ADULT"), Sip2Field.of("PI", "Y"),
                Sip2Field.of("XZ", "vendor"));
        assertThat(encode(response, ErrorDetection.none(), CP850)).isEqualTo(line + "\r");
    }

    @Test
    @DisplayName("sip2.md 1.5: Koha's BL/CQ on a failed 12 are not in the spec table and survive as extensions")
    void kohaFieldsOutsideSpecTable() {
        CheckoutResponse response = (CheckoutResponse) decode("120NUN20240417    083100AOMAIN|AA21234567890|"
                + "AB31234000111|AJ|AH|AFItem not checked out|BLY|CQN|");
        assertThat(response.ok()).isFalse();
        assertThat(response.magneticMedia()).isEqualTo(Tristate.UNKNOWN);
        assertThat(response.extensions()).containsExactly(Sip2Field.of("BL", "Y"), Sip2Field.of("CQ", "N"));
    }

    @Test
    @DisplayName("spec field order is free: fields in any order and a repeated non-repeatable field lose nothing")
    void anyOrderAndDuplicates() {
        PatronStatusRequest request = (PatronStatusRequest) decode(
                "2300120240417    083058AD1234|AA21234567890|AOMAIN|AC|AOOTHER|");
        assertThat(request.institutionId()).isEqualTo("MAIN");
        assertThat(request.patronIdentifier()).isEqualTo("21234567890");
        assertThat(request.extensions()).containsExactly(Sip2Field.of("AO", "OTHER"));
    }

    @Test
    @DisplayName("sip2.md 1.3: '   Z' is UTC; other military zone letters are kept and understood")
    void utcAndMilitaryZones() {
        ItemInformationRequest utc = (ItemInformationRequest) decode("1720240417   Z083400AOMAIN|AB1|");
        assertThat(utc.transactionDate().isUtc()).isTrue();
        ItemInformationRequest eastern = (ItemInformationRequest) decode("1720240417   R083400AOMAIN|AB1|");
        assertThat(eastern.transactionDate().zone()).isEqualTo("   R");
        assertThat(eastern.transactionDate().toInstant(java.time.ZoneOffset.UTC))
                .isEqualTo(java.time.Instant.parse("2024-04-17T13:34:00Z"));
    }

    @Test
    @DisplayName("sip2.md 1.8: the same 24 with 'Müller, Jürgen' checks EA1A in CP850 and E81E in UTF-8")
    void charsetChangesChecksum() {
        PatronStatusResponse response = PatronStatusResponse.builder()
                .language(Language.ENGLISH)
                .transactionDate(new Sip2DateTime(2024, 4, 17, 8, 30, 58, Sip2DateTime.LOCAL))
                .institutionId("MAIN").patronIdentifier("21234567890").personalName("Müller, Jürgen")
                .validPatron(true).validPatronPassword(true)
                .build();
        String prefix = "24              00120240417    083058AOMAIN|AA21234567890|AEMüller, Jürgen|BLY|CQY|AY2AZ";
        assertThat(encode(response, ErrorDetection.sequence(2), CP850)).isEqualTo(prefix + "EA1A\r");
        Sip2CodecSettings utf8 = CP850.withCharset(Charset.forName("UTF-8"));
        assertThat(encode(response, ErrorDetection.sequence(2), utf8)).isEqualTo(prefix + "E81E\r");
        assertThat(decodeInbound(prefix + "E81E", utf8).message()).isEqualTo(response);
    }
}
