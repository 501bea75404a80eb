package org.circgate.server.ncip;

import java.util.Objects;
import org.circgate.ncip.NcipProblem;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.request.NcipRequest;
import org.circgate.ncip.response.NcipResponse;
import org.circgate.ncip.response.NcipResponses;
import org.circgate.server.metrics.ServerMetrics.MapAction;
import org.circgate.server.metrics.ServerMetrics.Outcome;
import org.circgate.server.ncip.agency.NcipAgency;

/**
 * One NCIP service (one class per service in {@code ncip/service/}). Runs on a worker thread with the agency already
 * authenticated; business refusals are Problems in the answer, never exceptions. A database failure may escape as
 * {@link org.circgate.server.db.PersistenceException}: the dispatcher turns it into Temporary Processing Failure.
 */
public interface NcipServiceHandler {
    NcipService service();

    Answer handle(NcipRequest request, NcipAgency agency);

    /** The response and what it means for metrics. */
    record Answer(NcipResponse response, Outcome outcome, MapAction action) {
        public Answer {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(action, "action");
        }

        public static Answer ok(NcipResponse response, MapAction action) {
            return new Answer(response, Outcome.OK, action);
        }

        /** A refusal with one Problem, no policy decision involved. */
        public static Answer problem(NcipRequest request, NcipProblem problem) {
            return new Answer(NcipResponses.problem(request, problem), Outcome.DENIED, MapAction.NONE);
        }

        /** A refusal the policy decided. */
        public static Answer denied(NcipRequest request, NcipProblem problem, MapAction action) {
            return new Answer(NcipResponses.problem(request, problem), Outcome.DENIED, action);
        }
    }
}
