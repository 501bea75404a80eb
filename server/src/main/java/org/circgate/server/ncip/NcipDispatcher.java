package org.circgate.server.ncip;

import java.nio.charset.Charset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.circgate.ncip.NcipProblems;
import org.circgate.ncip.NcipReadError;
import org.circgate.ncip.NcipReadResult;
import org.circgate.ncip.NcipReader;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.request.NcipRequest;
import org.circgate.ncip.response.NcipResponse;
import org.circgate.ncip.response.NcipResponses;
import org.circgate.server.db.PersistenceException;
import org.circgate.server.metrics.ServerMetrics.MapAction;
import org.circgate.server.metrics.ServerMetrics.Outcome;
import org.circgate.server.ncip.agency.NcipAgency;
import org.circgate.server.security.HashCapacityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an authenticated request body into an NCIP answer: read it (leniently, never resolving entities), check
 * that the message is the agency's own and the service one it may use, and hand it to the service's handler.
 * Every body gets an NCIP answer; only a FromAgencyId that names another agency is refused at the HTTP level.
 */
final class NcipDispatcher {
    private static final Logger log = LoggerFactory.getLogger(NcipDispatcher.class);

    /** The metrics command label for bodies that never reached a service. */
    static final String UNSUPPORTED = "Unsupported";

    /** What to send back: the HTTP status, the NCIP body (null for a bare HTTP refusal) and metric labels. */
    record Reply(int status, NcipResponse response, String command, Outcome outcome, MapAction action) {
    }

    private final NcipReader reader;
    private final Map<NcipService, NcipServiceHandler> handlers = new EnumMap<>(NcipService.class);

    NcipDispatcher(NcipReader reader, List<NcipServiceHandler> handlers) {
        this.reader = reader;
        for (NcipServiceHandler handler : handlers) {
            if (this.handlers.put(handler.service(), handler) != null) {
                throw new IllegalArgumentException("two handlers for " + handler.service());
            }
        }
        if (this.handlers.size() != NcipService.values().length) {
            throw new IllegalArgumentException("a handler is missing: have " + this.handlers.keySet());
        }
    }

    Reply answer(NcipAgency agency, byte[] body, Charset transportCharset) {
        NcipReadResult result = reader.read(body, transportCharset);
        if (result instanceof NcipReadResult.Failed failed) {
            if (failed.error() == NcipReadError.BODY_TOO_LARGE) {
                return new Reply(413, null, UNSUPPORTED, Outcome.INVALID, MapAction.NONE);
            }
            if (failed.error().hostile()) {
                log.info("NCIP request from agency {} refused as hostile: {} ({})", agency.agencyId(),
                        failed.error(), failed.detail());
            } else {
                log.debug("NCIP request from agency {} not read: {} ({})", agency.agencyId(), failed.error(),
                        failed.detail());
            }
            return new Reply(200, failed.response(), UNSUPPORTED, Outcome.INVALID, MapAction.NONE);
        }
        NcipRequest request = ((NcipReadResult.Parsed) result).request();
        NcipService service = request.service();
        String fromAgency = request.header() == null ? null : request.header().fromAgency().orElse(null);
        if (!agency.isNamedBy(fromAgency)) {
            log.info("NCIP {} refused: FromAgencyId does not belong to the API key of agency {}",
                    service.elementName(), agency.agencyId());
            return new Reply(401, null, service.elementName(), Outcome.DENIED, MapAction.NONE);
        }
        if (!agency.options().allows(service)) {
            return new Reply(200, NcipResponses.problem(request, NcipProblems.unauthorizedServiceForAgency(
                    agency.agencyId(), service.elementName() + " is not enabled for this agency")),
                    service.elementName(), Outcome.DENIED, MapAction.NONE);
        }
        try {
            NcipServiceHandler.Answer answer = handlers.get(service).handle(request, agency);
            return new Reply(200, answer.response(), service.elementName(), answer.outcome(), answer.action());
        } catch (PersistenceException | HashCapacityException e) {
            log.warn("NCIP {} from agency {} failed: {}", service.elementName(), agency.agencyId(), e.getMessage());
            return new Reply(200, NcipResponses.problem(request, NcipProblems.temporaryProcessingFailure(
                    "The library system is temporarily unavailable; please try again")),
                    service.elementName(), Outcome.ERROR, MapAction.NONE);
        }
    }
}
