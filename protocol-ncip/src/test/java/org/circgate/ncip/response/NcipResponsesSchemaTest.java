package org.circgate.ncip.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.circgate.ncip.NcipFixtures.VALIDATOR;
import static org.circgate.ncip.NcipFixtures.WRITER;
import static org.circgate.ncip.NcipFixtures.text;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.circgate.ncip.NcipBibliographicId;
import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipItemInfo;
import org.circgate.ncip.NcipLocation;
import org.circgate.ncip.NcipProblem;
import org.circgate.ncip.NcipProblemType;
import org.circgate.ncip.NcipProblems;
import org.circgate.ncip.NcipReadError;
import org.circgate.ncip.NcipReadResult;
import org.circgate.ncip.NcipRequestId;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.NcipUserId;
import org.circgate.ncip.SchemeValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Issue 7: every response type we emit validates against the official NCIP 2.02 schema")
class NcipResponsesSchemaTest {

    static final SchemeValue US = SchemeValue.of("CIRCGATE", "http://example.org/schemes/agency");
    static final NcipHeader REQUEST_HEADER = new NcipHeader(SchemeValue.of("RS-SYSTEM"),
            SchemeValue.of("ReShare"), null, SchemeValue.of("CG-SYSTEM"), US, SchemeValue.of("EZBORROW"),
            null, "agency-secret");
    static final OffsetDateTime DUE = OffsetDateTime.of(2026, 12, 1, 23, 59, 0, 0, ZoneOffset.ofHours(-6));
    static final NcipUserId PATRON = new NcipUserId(US, SchemeValue.of("Barcode"), "21234000056789");
    static final NcipItemId ITEM = NcipItemId.of(US, "31234000123456");
    static final NcipRequestId HOLD = NcipRequestId.of(US, "H-1001");

    static String valid(NcipResponse response) {
        byte[] xml = WRITER.write(response);
        assertThat(VALIDATOR.validate(xml)).as(text(xml)).isEmpty();
        return text(xml);
    }

    static NcipItemInfo fullItemInfo() {
        return NcipItemInfo.builder().title("Notes on the Analytical Engine").author("Lovelace, Ada")
                .publisher("Taylor").publicationDate("1843").edition("1st").mediumType(SchemeValue.of("Book"))
                .bibliographicId(NcipBibliographicId.ofItem("9780306406157", SchemeValue.of("ISBN")))
                .bibliographicId(NcipBibliographicId.ofRecord("ocm00012345", SchemeValue.of("OCLC")))
                .callNumber("QA76 .L68").copyNumber("31234000123456")
                .circulationStatus(SchemeValue.of("Available On Shelf")).holdQueueLength(2)
                .location(NcipLocation.of("Permanent", "Main Library", "Stacks")).dateDue(DUE).build();
    }

    @Test
    @DisplayName("LookupUser, everything set: name, addresses, LIBRARY/PROFILE/STATUS with ValidToDate, blocks, "
            + "loans, requests, fiscal account")
    void lookupUserFull() {
        String xml = valid(NcipResponses.lookupUser(REQUEST_HEADER)
                .userId(PATRON)
                .name(new NcipPersonName(null, "Ada", "Lovelace", null, "Lovelace, Ada"))
                .emailAddress("Home", "ada@example.org")
                .phoneNumber("Home", "+1 555 0100")
                .postalAddress("Home", NcipPostalAddress.of("12 Main St", "Apt 3", "Springfield", "IL", "62701",
                        "US"))
                .standardPrivileges(US, "MAIN", "ADULT", NcipUserStatus.DELINQUENT, DUE.plusYears(1))
                .blockOrTrap(BlockOrTrapRow.of(US, BlockOrTrapRow.HOLD))
                .additionalUserId(new NcipUserId(US, SchemeValue.of("uuid"), "5b8e..."))
                .loanedItem(LoanedItemRow.of(ITEM, DUE, "Notes"))
                .loanedItem(new LoanedItemRow(NcipItemId.of("X2"), null, 1, null, SchemeValue.of("Book")))
                .requestedItem(new RequestedItemRow(HOLD, ITEM, SchemeValue.of("Hold"),
                        SchemeValue.of("Available For Pickup"), DUE.minusDays(9), DUE.minusDays(2),
                        SchemeValue.of("MAIN"), DUE, 1, "Notes"))
                .fiscalAccount(new FiscalAccountRow(new NcipAmount("USD", 1250), List.of(
                        new FiscalAccountRow.Transaction(DUE.minusDays(30), SchemeValue.of("Assess"),
                                SchemeValue.of("Fine"), new NcipAmount("USD", 1250), "Overdue"))))
                .build());

        assertThat(xml).contains("<ns1:AgencyUserPrivilegeType>STATUS</ns1:AgencyUserPrivilegeType>")
                .contains("<ns1:UserPrivilegeStatusType>DELINQUENT</ns1:UserPrivilegeStatusType>")
                .contains("<ns1:AgencyUserPrivilegeType>LIBRARY</ns1:AgencyUserPrivilegeType>")
                .contains("<ns1:AgencyUserPrivilegeType>PROFILE</ns1:AgencyUserPrivilegeType>")
                .contains("<ns1:ValidToDate>2027-12-01T23:59:00-06:00</ns1:ValidToDate>")
                .contains("<ns1:BlockOrTrapType>Block Hold</ns1:BlockOrTrapType>")
                .contains("<ns1:ElectronicAddressType>mailto</ns1:ElectronicAddressType>");
    }

    @Test
    @DisplayName("LookupUser, minimal (privacy settings hide name and addresses): UserId and STATUS only")
    void lookupUserMinimal() {
        valid(NcipResponses.lookupUser(null).userId(NcipUserId.of("u1")).build());
        valid(NcipResponses.lookupUser(REQUEST_HEADER).userId(PATRON)
                .privilege(UserPrivilegeRow.status(US, NcipUserStatus.BARRED, null)).build());
    }

    @Test
    @DisplayName("CheckOutItem with DateDue, renewal count and item data; and with an indeterminate loan period")
    void checkOutItem() {
        String xml = valid(NcipResponses.checkOutItem(REQUEST_HEADER).itemId(ITEM).userId(PATRON).dateDue(DUE)
                .renewalCount(0).itemInfo(fullItemInfo()).build());
        valid(NcipResponses.checkOutItem(REQUEST_HEADER).itemId(ITEM).userId(PATRON).indeterminateLoanPeriod()
                .build());

        assertThat(xml).contains("<ns1:DateDue>2026-12-01T23:59:00-06:00</ns1:DateDue>");
    }

    @Test
    @DisplayName("CheckInItem, RenewItem, AcceptItem, DeleteItem")
    void itemServices() {
        valid(NcipResponses.checkInItem(REQUEST_HEADER).itemId(ITEM).userId(PATRON).itemInfo(fullItemInfo())
                .build());
        valid(NcipResponses.checkInItem(null).itemId(ITEM).build());
        String renewed = valid(NcipResponses.renewItem(REQUEST_HEADER).itemId(ITEM).userId(PATRON).dateDue(DUE)
                .renewalCount(2).build());
        valid(NcipResponses.acceptItem(REQUEST_HEADER).requestId(HOLD).itemId(ITEM).build());
        valid(NcipResponses.acceptItem(REQUEST_HEADER).requestId(HOLD).build());
        valid(NcipResponses.deleteItem(REQUEST_HEADER).itemId(ITEM).build());

        assertThat(renewed).contains("<ns1:DateDue>").contains("<ns1:RenewalCount>2</ns1:RenewalCount>");
    }

    @Test
    @DisplayName("RequestItem (hold placed, RequestId, location levels for ReShare) and CancelRequestItem")
    void requestServices() {
        String xml = valid(NcipResponses.requestItem(REQUEST_HEADER).requestId(HOLD).itemId(ITEM).userId(PATRON)
                .requestType(SchemeValue.of("Hold")).requestScopeType(SchemeValue.of("Item"))
                .dateAvailable(DUE.minusDays(20)).holdPickupDate(DUE.minusDays(19)).itemInfo(fullItemInfo())
                .build());
        valid(NcipResponses.requestItem(null).itemId(ITEM).userId(PATRON).requestType(SchemeValue.of("Hold"))
                .requestScopeType(SchemeValue.of("Bibliographic Item")).build());
        valid(NcipResponses.cancelRequestItem(REQUEST_HEADER).requestId(HOLD).userId(PATRON).build());
        valid(NcipResponses.cancelRequestItem(REQUEST_HEADER).itemId(ITEM).userId(PATRON).build());

        assertThat(xml).contains("<ns1:RequestIdentifierValue>H-1001</ns1:RequestIdentifierValue>")
                .contains("<ns1:LocationNameLevel>3</ns1:LocationNameLevel>")
                .contains("<ns1:LocationNameValue>Main Library</ns1:LocationNameValue>");
    }

    @Test
    @DisplayName("LookupItem (with borrower and requesters) and LookupAgency")
    void lookupServices() {
        valid(NcipResponses.lookupItem(REQUEST_HEADER).itemId(ITEM).holdPickupDate(DUE).dateRecalled(DUE)
                .currentBorrower(PATRON).currentRequester(NcipUserId.of("u2")).itemInfo(fullItemInfo()).build());
        valid(NcipResponses.lookupItem(REQUEST_HEADER).requestId(HOLD).build());
        valid(NcipResponses.lookupAgency(REQUEST_HEADER).agencyId(US)
                .organizationName("Legal", "Springfield Public Library")
                .electronicAddress("Contact", "mailto", "ill@library.example")
                .applicationProfileSupported(SchemeValue.of("EZBORROW")).consortiumAgreement(SchemeValue.of("RS"))
                .userPrivilegeType(SchemeValue.of("ADULT")).build());
        valid(NcipResponses.lookupAgency(null).agencyId(US).build());
    }

    static Stream<NcipProblem> denials() {
        return Stream.of(NcipProblems.unknownUser(NcipProblems.USER_ELEMENT, "999", "no such patron"),
                NcipProblems.userBlocked(NcipProblems.USER_ELEMENT, "21234000056789", "BARRED"),
                NcipProblems.userAuthenticationFailed(NcipProblems.AUTHENTICATION_ELEMENT, "PIN does not match"),
                NcipProblems.neededDataMissing("UserId", "no patron named"),
                NcipProblems.temporaryProcessingFailure("database unavailable"),
                NcipProblem.of(NcipProblemType.UNKNOWN_ITEM, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(NcipService.class)
    @DisplayName("every service's denial: its response element with Problems, header echoed, scheme by category")
    void denialPerService(NcipService service) {
        NcipResponse response = NcipResponses.problem(service, REQUEST_HEADER,
                denials().findFirst().orElseThrow(), denials().skip(1).toArray(NcipProblem[]::new));

        String xml = valid(response);

        assertThat(response.elementName()).isEqualTo(service.responseElementName());
        assertThat(response.isProblem()).isTrue();
        assertThat(xml).contains("<ns1:" + service.responseElementName() + ">")
                .contains("ns1:Scheme=\"" + service.processingErrorScheme() + "\">Unknown User<")
                .contains("generalprocessingerror.scm\">Needed Data Missing<")
                .contains("<ns1:ProblemDetail>BARRED</ns1:ProblemDetail>")
                .contains("<ns1:ProblemElement>UserIdentifierValue</ns1:ProblemElement>");
    }

    @Test
    @DisplayName("responses echo the header with From/To swapped; authentication is not echoed")
    void headerSwapped() {
        String xml = valid(NcipResponses.deleteItem(REQUEST_HEADER).itemId(ITEM).build());

        assertThat(xml).contains("<ns1:ResponseHeader><ns1:FromSystemId>CG-SYSTEM</ns1:FromSystemId>"
                + "<ns1:FromAgencyId><ns1:AgencyId ns1:Scheme=\"http://example.org/schemes/agency\">CIRCGATE"
                + "</ns1:AgencyId></ns1:FromAgencyId><ns1:ToSystemId>RS-SYSTEM</ns1:ToSystemId>"
                + "<ns1:ToAgencyId><ns1:AgencyId>ReShare</ns1:AgencyId></ns1:ToAgencyId></ns1:ResponseHeader>")
                .doesNotContain("agency-secret");
    }

    @Test
    @DisplayName("a header lacking an agency id is not echoed (the schema requires both)")
    void incompleteHeaderOmitted() {
        NcipHeader onlyFrom = NcipHeader.of(SchemeValue.of("ReShare"), null);

        String xml = valid(NcipResponses.deleteItem(onlyFrom).itemId(ITEM).build());

        assertThat(xml).doesNotContain("ResponseHeader");
    }

    @Test
    @DisplayName("top-level messaging Problem (Invalid Message Syntax Error) validates")
    void topLevelProblem() {
        String xml = valid(NcipResponses.messageProblem(NcipProblems.invalidMessageSyntax("not XML")));

        assertThat(xml).contains("<ns1:Problem><ns1:ProblemType ns1:Scheme=\"http://www.niso.org/ncip/v1_0/"
                + "schemes/messagingerrortype/messagingerrortype.scm\">Invalid Message Syntax Error</ns1:ProblemType>");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(NcipReadError.class)
    @DisplayName("the answer to every read failure validates")
    void readFailureAnswers(NcipReadError error) {
        NcipReadResult.Failed failed = new NcipReadResult.Failed(error, "why", "UpdateUser", REQUEST_HEADER);

        String xml = valid(failed.response());

        assertThat(xml).contains(">" + error.problemType().value() + "<");
    }

    static Stream<String> schemaServices() {
        return ServiceResponseSlots.serviceElements().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaServices")
    @DisplayName("Unsupported Service for every initiation service of the schema, inside its own response element")
    void unsupportedServiceEverywhere(String serviceElement) {
        NcipResponse response = NcipResponses.unsupportedService(serviceElement, REQUEST_HEADER, "not here");

        String xml = valid(response);

        assertThat(xml).contains("<ns1:" + serviceElement + "Response>").contains(">Unsupported Service<")
                .contains("<ns1:ProblemElement>" + serviceElement + "</ns1:ProblemElement>");
    }

    @Test
    @DisplayName("the schema has 47 initiation services; one unknown to it (LookupVersion) gets a top-level Problem")
    void unknownServiceTopLevel() {
        assertThat(ServiceResponseSlots.serviceElements()).hasSize(47);

        String xml = valid(NcipResponses.unsupportedService("LookupVersion", REQUEST_HEADER, "not in 2.02"));

        assertThat(xml).contains("<ns1:NCIPMessage").contains("<ns1:Problem>").doesNotContain("Response>");
    }

    @Test
    @DisplayName("builders refuse to build what the schema would reject")
    void requiredElements() {
        assertThatIllegalStateException().isThrownBy(() -> NcipResponses.lookupUser(null).build())
                .withMessageContaining("UserId");
        assertThatIllegalStateException().isThrownBy(() -> NcipResponses.checkOutItem(null).itemId(ITEM)
                .userId(PATRON).build()).withMessageContaining("DateDue");
        assertThatIllegalStateException().isThrownBy(() -> NcipResponses.renewItem(null).itemId(ITEM).build())
                .withMessageContaining("DateDue");
        assertThatIllegalStateException().isThrownBy(() -> NcipResponses.requestItem(null).userId(PATRON)
                .requestType(SchemeValue.of("Hold")).requestScopeType(SchemeValue.of("Item")).build())
                .withMessageContaining("RequestId or ItemId");
        assertThatIllegalStateException().isThrownBy(() -> NcipResponses.acceptItem(null).itemId(ITEM).build())
                .withMessageContaining("RequestId");
        assertThatIllegalStateException().isThrownBy(() -> NcipResponses.cancelRequestItem(null).requestId(HOLD)
                .build()).withMessageContaining("UserId");
        assertThatIllegalStateException().isThrownBy(() -> NcipResponses.lookupAgency(null).build())
                .withMessageContaining("AgencyId");
        assertThatIllegalArgumentException().isThrownBy(() -> NcipResponses.messageProblem(
                NcipProblems.unknownUser(null, null, null))).withMessageContaining("UNKNOWN_USER");
    }

    @Test
    @DisplayName("control: the validator does reject schema-invalid NCIP (unqualified version, missing DateDue)")
    void validatorCanFail() {
        byte[] unqualified = org.circgate.ncip.NcipFixtures.utf8(
                "<NCIPMessage xmlns=\"http://www.niso.org/2008/ncip\" version=\"x\"><DeleteItemResponse>"
                        + "<ItemId><ItemIdentifierValue>1</ItemIdentifierValue></ItemId></DeleteItemResponse>"
                        + "</NCIPMessage>");
        org.circgate.ncip.xml.NCIPMessage message = new org.circgate.ncip.xml.NCIPMessage();
        org.circgate.ncip.xml.CheckOutItemResponse noDateDue = new org.circgate.ncip.xml.CheckOutItemResponse();
        noDateDue.setItemId(ITEM.toJaxb());
        noDateDue.setUserId(PATRON.toJaxb());
        message.setCheckOutItemResponse(noDateDue);

        assertThat(VALIDATOR.validate(unqualified)).isNotEmpty();
        assertThat(VALIDATOR.validate(WRITER.write(message))).isNotEmpty();
    }
}
