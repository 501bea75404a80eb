package org.circgate.ncip;

import java.util.Objects;

import org.circgate.ncip.xml.RequestId;

/** A RequestId: a request (hold) identifier, ours or the initiator's ILL request id, with optional AgencyId and type. */
public record NcipRequestId(SchemeValue agencyId, SchemeValue identifierType, String value) {

    public NcipRequestId {
        Objects.requireNonNull(value, "value");
    }

    public static NcipRequestId of(String value) {
        return new NcipRequestId(null, null, value);
    }

    public static NcipRequestId of(SchemeValue agencyId, String value) {
        return new NcipRequestId(agencyId, null, value);
    }

    /** Null for a missing element or one without RequestIdentifierValue. */
    public static NcipRequestId fromJaxb(RequestId requestId) {
        if (requestId == null || requestId.getRequestIdentifierValue() == null) {
            return null;
        }
        return new NcipRequestId(SchemeValue.fromJaxb(requestId.getAgencyId()),
                SchemeValue.fromJaxb(requestId.getRequestIdentifierType()),
                requestId.getRequestIdentifierValue().trim());
    }

    public RequestId toJaxb() {
        RequestId requestId = new RequestId();
        requestId.setAgencyId(SchemeValue.toJaxb(agencyId));
        requestId.setRequestIdentifierType(SchemeValue.toJaxb(identifierType));
        requestId.setRequestIdentifierValue(value);
        return requestId;
    }
}
