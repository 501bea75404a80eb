package org.circgate.server.sip2.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.circgate.sip2.MediaType;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Tristate;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.RenewRequest;
import org.circgate.sip2.message.RenewResponse;
import org.circgate.sip2.message.Sip2Response;

/**
 * 29 Renew → 30, decided by map command Renew on interface SIP2, then the renewal limit and holds by others (both
 * need an override, so both refuse here). A loan of another patron is renewed only when the request says third
 * party Y and the account allows third-party renewals. A no-block renewal from an account that accepts off-line
 * transactions is applied (the kiosk already told the patron) and its refusal audited.
 */
public final class RenewCommand implements Sip2CommandHandler {
    private final Sip2Services services;
    private final RenewalService renewals;

    public RenewCommand(Sip2Services services) {
        this.services = services;
        this.renewals = new RenewalService(services.circulation());
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.RENEW;
    }

    @Override
    public boolean changesState() {
        return true;
    }

    @Override
    public Answer handle(DecodedMessage message, Sip2Session session) {
        RenewRequest request = (RenewRequest) message.request();
        boolean offline = request.noBlock() && session.account().options().acceptOffline();
        if (!offline) {
            Identified patron = PatronIdentification.identify(services, session, request.patronIdentifier(),
                    request.patronPassword());
            if (patron.known() && !patron.authenticated()) {
                String why = PatronRendering.pinMessage(patron.pin());
                return Answer.denied(refused(session, request, why == null ? "PIN required" : why));
            }
        }
        Instant offlineDue = offline && request.nbDueDate() != null
                ? request.nbDueDate().toInstant(session.institution().zone()) : null;
        RenewalService.Renew renew = new RenewalService.Renew(request.patronIdentifier(), request.itemIdentifier(),
                request.titleIdentifier(),
                request.thirdPartyAllowed() && session.account().options().thirdPartyRenewAllowed(), offline,
                offlineDue);
        return Sip2Resends.inTransaction(services, session, message, connection ->
                answer(session, request, renewals.renew(connection, session.operator(), renew)));
    }

    private Answer answer(Sip2Session session, RenewRequest request, RenewalResult result) {
        RenewResponse.Builder response = base(session, request);
        List<String> messages = new ArrayList<>();
        switch (result.status()) {
            case RENEWED -> {
                response.ok(true).renewalOk(true).desensitize(Tristate.YES)
                        .dueDate(Sip2Times.at(result.due(), session).toWire());
                if (result.decision() != null && !result.decision().reasons().isEmpty()) {
                    messages.add(result.decision().message());
                }
                messages.add("Renewed");
                if (result.fineBilledCents() > 0) {
                    messages.add("Overdue fine billed: " + PatronRendering.amount(result.fineBilledCents()));
                }
            }
            case DENIED -> messages.add(result.decision().message());
            case UNKNOWN_PATRON -> messages.add("Patron not found");
            case UNKNOWN_ITEM -> messages.add("Item not found");
            case NOT_CHARGED -> messages.add("You have no copy of this title checked out");
        }
        if (result.item() != null) {
            response.itemIdentifier(result.item().barcode())
                    .titleIdentifier(result.item().title())
                    .mediaType(MediaType.of(Integer.parseInt(result.item().mediaType())))
                    .itemProperties(result.item().properties());
        }
        response.screenMessages(messages);
        return new Answer(response.build(), result.status().ok() ? ServerMetrics.Outcome.OK
                : ServerMetrics.Outcome.DENIED, ServerMetrics.MapAction.of(result.decision()));
    }

    private RenewResponse.Builder base(Sip2Session session, RenewRequest request) {
        return RenewResponse.builder()
                .ok(false)
                .renewalOk(false)
                .magneticMedia(Tristate.UNKNOWN)
                .desensitize(Tristate.NO)
                .transactionDate(Sip2Times.now(services.clock(), session))
                .institutionId(session.institution() == null ? "" : session.institution().code())
                .patronIdentifier(request.patronIdentifier())
                .itemIdentifier(request.itemIdentifier() == null ? "" : request.itemIdentifier())
                .titleIdentifier(request.titleIdentifier() == null ? "" : request.titleIdentifier())
                .dueDate("");
    }

    private Sip2Response refused(Sip2Session session, RenewRequest request, String screenMessage) {
        return base(session, request).screenMessages(screenMessage).build();
    }

    @Override
    public Sip2Response refusal(DecodedMessage message, Sip2Session session, String screenMessage) {
        return refused(session, (RenewRequest) message.request(), screenMessage);
    }
}
