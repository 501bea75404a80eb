package org.circgate.ncip;

import java.util.Optional;

import org.circgate.ncip.xml.FromAgencyId;
import org.circgate.ncip.xml.ResponseHeader;
import org.circgate.ncip.xml.ToAgencyId;

/**
 * The InitiationHeader of a request: who calls (FromAgencyId, the partner) and whom (ToAgencyId, us). Every field is
 * optional on input because real initiators omit them; the authentication strings are secrets and never printed.
 */
public record NcipHeader(
        SchemeValue fromSystemId,
        SchemeValue fromAgencyId,
        SchemeValue onBehalfOfAgency,
        SchemeValue toSystemId,
        SchemeValue toAgencyId,
        SchemeValue applicationProfileType,
        String fromSystemAuthentication,
        String fromAgencyAuthentication) {

    /** A header carrying just the two agency ids. */
    public static NcipHeader of(SchemeValue fromAgencyId, SchemeValue toAgencyId) {
        return new NcipHeader(null, fromAgencyId, null, null, toAgencyId, null, null, null);
    }

    /** The calling partner's agency id value, e.g. {@code Relais} or {@code ReShare}. */
    public Optional<String> fromAgency() {
        return Optional.ofNullable(fromAgencyId).map(SchemeValue::value);
    }

    /** The agency the partner addressed (ours), e.g. the library code. */
    public Optional<String> toAgency() {
        return Optional.ofNullable(toAgencyId).map(SchemeValue::value);
    }

    public Optional<String> fromAgencyAuthenticationIfPresent() {
        return Optional.ofNullable(fromAgencyAuthentication);
    }

    public Optional<String> applicationProfile() {
        return Optional.ofNullable(applicationProfileType).map(SchemeValue::value);
    }

    /**
     * The ResponseHeader echoing this header with From and To swapped (agency and system ids; authentication is not
     * echoed). Null when the request lacked either agency id: the schema requires both and an invented value
     * would mislead the initiator, so the optional ResponseHeader is left out instead.
     */
    public ResponseHeader toSwappedResponseHeader() {
        if (fromAgencyId == null || toAgencyId == null) {
            return null;
        }
        ResponseHeader header = new ResponseHeader();
        header.setFromSystemId(SchemeValue.toJaxb(toSystemId));
        FromAgencyId from = new FromAgencyId();
        from.setAgencyId(toAgencyId.toJaxb());
        header.setFromAgencyId(from);
        header.setToSystemId(SchemeValue.toJaxb(fromSystemId));
        ToAgencyId to = new ToAgencyId();
        to.setAgencyId(fromAgencyId.toJaxb());
        header.setToAgencyId(to);
        return header;
    }

    /** Null-tolerant {@link #toSwappedResponseHeader()}. */
    public static ResponseHeader swappedResponseHeader(NcipHeader requestHeader) {
        return requestHeader == null ? null : requestHeader.toSwappedResponseHeader();
    }

    @Override
    public String toString() {
        return "NcipHeader[fromSystemId=" + fromSystemId + ", fromAgencyId=" + fromAgencyId
                + ", onBehalfOfAgency=" + onBehalfOfAgency + ", toSystemId=" + toSystemId
                + ", toAgencyId=" + toAgencyId + ", applicationProfileType=" + applicationProfileType
                + ", fromSystemAuthentication=" + Masking.mask(fromSystemAuthentication)
                + ", fromAgencyAuthentication=" + Masking.mask(fromAgencyAuthentication) + "]";
    }
}
