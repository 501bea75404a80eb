package org.circgate.server.sip2.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.circgate.server.circulation.CheckoutResult;
import org.circgate.server.circulation.CirculationPrefetch;
import org.circgate.server.circulation.CirculationService;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.sip2.PatronIdentification;
import org.circgate.server.sip2.PatronIdentification.Identified;
import org.circgate.server.sip2.PatronRendering;
import org.circgate.server.sip2.SharedCommand;
import org.circgate.server.sip2.SharedTransactions;
import org.circgate.server.sip2.Sip2Resends;
import org.circgate.server.sip2.Sip2Services;
import org.circgate.server.sip2.Sip2Session;
import org.circgate.server.sip2.Sip2Times;
import org.circgate.sip2.CurrencyType;
import org.circgate.sip2.FeeType;
import org.circgate.sip2.MediaType;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Tristate;
import org.circgate.sip2.message.CheckoutRequest;
import org.circgate.sip2.message.CheckoutResponse;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.Sip2Response;

/**
 * 11 Checkout → 12, decided by the policy on interface SIP2 (Allow Override counts as Deny). The due date comes from
 * the circulation rules; an item with a loan fee is refused with BV/BT/BH until the kiosk resends with BO=Y; a
 * no-block (offline) checkout is accepted only from accounts that allow it; BI=Y undoes this kiosk's own last
 * checkout of the item; an item already out to the same patron is renewed when the SC's renewal policy says so.
 */
public final class CheckoutCommand implements SharedCommand {
    private final Sip2Services services;

    public CheckoutCommand(Sip2Services services) {
        this.services = services;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.CHECKOUT;
    }

    @Override
    public boolean changesState() {
        return true;
    }

    @Override
    public Answer handle(DecodedMessage message, Sip2Session session) {
        CheckoutRequest request = (CheckoutRequest) message.request();
        if (needsPatronLookup(session, request)) {
            Identified patron = PatronIdentification.identify(services, session, request.patronIdentifier(),
                    request.patronPassword());
            if (patron.known() && !patron.authenticated()) {
                String why = PatronRendering.pinMessage(patron.pin());
                return Answer.denied(refused(session, request, why == null ? "PIN required" : why));
            }
        }
        return Sip2Resends.inTransaction(services, session, message, rows(request), work(session, request));
    }

    @Override
    public SharedTransactions.Unit sharedUnit(DecodedMessage message, Sip2Session session) {
        CheckoutRequest request = (CheckoutRequest) message.request();
        if (needsPatronLookup(session, request)) {
            return null;
        }
        return Sip2Resends.sharedUnit(services, session, message, rows(request), work(session, request));
    }

    /**
     * A PIN to check first (which may hash, so never on an I/O loop). Without one, the checkout's own transaction
     * finds (or misses) the patron; an offline checkout or a cancel checks no PIN.
     */
    private static boolean needsPatronLookup(Sip2Session session, CheckoutRequest request) {
        return !offline(session, request) && !Boolean.TRUE.equals(request.cancel())
                && !PatronIdentification.authenticatedWithoutLookup(session, request.patronIdentifier(),
                        request.patronPassword());
    }

    private static boolean offline(Sip2Session session, CheckoutRequest request) {
        return request.noBlock() && session.account().options().acceptOffline();
    }

    private static CirculationPrefetch.Request rows(CheckoutRequest request) {
        return CirculationPrefetch.Request.checkout(request.patronIdentifier(), request.itemIdentifier());
    }

    private Sip2Resends.Work work(Sip2Session session, CheckoutRequest request) {
        boolean offline = offline(session, request);
        Instant offlineDue = offline && request.nbDueDate() != null
                ? request.nbDueDate().toInstant(session.institution().zone()) : null;
        CirculationService.Checkout checkout = new CirculationService.Checkout(request.patronIdentifier(),
                request.itemIdentifier(), Boolean.TRUE.equals(request.feeAcknowledged()), offline, offlineDue,
                request.scRenewalPolicy(), Boolean.TRUE.equals(request.cancel()));
        return connection -> answer(session, request,
                services.circulation().checkout(connection, session.operator(), checkout));
    }

    private Answer answer(Sip2Session session, CheckoutRequest request, CheckoutResult result) {
        CheckoutResponse.Builder response = base(session, request);
        List<String> messages = new ArrayList<>();
        switch (result.status()) {
            case CHECKED_OUT, RENEWED -> {
                response.ok(true).renewalOk(result.status() == CheckoutResult.Status.RENEWED)
                        .desensitize(Tristate.YES)
                        .dueDate(Sip2Times.at(result.due(), session).toWire());
                if (result.feeCents() > 0) {
                    fee(response, result.feeCents());
                }
                if (result.decision() != null && !result.decision().reasons().isEmpty()
                        && result.decision().isAllowed()) {
                    messages.add(result.decision().message());
                }
                messages.add(result.status() == CheckoutResult.Status.RENEWED ? "Renewed" : "Checked out");
            }
            case CANCELLED -> {
                response.ok(true).desensitize(Tristate.NO);
                messages.add("Checkout cancelled");
            }
            case FEE_NOT_ACKNOWLEDGED -> {
                fee(response, result.feeCents());
                messages.add("This item has a loan fee of " + PatronRendering.amount(result.feeCents())
                        + "; please confirm to check it out");
            }
            case DENIED -> messages.add(result.decision().message());
            case UNKNOWN_PATRON -> messages.add("Patron not found");
            case UNKNOWN_ITEM -> messages.add("Item not found");
            case NOTHING_TO_CANCEL -> messages.add("No checkout of this item by this terminal to cancel");
        }
        if (result.item() != null) {
            response.titleIdentifier(result.item().title())
                    .mediaType(MediaType.of(Integer.parseInt(result.item().mediaType())))
                    .itemProperties(result.item().properties());
        }
        response.screenMessages(messages);
        ServerMetrics.Outcome outcome = result.status().ok() ? ServerMetrics.Outcome.OK
                : ServerMetrics.Outcome.DENIED;
        return new Answer(response.build(), outcome, ServerMetrics.MapAction.of(result.decision()));
    }

    private static void fee(CheckoutResponse.Builder response, long cents) {
        response.feeType(FeeType.of(6)).currencyType(CurrencyType.USD).feeAmount(PatronRendering.amount(cents));
    }

    private CheckoutResponse.Builder base(Sip2Session session, CheckoutRequest request) {
        return CheckoutResponse.builder()
                .ok(false)
                .renewalOk(false)
                .magneticMedia(Tristate.UNKNOWN)
                .desensitize(Tristate.NO)
                .transactionDate(Sip2Times.now(services.clock(), session))
                .institutionId(session.institution() == null ? "" : session.institution().code())
                .patronIdentifier(request.patronIdentifier())
                .itemIdentifier(request.itemIdentifier())
                .titleIdentifier("")
                .dueDate("");
    }

    private Sip2Response refused(Sip2Session session, CheckoutRequest request, String screenMessage) {
        return base(session, request).screenMessages(screenMessage).build();
    }

    @Override
    public Sip2Response refusal(DecodedMessage message, Sip2Session session, String screenMessage) {
        return refused(session, (CheckoutRequest) message.request(), screenMessage);
    }
}
