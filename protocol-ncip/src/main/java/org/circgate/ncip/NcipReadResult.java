package org.circgate.ncip;

import java.util.Objects;
import java.util.Optional;

import org.circgate.ncip.request.NcipRequest;
import org.circgate.ncip.response.NcipResponse;
import org.circgate.ncip.response.NcipResponses;
import org.circgate.ncip.xml.NCIPMessage;

/** What {@link NcipReader} made of a body: a request to answer, or a failure that already knows its answer. */
public sealed interface NcipReadResult permits NcipReadResult.Parsed, NcipReadResult.Failed {

    /** The service element's local name as sent, or null if the reader never got that far. */
    String serviceName();

    /** The InitiationHeader as far as it could be read, or null. */
    NcipHeader header();

    /**
     * A request for one of the {@link NcipService}s.
     *
     * @param request the typed view of the request (switch on {@code request.service()})
     * @param message the full JAXB tree, for elements the typed view does not carry; treat it as read-only
     * @param version the root's {@code version} attribute as sent (not checked), or null
     */
    record Parsed(NcipRequest request, NCIPMessage message, String version) implements NcipReadResult {

        public Parsed {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String serviceName() {
            return request.service().elementName();
        }

        @Override
        public NcipHeader header() {
            return request.header();
        }
    }

    /**
     * A body that gets no service processing. {@link #response()} is the Problem answer; send it with HTTP 200,
     * except {@link NcipReadError#BODY_TOO_LARGE}, which is HTTP 413.
     *
     * @param error       why
     * @param detail      a short human-readable reason (no stack trace, no echoed body), used as ProblemDetail
     * @param serviceName the service element's local name, if the reader got that far
     * @param header      the InitiationHeader as far as it was read, or null
     */
    record Failed(NcipReadError error, String detail, String serviceName, NcipHeader header)
            implements NcipReadResult {

        public Failed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(detail, "detail");
        }

        /** The Problem to answer with, in the standard's terms. */
        public NcipProblem problem() {
            String element = error == NcipReadError.UNSUPPORTED_SERVICE ? serviceName : null;
            return NcipProblem.of(error.problemType(), element, null, detail);
        }

        /**
         * The complete answer: for an unsupported service that the schema knows, its {@code ...Response} with the
         * header echoed (From/To swapped) and the Problem; otherwise a top-level NCIPMessage/Problem.
         */
        public NcipResponse response() {
            return NcipResponses.readFailure(this);
        }
    }

    default boolean isParsed() {
        return this instanceof Parsed;
    }

    default Optional<Parsed> parsed() {
        return this instanceof Parsed parsed ? Optional.of(parsed) : Optional.empty();
    }

    default Optional<Failed> failed() {
        return this instanceof Failed failed ? Optional.of(failed) : Optional.empty();
    }
}
