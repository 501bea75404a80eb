package org.circgate.ncip;

import java.util.Objects;

import org.circgate.ncip.xml.UserId;

/**
 * A UserId: the patron identifier value with its optional AgencyId and UserIdentifierType (e.g. {@code Barcode}).
 * The value identifies a patron, so toString masks it.
 */
public record NcipUserId(SchemeValue agencyId, SchemeValue identifierType, String value) {

    public NcipUserId {
        Objects.requireNonNull(value, "value");
    }

    public static NcipUserId of(String value) {
        return new NcipUserId(null, null, value);
    }

    public static NcipUserId of(SchemeValue agencyId, String value) {
        return new NcipUserId(agencyId, null, value);
    }

    /** Null for a missing element or one without UserIdentifierValue. */
    public static NcipUserId fromJaxb(UserId userId) {
        if (userId == null || userId.getUserIdentifierValue() == null) {
            return null;
        }
        return new NcipUserId(SchemeValue.fromJaxb(userId.getAgencyId()),
                SchemeValue.fromJaxb(userId.getUserIdentifierType()), userId.getUserIdentifierValue().trim());
    }

    public UserId toJaxb() {
        UserId userId = new UserId();
        userId.setAgencyId(SchemeValue.toJaxb(agencyId));
        userId.setUserIdentifierType(SchemeValue.toJaxb(identifierType));
        userId.setUserIdentifierValue(value);
        return userId;
    }

    @Override
    public String toString() {
        return "NcipUserId[agencyId=" + agencyId + ", identifierType=" + identifierType + ", value=***]";
    }
}
