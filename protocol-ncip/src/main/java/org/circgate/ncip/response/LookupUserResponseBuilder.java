package org.circgate.ncip.response;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.NcipUserId;
import org.circgate.ncip.SchemeValue;
import org.circgate.ncip.xml.ElectronicAddress;
import org.circgate.ncip.xml.LookupUserResponse;
import org.circgate.ncip.xml.NCIPMessage;
import org.circgate.ncip.xml.UserAddressInformation;
import org.circgate.ncip.xml.UserOptionalFields;

/**
 * A successful LookupUserResponse. UserId is required; everything else is sent only when set, so the server adds
 * name and addresses only where its privacy settings allow. ReShare/FOLIO read the privilege rows of
 * {@link #standardPrivileges}; blocks go in {@link #blockOrTrap}.
 */
public final class LookupUserResponseBuilder {

    /** ElectronicAddressType values ReShare recognises. */
    public static final String MAILTO = "mailto";
    public static final String TEL = "tel";

    private final NcipHeader requestHeader;
    private NcipUserId userId;
    private NcipPersonName name;
    private final List<UserAddressInformation> addresses = new ArrayList<>();
    private final List<UserPrivilegeRow> privileges = new ArrayList<>();
    private final List<BlockOrTrapRow> blocks = new ArrayList<>();
    private final List<NcipUserId> additionalUserIds = new ArrayList<>();
    private final List<LoanedItemRow> loanedItems = new ArrayList<>();
    private final List<RequestedItemRow> requestedItems = new ArrayList<>();
    private FiscalAccountRow fiscalAccount;

    LookupUserResponseBuilder(NcipHeader requestHeader) {
        this.requestHeader = requestHeader;
    }

    /** The patron's identifier as the initiator should use it in later messages. */
    public LookupUserResponseBuilder userId(NcipUserId userId) {
        this.userId = userId;
        return this;
    }

    public LookupUserResponseBuilder name(NcipPersonName name) {
        this.name = name;
        return this;
    }

    /** E.g. {@code emailAddress("Home", "patron@example.org")}. */
    public LookupUserResponseBuilder emailAddress(String role, String email) {
        return electronicAddress(role, MAILTO, email);
    }

    public LookupUserResponseBuilder phoneNumber(String role, String phone) {
        return electronicAddress(role, TEL, phone);
    }

    public LookupUserResponseBuilder electronicAddress(String role, String addressType, String address) {
        ElectronicAddress electronic = new ElectronicAddress();
        electronic.setElectronicAddressType(SchemeValue.of(Objects.requireNonNull(addressType, "type")).toJaxb());
        electronic.setElectronicAddressData(Objects.requireNonNull(address, "address"));
        UserAddressInformation info = addressInformation(role);
        info.setElectronicAddress(electronic);
        addresses.add(info);
        return this;
    }

    public LookupUserResponseBuilder postalAddress(String role, NcipPostalAddress address) {
        UserAddressInformation info = addressInformation(role);
        info.setPhysicalAddress(Objects.requireNonNull(address, "address").toJaxb());
        addresses.add(info);
        return this;
    }

    public LookupUserResponseBuilder privilege(UserPrivilegeRow privilege) {
        privileges.add(Objects.requireNonNull(privilege, "privilege"));
        return this;
    }

    /**
     * The three rows initiators read: {@code LIBRARY} = home library, {@code PROFILE} = User Profile name,
     * {@code STATUS} = User Standing; each with {@code validTo} (privilege expiry) as ValidToDate.
     */
    public LookupUserResponseBuilder standardPrivileges(SchemeValue agencyId, String library, String profile,
            NcipUserStatus status, OffsetDateTime validTo) {
        privileges.add(UserPrivilegeRow.library(agencyId, library, validTo));
        privileges.add(UserPrivilegeRow.profile(agencyId, profile, validTo));
        privileges.add(UserPrivilegeRow.status(agencyId, status, validTo));
        return this;
    }

    /** One block per service the patron is denied, e.g. {@link BlockOrTrapRow#CHECK_OUT}. */
    public LookupUserResponseBuilder blockOrTrap(BlockOrTrapRow block) {
        blocks.add(Objects.requireNonNull(block, "block"));
        return this;
    }

    /** Another identifier of the same patron (e.g. type {@code uuid}), sent in UserOptionalFields. */
    public LookupUserResponseBuilder additionalUserId(NcipUserId otherId) {
        additionalUserIds.add(Objects.requireNonNull(otherId, "otherId"));
        return this;
    }

    public LookupUserResponseBuilder loanedItem(LoanedItemRow item) {
        loanedItems.add(Objects.requireNonNull(item, "item"));
        return this;
    }

    public LookupUserResponseBuilder requestedItem(RequestedItemRow item) {
        requestedItems.add(Objects.requireNonNull(item, "item"));
        return this;
    }

    public LookupUserResponseBuilder fiscalAccount(FiscalAccountRow account) {
        this.fiscalAccount = account;
        return this;
    }

    public NcipResponse build() {
        NcipService service = NcipService.LOOKUP_USER;
        LookupUserResponse response = new LookupUserResponse();
        response.setResponseHeader(NcipHeader.swappedResponseHeader(requestHeader));
        response.setUserId(NcipResponses.require(userId, service, "UserId").toJaxb());
        if (fiscalAccount != null) {
            response.getUserFiscalAccount().add(fiscalAccount.toJaxb());
        }
        loanedItems.forEach(item -> response.getLoanedItem().add(item.toJaxb()));
        requestedItems.forEach(item -> response.getRequestedItem().add(item.toJaxb()));
        if (name != null || !addresses.isEmpty() || !privileges.isEmpty() || !blocks.isEmpty()
                || !additionalUserIds.isEmpty()) {
            UserOptionalFields fields = new UserOptionalFields();
            fields.setNameInformation(name == null ? null : name.toJaxb());
            fields.getUserAddressInformation().addAll(addresses);
            privileges.forEach(privilege -> fields.getUserPrivilege().add(privilege.toJaxb()));
            blocks.forEach(block -> fields.getBlockOrTrap().add(block.toJaxb()));
            additionalUserIds.forEach(id -> fields.getUserId().add(id.toJaxb()));
            response.setUserOptionalFields(fields);
        }
        NCIPMessage message = new NCIPMessage();
        message.setLookupUserResponse(response);
        return NcipResponses.success(service, message);
    }

    private static UserAddressInformation addressInformation(String role) {
        UserAddressInformation info = new UserAddressInformation();
        info.setUserAddressRoleType(SchemeValue.of(Objects.requireNonNull(role, "role")).toJaxb());
        return info;
    }
}
