package org.circgate.ncip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.ncip.NcipFixtures.fail;
import static org.circgate.ncip.NcipFixtures.parse;
import static org.circgate.ncip.NcipFixtures.resource;
import static org.circgate.ncip.NcipFixtures.utf8;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.circgate.ncip.request.AcceptItemRequest;
import org.circgate.ncip.request.CheckInItemRequest;
import org.circgate.ncip.request.CheckOutItemRequest;
import org.circgate.ncip.request.ElementTypes;
import org.circgate.ncip.request.LookupUserRequest;
import org.circgate.ncip.request.RenewItemRequest;
import org.circgate.ncip.request.RequestItemRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Issue 7 / ncip.md 1.4-1.5: the reader accepts what real initiators send")
class NcipReaderLeniencyTest {

    @Test
    @DisplayName("default namespace with unqualified version and Scheme (ReShare useNamespace=false)")
    void defaultNamespaceUnqualifiedAttributes() {
        NcipReadResult.Parsed parsed = parse(resource("/ncip/own/reshare-lookupuser-default-namespace.xml"));
        LookupUserRequest request = (LookupUserRequest) parsed.request();

        assertThat(parsed.version()).isEqualTo(Ncip.VERSION_2_02);
        assertThat(parsed.message().getVersion()).as("unqualified version bound by JAXB")
                .isEqualTo(Ncip.VERSION_2_02);
        assertThat(request.header().fromAgencyId())
                .isEqualTo(SchemeValue.of("RESHARE", "http://example.org/schemes/agency"));
        assertThat(request.header().applicationProfile()).contains("EZBORROW");
        assertThat(request.user().input(NcipAuthInput.Kind.BARCODE_ID)).get()
                .extracting(NcipAuthInput::data).isEqualTo("21234000056789");
        assertThat(request.user().secret()).get().extracting(NcipAuthInput::data).isEqualTo("4321");
        assertThat(request.userElements().values().get(0).scheme())
                .as("unqualified Scheme bound").endsWith("userelementtype.scm");
        assertThat(request.userElements().contains(ElementTypes.USER_PRIVILEGE)).isTrue();
    }

    @Test
    @DisplayName("no namespace at all (FOLIO mock requests), item element types kept")
    void noNamespace() {
        CheckInItemRequest request = (CheckInItemRequest) parse(
                resource("/ncip/own/folio-checkinitem-no-namespace.xml")).request();

        assertThat(request.header().fromAgency()).contains("Relais");
        assertThat(request.itemId()).isEqualTo(new NcipItemId(SchemeValue.of("CIRCGATE"), null, "31234000123456"));
        assertThat(request.itemElements().contains(ElementTypes.BIBLIOGRAPHIC_DESCRIPTION)).isTrue();
    }

    @Test
    @DisplayName("elements out of schema order are still read (FOLIO RequestItem UserIdentifierType after value)")
    void outOfOrder() {
        RequestItemRequest request = (RequestItemRequest) parse(
                resource("/ncip/own/folio-requestitem-no-namespace-out-of-order.xml")).request();

        assertThat(request.user().userId().value()).isEqualTo("21234000056789");
        assertThat(request.requestId().value()).isEqualTo("RS-2026-000042");
        assertThat(request.requestType().value()).isEqualTo("Hold");
        assertThat(request.requestScopeType().value()).isEqualTo("Bibliographic Item");
        assertThat(request.pickupLocation().value()).isEqualTo("MAIN");
        assertThat(request.needBeforeDate().toInstant(ZoneId.of("UTC")))
                .isEqualTo(Instant.parse("2026-12-24T00:00:00Z"));
        assertThat(request.bibliographicIds()).singleElement()
                .extracting(NcipBibliographicId::recordIdentifier).isEqualTo("ocm00012345");
    }

    @Test
    @DisplayName("zoneless DesiredDateDue (ILLiad) stays zoneless; the caller's zone decides the instant")
    void zonelessDate() {
        CheckOutItemRequest request = (CheckOutItemRequest) parse(
                resource("/ncip/own/illiad-checkoutitem-latin1-declared.xml")).request();

        NcipDateTime due = request.desiredDateDue();
        assertThat(due.offset()).isNull();
        assertThat(due.dateOnly()).isFalse();
        assertThat(due.localDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 1, 23, 59));
        assertThat(due.toInstant(ZoneId.of("America/Chicago"))).isEqualTo(Instant.parse("2026-12-02T05:59:00Z"));
        assertThat(request.user().userId().value()).isEqualTo("pseudopatron");
        assertThat(request.requestId().value()).isEqualTo("ILL-778899");
    }

    @Test
    @DisplayName("a DOCTYPE line without internal subset is skipped unread (NCIP 1 style)")
    void doctypeLineTolerated() {
        NcipReadResult.Parsed parsed = parse(resource("/ncip/own/ncip1-doctype-lookupuser.xml"));

        assertThat(((LookupUserRequest) parsed.request()).user().patronIdentifier()).contains("21234000056789");
    }

    @Test
    @DisplayName("UserId and AuthenticationInput together (schema-invalid, real FOLIO traffic): both kept, PIN untrimmed")
    void userIdAndPin() {
        LookupUserRequest request = (LookupUserRequest) parse(
                resource("/ncip/own/folio-lookupuser-userid-and-pin.xml")).request();

        assertThat(request.user().patronIdentifier()).contains("21234000056789");
        assertThat(request.user().secret()).get().satisfies(pin -> {
            assertThat(pin.kind()).isEqualTo(NcipAuthInput.Kind.PIN);
            assertThat(pin.data()).as("secrets compared exactly").isEqualTo(" 1234 ");
        });
    }

    @Test
    @DisplayName("wrong root namespace and any version value accepted; foreign Ext and unknown elements ignored")
    void wrongNamespace() {
        NcipReadResult.Parsed parsed = parse(resource("/ncip/own/wrong-namespace-acceptitem.xml"));
        AcceptItemRequest request = (AcceptItemRequest) parsed.request();

        assertThat(parsed.version()).isEqualTo("5.6");
        assertThat(request.requestId().value()).isEqualTo("RS-2026-000043");
        assertThat(request.requestedActionType().value()).isEqualTo("Hold For Pickup And Notify");
        assertThat(request.itemId().value()).isEqualTo("ILL-RS-2026-000043");
        assertThat(request.dateForReturn().dateOnly()).isTrue();
        assertThat(request.dateForReturn().date()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(request.itemInfo().title()).isEqualTo("Notes on the Analytical Engine");
        assertThat(request.itemInfo().callNumber()).isEqualTo("QA76 .L68");
        assertThat(request.pickupLocation().value()).isEqualTo("MAIN");
        assertThat(parsed.message().getAcceptItem().getExt().getAny()).singleElement()
                .isInstanceOf(org.w3c.dom.Element.class)
                .extracting(e -> ((org.w3c.dom.Element) e).getNamespaceURI())
                .isEqualTo("urn:example:vendor-extension");
    }

    @Test
    @DisplayName("misspelt NCIP namespace (trailing slash, https) is normalised")
    void namespaceVariants() {
        String body = """
                <n:NCIPMessage xmlns:n="https://www.niso.org/2008/ncip/" n:version="2">
                  <n:DeleteItem><n:ItemId><n:ItemIdentifierValue>X1</n:ItemIdentifierValue></n:ItemId></n:DeleteItem>
                </n:NCIPMessage>""";

        assertThat(parse(utf8(body)).request().service()).isEqualTo(NcipService.DELETE_ITEM);
    }

    @Test
    @DisplayName("the service is the first element inside NCIPMessage, comments and whitespace before it allowed")
    void firstElementIsTheService() {
        String body = """
                <?xml version="1.0"?>
                <!-- leading comment -->
                <NCIPMessage>
                  <!-- a comment --> <?pi data?>
                  <LookupAgency><AgencyId>CIRCGATE</AgencyId></LookupAgency>
                </NCIPMessage>""";

        assertThat(parse(utf8(body)).request().service()).isEqualTo(NcipService.LOOKUP_AGENCY);
    }

    @Test
    @DisplayName("a request without the data it needs still parses: Needed Data Missing is the server's answer")
    void missingDataIsNotAParseError() {
        NcipReadResult.Parsed parsed = parse(utf8("<NCIPMessage><CheckOutItem/></NCIPMessage>"));
        CheckOutItemRequest request = (CheckOutItemRequest) parsed.request();

        assertThat(request.header()).isNull();
        assertThat(request.user().isEmpty()).isTrue();
        assertThat(request.itemId()).isNull();
        assertThat(parsed.version()).isNull();
    }

    @Test
    @DisplayName("an unparseable date is treated as absent, not as a failed message")
    void badDate() {
        String body = """
                <NCIPMessage><RenewItem>
                  <ItemId><ItemIdentifierValue>X1</ItemIdentifierValue></ItemId>
                  <DesiredDateDue>next tuesday</DesiredDateDue>
                </RenewItem></NCIPMessage>""";

        NcipReadResult.Parsed parsed = parse(utf8(body));

        RenewItemRequest request = (RenewItemRequest) parsed.request();
        assertThat(request.desiredDateDue()).isNull();
        assertThat(request.itemId().value()).isEqualTo("X1");
    }

    @Test
    @DisplayName("UTF-8 content (Czech diacritics in VuFind/Aleph traffic) survives")
    void utf8Content() {
        String body = "<NCIPMessage><LookupUser><UserId><UserIdentifierValue>Žluťoučký kůň</UserIdentifierValue>"
                + "</UserId></LookupUser></NCIPMessage>";

        LookupUserRequest request = (LookupUserRequest) parse(utf8(body)).request();

        assertThat(request.user().userId().value()).isEqualTo("Žluťoučký kůň");
    }

    @Test
    @DisplayName("the HTTP charset overrides a wrong XML declaration (ILLiad declares ISO-8859-1, sends UTF-8)")
    void transportCharsetWins() {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><NCIPMessage><LookupUser><UserId>"
                + "<UserIdentifierValue>Müller</UserIdentifierValue></UserId></LookupUser></NCIPMessage>";

        LookupUserRequest withHint = (LookupUserRequest) NcipFixtures.READER
                .read(utf8(xml), java.nio.charset.StandardCharsets.UTF_8).parsed().orElseThrow().request();
        LookupUserRequest declarationOnly = (LookupUserRequest) parse(utf8(xml)).request();

        assertThat(withHint.user().userId().value()).isEqualTo("Müller");
        assertThat(declarationOnly.user().userId().value()).isEqualTo("MÃ¼ller");
    }

    @Test
    @DisplayName("UTF-16 with a byte order mark and an ISO-8859-1 body as declared are read")
    void otherEncodings() {
        String xml = "<NCIPMessage><LookupUser><UserId><UserIdentifierValue>Ærø</UserIdentifierValue></UserId>"
                + "</LookupUser></NCIPMessage>";
        byte[] utf16 = ("\uFEFF" + xml).getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
        byte[] latin1 = ("<?xml version='1.0' encoding='ISO-8859-1'?>" + xml)
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(((LookupUserRequest) parse(utf16).request()).user().userId().value()).isEqualTo("Ærø");
        assertThat(((LookupUserRequest) parse(latin1).request()).user().userId().value()).isEqualTo("Ærø");
    }

    @Test
    @DisplayName("the header of an unsupported service is recovered and the service named")
    void unsupportedServiceKeepsHeader() {
        NcipReadResult.Failed failed = fail(resource("/ncip/own/reshare-createuserfiscaltransaction.xml"));

        assertThat(failed.error()).isEqualTo(NcipReadError.UNSUPPORTED_SERVICE);
        assertThat(failed.serviceName()).isEqualTo("CreateUserFiscalTransaction");
        assertThat(failed.header().fromAgency()).contains("ReShare");
        assertThat(failed.header().toAgency()).contains("CIRCGATE");
        assertThat(failed.problem().type()).isEqualTo(NcipProblemType.UNSUPPORTED_SERVICE);
    }

    @Test
    @DisplayName("a service the schema lacks (LookupVersion) is an unsupported service too")
    void lookupVersion() {
        NcipReadResult.Failed failed = fail(resource("/ncip/own/koha-lookupversion.xml"));

        assertThat(failed.error()).isEqualTo(NcipReadError.UNSUPPORTED_SERVICE);
        assertThat(failed.serviceName()).isEqualTo("LookupVersion");
        assertThat(failed.header()).isNull();
    }

    @Test
    @DisplayName("a response sent to us is an unsupported service, not a crash")
    void responseSentToUs() {
        NcipReadResult.Failed failed = fail(utf8("<NCIPMessage><LookupUserResponse><UserId>"
                + "<UserIdentifierValue>1</UserIdentifierValue></UserId></LookupUserResponse></NCIPMessage>"));

        assertThat(failed.error()).isEqualTo(NcipReadError.UNSUPPORTED_SERVICE);
        assertThat(failed.serviceName()).isEqualTo("LookupUserResponse");
    }
}
