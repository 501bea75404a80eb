package org.circgate.server.sip2;

import org.circgate.server.metrics.ServerMetrics;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.Sip2Response;

/** One SIP2 request type; runs on a worker thread and may block on the database. */
public interface Sip2CommandHandler {
    /** The request this handler answers. */
    Sip2Command command();

    /** Whether the request needs a successful 93 first (99 and 93 itself do not). */
    default boolean requiresLogin() {
        return true;
    }

    /** The answer; never null. Denials are answers too (ok=0 and a screen message), not exceptions. */
    Answer handle(DecodedMessage request, Sip2Session session);

    /**
     * This command's own negative answer (ok=0, or an unknown-patron status) carrying {@code screenMessage}: for a
     * request sent before login, one the account may not use, or one the database could not serve. Null means
     * "answer with 96".
     */
    default Sip2Response refusal(DecodedMessage request, Sip2Session session, String screenMessage) {
        return null;
    }

    /** Whether the request changes state, so an exact resend must replay the stored response. */
    default boolean changesState() {
        return false;
    }

    /** A response and how the request ended, for metrics. */
    record Answer(Sip2Response response, ServerMetrics.Outcome outcome, ServerMetrics.MapAction action) {
        public static Answer ok(Sip2Response response) {
            return new Answer(response, ServerMetrics.Outcome.OK, ServerMetrics.MapAction.NONE);
        }

        public static Answer denied(Sip2Response response) {
            return new Answer(response, ServerMetrics.Outcome.DENIED, ServerMetrics.MapAction.NONE);
        }
    }
}
