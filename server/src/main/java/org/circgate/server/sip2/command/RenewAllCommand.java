package org.circgate.server.sip2.command;

import java.util.ArrayList;
import java.util.List;
import org.circgate.server.circulation.RenewAllResult;
import org.circgate.server.circulation.RenewalResult;
import org.circgate.server.circulation.RenewalService;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.sip2.PatronIdentification;
import org.circgate.server.sip2.PatronIdentification.Identified;
import org.circgate.server.sip2.PatronRendering;
import org.circgate.server.sip2.Sip2CommandHandler;
import org.circgate.server.sip2.Sip2Resends;
import org.circgate.server.sip2.Sip2Services;
import org.circgate.server.sip2.Sip2Session;
import org.circgate.server.sip2.Sip2Times;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.RenewAllRequest;
import org.circgate.sip2.message.RenewAllResponse;
import org.circgate.sip2.message.Sip2Response;

/**
 * 65 Renew All → 66: every loan of the patron decided on its own (map command Renew, renewal limit, holds by
 * others); BM lists the renewed items, BN the others, each with a screen message saying why it was not renewed.
 * ok=1 whenever the patron is known and authenticated, even if nothing could be renewed.
 */
public final class RenewAllCommand implements Sip2CommandHandler {
    private final Sip2Services services;
    private final RenewalService renewals;

    public RenewAllCommand(Sip2Services services) {
        this.services = services;
        this.renewals = new RenewalService(services.circulation());
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.RENEW_ALL;
    }

    @Override
    public boolean changesState() {
        return true;
    }

    @Override
    public Answer handle(DecodedMessage message, Sip2Session session) {
        RenewAllRequest request = (RenewAllRequest) message.request();
        Identified patron = PatronIdentification.identify(services, session, request.patronIdentifier(),
                request.patronPassword());
        if (!patron.known()) {
            return Answer.denied(refused(session, "Patron not found"));
        }
        if (!patron.authenticated()) {
            String why = PatronRendering.pinMessage(patron.pin());
            return Answer.denied(refused(session, why == null ? "PIN required" : why));
        }
        return Sip2Resends.inTransaction(services, session, message, connection ->
                answer(session, renewals.renewAll(connection, session.operator(), request.patronIdentifier())));
    }

    private Answer answer(Sip2Session session, RenewAllResult result) {
        if (!result.patronKnown()) {
            return Answer.denied(refused(session, "Patron not found"));
        }
        List<String> renewed = new ArrayList<>();
        List<String> notRenewed = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (RenewalResult item : result.results()) {
            if (item.status().ok()) {
                renewed.add(item.item().barcode());
            } else {
                notRenewed.add(item.item().barcode());
                messages.add(item.item().barcode() + ": " + (item.decision() == null ? "not renewed"
                        : item.decision().message()));
            }
        }
        messages.add(0, result.results().isEmpty() ? "No items to renew"
                : "Renewed " + renewed.size() + " of " + result.results().size());
        RenewAllResponse response = base(session)
                .ok(true)
                .renewedCount(renewed.size())
                .unrenewedCount(notRenewed.size())
                .renewedItems(renewed)
                .unrenewedItems(notRenewed)
                .screenMessages(messages)
                .build();
        return new Answer(response, ServerMetrics.Outcome.OK, ServerMetrics.MapAction.NONE);
    }

    private RenewAllResponse.Builder base(Sip2Session session) {
        return RenewAllResponse.builder()
                .ok(false)
                .renewedCount(0)
                .unrenewedCount(0)
                .transactionDate(Sip2Times.now(services.clock(), session))
                .institutionId(session.institution() == null ? "" : session.institution().code());
    }

    private Sip2Response refused(Sip2Session session, String screenMessage) {
        return base(session).screenMessages(screenMessage).build();
    }

    @Override
    public Sip2Response refusal(DecodedMessage message, Sip2Session session, String screenMessage) {
        return refused(session, screenMessage);
    }
}
