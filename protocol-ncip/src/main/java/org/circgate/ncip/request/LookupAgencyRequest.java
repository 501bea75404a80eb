package org.circgate.ncip.request;

import java.util.Objects;

import org.circgate.ncip.NcipHeader;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.SchemeValue;

/**
 * LookupAgency: describe an agency (ours).
 *
 * @param header         InitiationHeader, or null
 * @param agencyId       AgencyId asked about, or null
 * @param agencyElements requested AgencyElementTypes
 */
public record LookupAgencyRequest(NcipHeader header, SchemeValue agencyId, ElementTypes agencyElements)
        implements NcipRequest {

    public LookupAgencyRequest {
        Objects.requireNonNull(agencyElements, "agencyElements");
    }

    @Override
    public NcipService service() {
        return NcipService.LOOKUP_AGENCY;
    }
}
