package org.circgate.ncip.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.SchemeValue;
import org.circgate.ncip.xml.AgencyAddressInformation;
import org.circgate.ncip.xml.ElectronicAddress;
import org.circgate.ncip.xml.LookupAgencyResponse;
import org.circgate.ncip.xml.NCIPMessage;
import org.circgate.ncip.xml.OrganizationNameInformation;

/**
 * A successful LookupAgencyResponse: the AgencyId (required), its names, electronic addresses, the application
 * profiles and user privilege types (e.g. the profiles of the User Profile table) it supports.
 */
public final class LookupAgencyResponseBuilder {

    private final NcipHeader requestHeader;
    private SchemeValue agencyId;
    private final List<OrganizationNameInformation> names = new ArrayList<>();
    private final List<AgencyAddressInformation> addresses = new ArrayList<>();
    private final List<SchemeValue> applicationProfiles = new ArrayList<>();
    private final List<SchemeValue> consortiumAgreements = new ArrayList<>();
    private final List<SchemeValue> userPrivilegeTypes = new ArrayList<>();

    LookupAgencyResponseBuilder(NcipHeader requestHeader) {
        this.requestHeader = requestHeader;
    }

    public LookupAgencyResponseBuilder agencyId(SchemeValue agencyId) {
        this.agencyId = agencyId;
        return this;
    }

    /** E.g. {@code organizationName("Legal", "Springfield Public Library")}. */
    public LookupAgencyResponseBuilder organizationName(String nameType, String name) {
        OrganizationNameInformation info = new OrganizationNameInformation();
        info.setOrganizationNameType(SchemeValue.of(Objects.requireNonNull(nameType, "nameType")).toJaxb());
        info.setOrganizationName(Objects.requireNonNull(name, "name"));
        names.add(info);
        return this;
    }

    /** E.g. {@code electronicAddress("Contact", "mailto", "ill@library.example")}. */
    public LookupAgencyResponseBuilder electronicAddress(String role, String addressType, String address) {
        ElectronicAddress electronic = new ElectronicAddress();
        electronic.setElectronicAddressType(SchemeValue.of(Objects.requireNonNull(addressType, "type")).toJaxb());
        electronic.setElectronicAddressData(Objects.requireNonNull(address, "address"));
        AgencyAddressInformation info = new AgencyAddressInformation();
        info.setAgencyAddressRoleType(SchemeValue.of(Objects.requireNonNull(role, "role")).toJaxb());
        info.setElectronicAddress(electronic);
        addresses.add(info);
        return this;
    }

    public LookupAgencyResponseBuilder applicationProfileSupported(SchemeValue profile) {
        applicationProfiles.add(Objects.requireNonNull(profile, "profile"));
        return this;
    }

    public LookupAgencyResponseBuilder consortiumAgreement(SchemeValue agreement) {
        consortiumAgreements.add(Objects.requireNonNull(agreement, "agreement"));
        return this;
    }

    public LookupAgencyResponseBuilder userPrivilegeType(SchemeValue privilegeType) {
        userPrivilegeTypes.add(Objects.requireNonNull(privilegeType, "privilegeType"));
        return this;
    }

    public NcipResponse build() {
        NcipService service = NcipService.LOOKUP_AGENCY;
        LookupAgencyResponse response = new LookupAgencyResponse();
        response.setResponseHeader(NcipHeader.swappedResponseHeader(requestHeader));
        response.setAgencyId(NcipResponses.require(agencyId, service, "AgencyId").toJaxb());
        response.getOrganizationNameInformation().addAll(names);
        response.getAgencyAddressInformation().addAll(addresses);
        applicationProfiles.forEach(v -> response.getApplicationProfileSupportedType().add(v.toJaxb()));
        consortiumAgreements.forEach(v -> response.getConsortiumAgreement().add(v.toJaxb()));
        userPrivilegeTypes.forEach(v -> response.getAgencyUserPrivilegeType().add(v.toJaxb()));
        NCIPMessage message = new NCIPMessage();
        message.setLookupAgencyResponse(response);
        return NcipResponses.success(service, message);
    }
}
