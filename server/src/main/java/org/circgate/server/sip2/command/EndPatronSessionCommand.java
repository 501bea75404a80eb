package org.circgate.server.sip2.command;

import org.circgate.server.sip2.Sip2CommandHandler;
import org.circgate.server.sip2.Sip2Services;
import org.circgate.server.sip2.Sip2Session;
import org.circgate.server.sip2.Sip2Times;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.EndPatronSessionRequest;
import org.circgate.sip2.message.EndSessionResponse;
import org.circgate.sip2.message.Sip2Response;

/** 35 End Patron Session → 36: the patron's PIN, verified on this connection, is forgotten. */
public final class EndPatronSessionCommand implements Sip2CommandHandler {
    private final Sip2Services services;

    public EndPatronSessionCommand(Sip2Services services) {
        this.services = services;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.END_PATRON_SESSION;
    }

    @Override
    public Answer handle(DecodedMessage message, Sip2Session session) {
        EndPatronSessionRequest request = (EndPatronSessionRequest) message.request();
        session.endPatronSession(request.patronIdentifier());
        return Answer.ok(response(session, request, true, "Thank you"));
    }

    @Override
    public Sip2Response refusal(DecodedMessage message, Sip2Session session, String screenMessage) {
        return response(session, (EndPatronSessionRequest) message.request(), false, screenMessage);
    }

    private Sip2Response response(Sip2Session session, EndPatronSessionRequest request, boolean ended,
            String screenMessage) {
        return EndSessionResponse.builder()
                .endSession(ended)
                .transactionDate(Sip2Times.now(services.clock(), session))
                .institutionId(session.institution() == null ? "" : session.institution().code())
                .patronIdentifier(request.patronIdentifier())
                .screenMessages(screenMessage)
                .build();
    }
}
