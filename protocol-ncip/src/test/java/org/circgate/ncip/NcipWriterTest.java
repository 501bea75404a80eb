package org.circgate.ncip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.ncip.NcipFixtures.VALIDATOR;
import static org.circgate.ncip.NcipFixtures.WRITER;
import static org.circgate.ncip.NcipFixtures.text;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.xml.bind.JAXBException;

import org.circgate.ncip.response.NcipResponse;
import org.circgate.ncip.response.NcipResponses;
import org.circgate.ncip.xml.CheckOutItemResponse;
import org.circgate.ncip.xml.NCIPMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Issue 7: the writer emits schema-valid UTF-8 with the ns1 prefix and a qualified version")
class NcipWriterTest {

    private static final NcipHeader HEADER = NcipHeader.of(SchemeValue.of("ReShare"), SchemeValue.of("CIRCGATE"));

    @Test
    @DisplayName("root element: ns1 bound to the NCIP namespace, qualified ns1:version of 2.02, UTF-8 declaration")
    void rootElement() {
        String xml = text(WRITER.write(NcipResponses.messageProblem(NcipProblems.invalidMessageSyntax("x"))));

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<ns1:NCIPMessage xmlns:ns1=\"http://www.niso.org/2008/ncip\" "
                + "ns1:version=\"http://www.niso.org/schemas/ncip/v2_02/ncip_v2_02.xsd\">");
        assertThat(xml).doesNotContain("xmlns=").doesNotContain("ns2");
    }

    @Test
    @DisplayName("DateDue is written as <ns1:DateDue> in whole seconds with an offset (ILLiad string-matches it)")
    void dateDue() {
        OffsetDateTime due = OffsetDateTime.of(2026, 12, 1, 23, 59, 30, 123_456_789, ZoneOffset.UTC);

        String xml = text(WRITER.write(NcipResponses.checkOutItem(HEADER).itemId(NcipItemId.of("I1"))
                .userId(NcipUserId.of("U1")).dateDue(due).build()));

        assertThat(xml).contains("<ns1:DateDue>2026-12-01T23:59:30Z</ns1:DateDue>");
        assertThat(NcipDates.toXml(Instant.parse("2026-12-01T23:59:30Z")).toXMLFormat())
                .isEqualTo("2026-12-01T23:59:30Z");
    }

    @Test
    @DisplayName("non-ASCII text is written as UTF-8 and reads back unchanged")
    void utf8RoundTrip() throws JAXBException {
        NcipResponse response = NcipResponses.problem(NcipService.LOOKUP_USER, HEADER,
                NcipProblems.unknownUser(NcipProblems.USER_ELEMENT, "Žluťoučký kůň", "Benutzer unbekannt – ß"));

        byte[] bytes = WRITER.write(response);
        NCIPMessage back = (NCIPMessage) NcipJaxb.context().createUnmarshaller()
                .unmarshal(new ByteArrayInputStream(bytes));

        NcipProblem problem = NcipProblem.fromJaxb(back.getLookupUserResponse().getProblem().get(0));
        assertThat(problem).isEqualTo(response.problems().get(0));
        assertThat(back.getLookupUserResponse().getProblem().get(0).getProblemType().getScheme())
                .isEqualTo(NcipService.LOOKUP_USER.processingErrorScheme());
        assertThat(back.getVersion()).isEqualTo(Ncip.VERSION_2_02);
    }

    @Test
    @DisplayName("formatted output is still valid; compact is the default")
    void formatted() {
        NcipResponse response = NcipResponses.deleteItem(HEADER).itemId(NcipItemId.of("I1")).build();

        byte[] pretty = new NcipWriter(true).write(response);

        assertThat(text(pretty)).contains("\n    <ns1:DeleteItemResponse>");
        assertThat(VALIDATOR.validate(pretty)).isEmpty();
        assertThat(text(WRITER.write(response))).doesNotContain("\n<ns1:");
    }

    @Test
    @DisplayName("writing a hand-built message sets the required version")
    void versionAlwaysSet() {
        NCIPMessage message = new NCIPMessage();
        CheckOutItemResponse response = new CheckOutItemResponse();
        response.getProblem().add(NcipProblems.itemDoesNotCirculate(NcipProblems.ITEM_ELEMENT, "I1", "reference")
                .toJaxb(NcipService.CHECK_OUT_ITEM));
        message.setCheckOutItemResponse(response);

        byte[] xml = WRITER.write(message);

        assertThat(message.getVersion()).isEqualTo(Ncip.VERSION_2_02);
        assertThat(VALIDATOR.validate(xml)).isEmpty();
    }

    @Test
    @DisplayName("a response the reader produced for a failure writes and reads as the same Problem")
    void failureRoundTrip() throws JAXBException {
        NcipReadResult.Failed failed = NcipFixtures.fail(NcipFixtures.utf8("<NCIPMessage><UpdateUser>"
                + "<InitiationHeader><FromAgencyId><AgencyId>P</AgencyId></FromAgencyId>"
                + "<ToAgencyId><AgencyId>US</AgencyId></ToAgencyId></InitiationHeader></UpdateUser></NCIPMessage>"));

        NCIPMessage back = (NCIPMessage) NcipJaxb.context().createUnmarshaller()
                .unmarshal(new ByteArrayInputStream(WRITER.write(failed.response())));

        assertThat(back.getUpdateUserResponse().getResponseHeader().getToAgencyId().getAgencyId().getValue())
                .isEqualTo("P");
        assertThat(NcipProblem.fromJaxb(back.getUpdateUserResponse().getProblem().get(0)).type())
                .isEqualTo(NcipProblemType.UNSUPPORTED_SERVICE);
    }
}
