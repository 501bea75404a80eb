package org.circgate.server.ncip.service;

import org.circgate.ncip.NcipProblems;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.SchemeValue;
import org.circgate.ncip.request.LookupAgencyRequest;
import org.circgate.ncip.request.NcipRequest;
import org.circgate.ncip.response.NcipResponses;
import org.circgate.ncip.response.UserPrivilegeRow;
import org.circgate.server.metrics.ServerMetrics.MapAction;
import org.circgate.server.ncip.NcipServiceHandler;
import org.circgate.server.ncip.NcipServices;
import org.circgate.server.ncip.agency.NcipAgency;

/**
 * LookupAgency: describes our agency, the institution the partner's key belongs to (its code as AgencyId, its name,
 * and the user privilege types LookupUser reports). Asking about any other agency is Unknown Agency.
 */
public final class LookupAgencyService implements NcipServiceHandler {
    public LookupAgencyService(NcipServices services) {
        // Nothing to load: the authenticated agency carries its institution.
    }

    @Override
    public NcipService service() {
        return NcipService.LOOKUP_AGENCY;
    }

    @Override
    public Answer handle(NcipRequest request, NcipAgency agency) {
        LookupAgencyRequest lookup = (LookupAgencyRequest) request;
        String code = agency.institution().code();
        if (lookup.agencyId() != null && !lookup.agencyId().value().strip().equalsIgnoreCase(code)) {
            return Answer.problem(request, NcipProblems.unknownAgency(NcipProblems.AGENCY_ELEMENT,
                    lookup.agencyId().value(), "This responder answers for agency " + code));
        }
        return Answer.ok(NcipResponses.lookupAgency(request.header())
                .agencyId(SchemeValue.of(code))
                .organizationName("Legal", agency.institution().name())
                .userPrivilegeType(SchemeValue.of(UserPrivilegeRow.LIBRARY))
                .userPrivilegeType(SchemeValue.of(UserPrivilegeRow.PROFILE))
                .userPrivilegeType(SchemeValue.of(UserPrivilegeRow.STATUS))
                .build(), MapAction.NONE);
    }
}
