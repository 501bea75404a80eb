package org.circgate.ncip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circgate.ncip.NcipFixtures.parse;
import static org.circgate.ncip.NcipFixtures.resource;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.circgate.ncip.request.AcceptItemRequest;
import org.circgate.ncip.request.CancelRequestItemRequest;
import org.circgate.ncip.request.CheckInItemRequest;
import org.circgate.ncip.request.CheckOutItemRequest;
import org.circgate.ncip.request.ElementTypes;
import org.circgate.ncip.request.LookupAgencyRequest;
import org.circgate.ncip.request.LookupItemRequest;
import org.circgate.ncip.request.LookupUserRequest;
import org.circgate.ncip.request.RenewItemRequest;
import org.circgate.ncip.request.RequestItemRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Issue 7: the XC-toolkit samples that request our services parse")
class NcipReaderSamplesTest {

    static Stream<Arguments> xcToolkitRequests() {
        return NcipFixtures.xcToolkitSamples().stream().map(row -> Arguments.of(row[0], row[1]));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("xcToolkitRequests")
    @DisplayName("every XC-toolkit request sample for a service we answer parses into that service's view")
    void sampleParses(String fixture, String service) {
        NcipReadResult.Parsed parsed = parse(resource("/ncip/xc-toolkit/" + fixture));

        assertThat(parsed.request().service().elementName()).isEqualTo(service);
        assertThat(parsed.serviceName()).isEqualTo(service);
    }

    @Test
    @DisplayName("all 38 XC request samples for our ten services are fixtures")
    void fixtureSetIsComplete() {
        assertThat(NcipFixtures.xcToolkitSamples()).hasSize(38);
    }

    @Test
    @DisplayName("LookupUser by Barcode Id + Password: inputs classified, patron id found, secret kept apart")
    void lookupUserByAuthenticationInput() {
        LookupUserRequest request = (LookupUserRequest) parse(
                resource("/ncip/xc-toolkit/ncipv2_01-LookupUserSample1.xml")).request();

        assertThat(request.header()).isNull();
        assertThat(request.user().userId()).isNull();
        assertThat(request.user().patronIdentifier()).contains("98765432");
        assertThat(request.user().secret()).get().satisfies(secret -> {
            assertThat(secret.kind()).isEqualTo(NcipAuthInput.Kind.PASSWORD);
            assertThat(secret.data()).isEqualTo("password");
        });
        assertThat(request.loanedItemsDesired()).isTrue();
        assertThat(request.requestedItemsDesired()).isTrue();
        assertThat(request.userFiscalAccountDesired()).isTrue();
    }

    @Test
    @DisplayName("LookupUser with User Id input and element types (Aleph connector sample)")
    void lookupUserElementTypes() {
        LookupUserRequest request = (LookupUserRequest) parse(
                resource("/ncip/xc-toolkit/aleph-user-lookup-by-AuthInput.xml")).request();

        assertThat(request.user().patronIdentifier()).contains("700");
        assertThat(request.userElements().contains(ElementTypes.NAME_INFORMATION)).isTrue();
        assertThat(request.userElements().contains("user privilege")).isTrue();
        assertThat(request.userElements().contains(ElementTypes.LOCATION)).isFalse();
    }

    @Test
    @DisplayName("CheckOutItem: header, UserId, ItemId and RequestId with their agencies")
    void checkOutItem() {
        CheckOutItemRequest request = (CheckOutItemRequest) parse(
                resource("/ncip/xc-toolkit/ncipv2_01-CheckOutItemSample1.xml")).request();

        assertThat(request.header().fromAgency()).contains("ENG");
        assertThat(request.header().toAgency()).contains("MIT");
        assertThat(request.header().fromAgencyId().scheme()).isEqualTo("localhost/ncip/v1/schemes/agencies/1");
        assertThat(request.user().userId().value()).isEqualTo("10923123");
        assertThat(request.user().userId().agencyId().value()).isEqualTo("MIT");
        assertThat(request.itemId().value()).isEqualTo("19823098123");
        assertThat(request.requestId().value()).isEqualTo("REQ123");
        assertThat(request.desiredDateDue()).isNull();
    }

    @Test
    @DisplayName("CheckInItem: ItemId")
    void checkInItem() {
        CheckInItemRequest request = (CheckInItemRequest) parse(
                resource("/ncip/xc-toolkit/ncipv2_01-CheckInItemSample1.xml")).request();

        assertThat(request.itemId()).isNotNull();
        assertThat(request.itemId().value()).isNotBlank();
    }

    @Test
    @DisplayName("AcceptItem: RequestId, action, patron, item, DateForReturn with zone, bibliographic data")
    void acceptItem() {
        AcceptItemRequest request = (AcceptItemRequest) parse(
                resource("/ncip/xc-toolkit/ncipv2_01-AcceptItemSample1.xml")).request();

        assertThat(request.requestId().value()).isEqualTo("VDX1234");
        assertThat(request.requestedActionType().value()).isEqualTo("Circulate");
        assertThat(request.userId().value()).isEqualTo("OCLCTEST");
        assertThat(request.itemId().value()).isEqualTo("9998");
        assertThat(request.dateForReturn().offset()).isEqualTo(ZoneOffset.UTC);
        assertThat(request.dateForReturn().toInstant(ZoneOffset.ofHours(5)))
                .isEqualTo(Instant.parse("2010-11-20T00:00:00.329Z"));
        assertThat(request.itemInfo().title()).isEqualTo("The title of the book");
        assertThat(request.itemInfo().author()).isEqualTo("Iam T. Author");
        assertThat(request.itemInfo().bibliographicIds()).singleElement().satisfies(id -> {
            assertThat(id.itemIdentifier()).isEqualTo("98765432");
            assertThat(id.itemIdentifierCode().value()).isEqualTo("ISBN");
        });
    }

    @Test
    @DisplayName("CancelRequestItem: mixed-content model read by element (RequestId, RequestType, auth inputs)")
    void cancelRequestItem() {
        CancelRequestItemRequest request = (CancelRequestItemRequest) parse(
                resource("/ncip/xc-toolkit/ncipv2_01-CancelRequestItemSample1.xml")).request();

        assertThat(request.requestId().value()).isEqualTo("101919");
        assertThat(request.requestType().value()).isEqualTo("Hold");
        assertThat(request.user().patronIdentifier()).contains("98765432");
        assertThat(request.itemId()).isNull();
    }

    @Test
    @DisplayName("RequestItem: title-level request with OCLC record id, RequestType and scope")
    void requestItem() {
        RequestItemRequest request = (RequestItemRequest) parse(
                resource("/ncip/xc-toolkit/ncipv2_01-RequestItemSample1.xml")).request();

        assertThat(request.user().userId().value()).isEqualTo("23008000043915");
        assertThat(request.itemIds()).isEmpty();
        assertThat(request.bibliographicIds()).singleElement().satisfies(id -> {
            assertThat(id.recordIdentifier()).isEqualTo("2052516");
            assertThat(id.recordIdentifierCode().value()).isEqualTo("OCLC");
        });
        assertThat(request.requestId().value()).isEqualTo("WCNav1234");
        assertThat(request.requestType().value()).isEqualTo("Loan");
        assertThat(request.requestScopeType().value()).isEqualTo("Bibliographic Item");
    }

    @Test
    @DisplayName("RenewItem, LookupItem and LookupAgency views carry their identifiers")
    void otherViews() {
        RenewItemRequest renew = (RenewItemRequest) parse(
                resource("/ncip/xc-toolkit/ncipv2_01-RenewItemSample1.xml")).request();
        assertThat(renew.itemId()).isNotNull();

        LookupItemRequest lookupItem = (LookupItemRequest) parse(
                resource("/ncip/xc-toolkit/aleph-loookup-item-requestid.xml")).request();
        assertThat(lookupItem.requestId()).isNotNull();

        LookupAgencyRequest agency = (LookupAgencyRequest) parse(
                resource("/ncip/xc-toolkit/aleph-lookup-agency.xml")).request();
        assertThat(agency.agencyId().value()).isEqualTo("MZK");
        assertThat(agency.agencyElements().values()).hasSize(6);
    }

    @Test
    @DisplayName("vendor Ext content in a foreign namespace (OCLC WCL) is tolerated and the core fields still read")
    void foreignExtension() {
        LookupUserRequest request = (LookupUserRequest) parse(
                resource("/ncip/xc-toolkit/wcl-LookupUserWCLExtSample1.xml")).request();

        assertThat(request.user().userId().value()).isEqualTo("12093123");
        assertThat(request.header().applicationProfile()).contains("Version 2011");
    }
}
