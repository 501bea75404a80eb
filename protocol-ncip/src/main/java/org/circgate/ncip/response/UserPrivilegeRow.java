package org.circgate.ncip.response;

import java.time.OffsetDateTime;
import java.util.Objects;

import org.circgate.ncip.NcipDates;
import org.circgate.ncip.SchemeValue;
import org.circgate.ncip.xml.UserPrivilege;
import org.circgate.ncip.xml.UserPrivilegeStatus;

/**
 * One UserPrivilege of a LookupUserResponse. Initiators read these as a map AgencyUserPrivilegeType →
 * UserPrivilegeStatusType, so circgate sends the rows {@code LIBRARY} (home library), {@code PROFILE} (User Profile)
 * and {@code STATUS} (User Standing) through the factories below.
 *
 * @param agencyId      AgencyId the privilege belongs to (our agency)
 * @param privilegeType AgencyUserPrivilegeType, e.g. {@code STATUS}
 * @param status        UserPrivilegeStatusType value, or null
 * @param validFrom     ValidFromDate, or null
 * @param validTo       ValidToDate (the patron's privilege expiry), or null
 * @param description   UserPrivilegeDescription, or null
 */
public record UserPrivilegeRow(
        SchemeValue agencyId,
        SchemeValue privilegeType,
        String status,
        OffsetDateTime validFrom,
        OffsetDateTime validTo,
        String description) {

    public static final String LIBRARY = "LIBRARY";
    public static final String PROFILE = "PROFILE";
    public static final String STATUS = "STATUS";

    public UserPrivilegeRow {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(privilegeType, "privilegeType");
    }

    public static UserPrivilegeRow library(SchemeValue agencyId, String libraryCode, OffsetDateTime validTo) {
        return new UserPrivilegeRow(agencyId, SchemeValue.of(LIBRARY), Objects.requireNonNull(libraryCode),
                null, validTo, "Home library");
    }

    public static UserPrivilegeRow profile(SchemeValue agencyId, String profileName, OffsetDateTime validTo) {
        return new UserPrivilegeRow(agencyId, SchemeValue.of(PROFILE), Objects.requireNonNull(profileName),
                null, validTo, "User profile");
    }

    public static UserPrivilegeRow status(SchemeValue agencyId, NcipUserStatus status, OffsetDateTime validTo) {
        return new UserPrivilegeRow(agencyId, SchemeValue.of(STATUS), status.wireValue(), null, validTo,
                "User standing");
    }

    public UserPrivilege toJaxb() {
        UserPrivilege privilege = new UserPrivilege();
        privilege.setAgencyId(agencyId.toJaxb());
        privilege.setAgencyUserPrivilegeType(privilegeType.toJaxb());
        privilege.setValidFromDate(NcipDates.toXml(validFrom));
        privilege.setValidToDate(NcipDates.toXml(validTo));
        if (status != null) {
            UserPrivilegeStatus privilegeStatus = new UserPrivilegeStatus();
            privilegeStatus.setUserPrivilegeStatusType(SchemeValue.of(status).toJaxb());
            privilege.setUserPrivilegeStatus(privilegeStatus);
        }
        privilege.setUserPrivilegeDescription(description);
        return privilege;
    }
}
