package org.circgate.server.sip2.command;

import org.circgate.server.circulation.CirculationService.PatronView;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.sip2.PatronViewCommand;
import org.circgate.server.sip2.PatronIdentification;
import org.circgate.server.sip2.PatronIdentification.Identified;
import org.circgate.server.sip2.PatronRendering;
import org.circgate.server.sip2.Sip2Services;
import org.circgate.server.sip2.Sip2Times;
import org.circgate.server.sip2.Sip2Session;
import org.circgate.sip2.Language;
import org.circgate.sip2.PatronStatus;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.PatronStatusRequest;
import org.circgate.sip2.message.PatronStatusResponse;
import org.circgate.sip2.message.Sip2Response;

/**
 * 23 Patron Status → 24: the 14 positions from the policy's decisions on interface SIP2, BL and CQ always sent.
 * An unknown patron gets {@code YYYY} + 10 spaces and BL N; the name appears only once the PIN checks out (or when
 * the account does not require PINs).
 */
public final class PatronStatusCommand implements PatronViewCommand {
    private final Sip2Services services;

    public PatronStatusCommand(Sip2Services services) {
        this.services = services;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.PATRON_STATUS_REQUEST;
    }

    @Override
    public String patronOf(DecodedMessage message) {
        return ((PatronStatusRequest) message.request()).patronIdentifier();
    }

    @Override
    public String pinOf(DecodedMessage message) {
        return ((PatronStatusRequest) message.request()).patronPassword();
    }

    @Override
    public Answer handle(DecodedMessage message, Sip2Session session) {
        return answer(message, session,
                PatronIdentification.identify(services, session, patronOf(message), pinOf(message)));
    }

    @Override
    public Answer answer(DecodedMessage message, Sip2Session session, Identified patron) {
        PatronStatusRequest request = (PatronStatusRequest) message.request();
        if (!patron.known()) {
            return Answer.denied(unknown(session, request.patronIdentifier(), "Patron not found"));
        }
        PatronView view = patron.view().orElseThrow();
        boolean showName = patron.authenticated() && session.account().options().shows("AE");
        long owed = PatronRendering.owed(view);
        PatronStatusResponse response = PatronStatusResponse.builder()
                .patronStatus(PatronRendering.status(view))
                .language(PatronRendering.language(view))
                .transactionDate(now(session))
                .institutionId(session.institution().code())
                .patronIdentifier(request.patronIdentifier())
                .personalName(showName ? view.patron().name() : "")
                .validPatron(true)
                .validPatronPassword(patron.pin().accepted())
                .currencyType(PatronRendering.currency(view))
                .feeAmount(owed > 0 ? PatronRendering.amount(owed) : null)
                .screenMessages(PatronRendering.messages(view, patron.pin()))
                .build();
        return new Answer(response, PatronRendering.pinMessage(patron.pin()) == null ? ServerMetrics.Outcome.OK
                : ServerMetrics.Outcome.DENIED, ServerMetrics.MapAction.NONE);
    }

    @Override
    public Sip2Response refusal(DecodedMessage message, Sip2Session session, String screenMessage) {
        PatronStatusRequest request = (PatronStatusRequest) message.request();
        return unknown(session, request.patronIdentifier(), screenMessage);
    }

    private Sip2Response unknown(Sip2Session session, String patron, String screenMessage) {
        return PatronStatusResponse.builder()
                .patronStatus(PatronStatus.UNKNOWN_PATRON)
                .language(Language.UNKNOWN)
                .transactionDate(now(session))
                .institutionId(session.institution() == null ? "" : session.institution().code())
                .patronIdentifier(patron)
                .personalName("")
                .validPatron(false)
                .validPatronPassword(false)
                .screenMessages(screenMessage)
                .build();
    }

    private Sip2DateTime now(Sip2Session session) {
        return Sip2Times.now(services.clock(), session);
    }
}
