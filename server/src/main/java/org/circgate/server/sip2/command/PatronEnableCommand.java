package org.circgate.server.sip2.command;

import java.util.ArrayList;
import java.util.List;
import org.circgate.server.circulation.CirculationService.PatronView;
import org.circgate.server.circulation.StandingResult;
import org.circgate.server.circulation.StandingService;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.sip2.PatronIdentification;
import org.circgate.server.sip2.PatronIdentification.Identified;
import org.circgate.server.sip2.PatronRendering;
import org.circgate.server.sip2.Sip2CommandHandler;
import org.circgate.server.sip2.Sip2Resends;
import org.circgate.server.sip2.Sip2Services;
import org.circgate.server.sip2.Sip2Session;
import org.circgate.server.sip2.Sip2Times;
import org.circgate.sip2.Language;
import org.circgate.sip2.PatronStatus;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.PatronEnableRequest;
import org.circgate.sip2.message.PatronEnableResponse;
import org.circgate.sip2.message.Sip2Response;

/**
 * 25 Patron Enable → 26: "Reinstate User" (seed 002). A BARRED (or BARRED-type custom) standing is replaced by the
 * standing the patron's bills and overdues give now, which may be BLOCKED or DELINQUENT rather than OK; the 26 shows
 * the status that results. Any other standing is left alone (the system maintains OK, DELINQUENT and BLOCKED) and
 * the 26 says so. The name appears only when the PIN checks out.
 */
public final class PatronEnableCommand implements Sip2CommandHandler {
    private final Sip2Services services;
    private final StandingService standings;

    public PatronEnableCommand(Sip2Services services) {
        this.services = services;
        this.standings = new StandingService(services.circulation());
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.PATRON_ENABLE;
    }

    @Override
    public boolean changesState() {
        return true;
    }

    @Override
    public Answer handle(DecodedMessage message, Sip2Session session) {
        PatronEnableRequest request = (PatronEnableRequest) message.request();
        Identified patron = PatronIdentification.identify(services, session, request.patronIdentifier(),
                request.patronPassword());
        if (!patron.known()) {
            return Answer.denied(unknown(session, request.patronIdentifier(), "Patron not found"));
        }
        String pinProblem = PatronRendering.pinMessage(patron.pin());
        return Sip2Resends.inTransaction(services, session, message, connection -> {
            StandingResult result = standings.reinstate(connection, session.operator(), request.patronIdentifier());
            if (result.status() == StandingResult.Status.UNKNOWN_PATRON) {
                return Answer.denied(unknown(session, request.patronIdentifier(), "Patron not found"));
            }
            PatronView view = services.circulation().patronView(connection, session.operator(),
                    request.patronIdentifier()).orElseThrow();
            List<String> messages = new ArrayList<>();
            if (pinProblem != null) {
                messages.add(pinProblem);
            }
            boolean reinstated = result.status() == StandingResult.Status.REINSTATED;
            messages.add(reinstated ? "Patron enabled; status now " + result.to()
                    : "Patron is not blocked by staff; nothing to enable (status " + result.from() + ")");
            messages.addAll(PatronRendering.messages(view, null));
            boolean showName = patron.authenticated() && patron.pin().accepted()
                    && session.account().options().shows("AE");
            PatronEnableResponse response = PatronEnableResponse.builder()
                    .patronStatus(PatronRendering.status(view))
                    .language(PatronRendering.language(view))
                    .transactionDate(Sip2Times.now(services.clock(), session))
                    .institutionId(session.institution().code())
                    .patronIdentifier(request.patronIdentifier())
                    .personalName(showName ? view.patron().name() : "")
                    .validPatron(true)
                    .validPatronPassword(patron.pin().accepted())
                    .screenMessages(messages)
                    .build();
            return new Answer(response, reinstated ? ServerMetrics.Outcome.OK : ServerMetrics.Outcome.DENIED,
                    ServerMetrics.MapAction.NONE);
        });
    }

    private Sip2Response unknown(Sip2Session session, String patron, String screenMessage) {
        return PatronEnableResponse.builder()
                .patronStatus(PatronStatus.UNKNOWN_PATRON)
                .language(Language.UNKNOWN)
                .transactionDate(Sip2Times.now(services.clock(), session))
                .institutionId(session.institution() == null ? "" : session.institution().code())
                .patronIdentifier(patron)
                .personalName("")
                .validPatron(false)
                .validPatronPassword(false)
                .screenMessages(screenMessage)
                .build();
    }

    @Override
    public Sip2Response refusal(DecodedMessage message, Sip2Session session, String screenMessage) {
        return unknown(session, ((PatronEnableRequest) message.request()).patronIdentifier(), screenMessage);
    }
}
