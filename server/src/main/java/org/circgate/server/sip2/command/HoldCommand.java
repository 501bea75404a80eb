package org.circgate.server.sip2.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.circgate.server.circulation.CirculationService;
import org.circgate.server.circulation.HoldResult;
import org.circgate.server.circulation.HoldService;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.sip2.PatronIdentification;
import org.circgate.server.sip2.PatronIdentification.Identified;
import org.circgate.server.sip2.PatronRendering;
import org.circgate.server.sip2.Sip2CommandHandler;
import org.circgate.server.sip2.Sip2Resends;
import org.circgate.server.sip2.Sip2Services;
import org.circgate.server.sip2.Sip2Session;
import org.circgate.server.sip2.Sip2Times;
import org.circgate.sip2.HoldMode;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.HoldRequest;
import org.circgate.sip2.message.HoldResponse;
import org.circgate.sip2.message.Sip2Response;

/**
 * 15 Hold → 16: add ({@code +}), delete ({@code -}) or change ({@code *}) a hold by item (AB) or title (AJ), with hold
 * type BY, pickup location BS and expiry BW. Placing is map command Place Hold plus the profile's hold limit,
 * deleting is Remove Hold, both on interface SIP2. BR is the place in the title's waiting line (hold rank, then time
 * placed); available is Y when a copy waits on the hold shelf for the hold or one that can fill it is on the shelf.
 */
public final class HoldCommand implements Sip2CommandHandler {
    private final Sip2Services services;
    private final HoldService holds;

    public HoldCommand(Sip2Services services) {
        this.services = services;
        this.holds = new HoldService(services.circulation());
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.HOLD;
    }

    @Override
    public boolean changesState() {
        return true;
    }

    @Override
    public Answer handle(DecodedMessage message, Sip2Session session) {
        HoldRequest request = (HoldRequest) message.request();
        Identified patron = PatronIdentification.identify(services, session, request.patronIdentifier(),
                request.patronPassword());
        if (patron.known() && !patron.authenticated()) {
            String why = PatronRendering.pinMessage(patron.pin());
            return Answer.denied(refused(session, request, why == null ? "PIN required" : why));
        }
        HoldMode mode = request.holdMode() == null ? HoldMode.ADD : request.holdMode();
        LocalDate expires = request.expirationDate() == null ? null
                : request.expirationDate().toInstant(session.institution().zone())
                        .atZone(session.institution().zone()).toLocalDate();
        String type = request.holdType() == null ? null : request.holdType().code();
        HoldService.Target target = new HoldService.Target(request.patronIdentifier(), request.itemIdentifier(),
                request.titleIdentifier(), null);
        return Sip2Resends.inTransaction(services, session, message, connection -> {
            HoldResult result = switch (mode) {
                case ADD -> holds.place(connection, session.operator(), new HoldService.Place(
                        request.patronIdentifier(), request.itemIdentifier(), request.titleIdentifier(), type,
                        request.pickupLocation(), expires, null));
                case DELETE -> holds.cancel(connection, session.operator(), target);
                case CHANGE -> holds.change(connection, session.operator(),
                        new HoldService.Change(target, type, request.pickupLocation(), expires));
            };
            return answer(session, request, result);
        });
    }

    private Answer answer(Sip2Session session, HoldRequest request, HoldResult result) {
        HoldResponse.Builder response = base(session, request);
        List<String> messages = new ArrayList<>();
        if (result.hold() != null) {
            response.titleIdentifier(result.hold().title())
                    .pickupLocation(result.hold().pickupLocation())
                    .available(result.status().ok() && result.available());
            if (result.hold().itemBarcode() != null) {
                response.itemIdentifier(result.hold().itemBarcode());
            }
            if (result.hold().expiresOn() != null) {
                response.expirationDate(Sip2Times.at(CirculationService.endOfDay(result.hold().expiresOn(),
                        session.institution().zone()), session));
            }
            if (result.queuePosition() > 0 && result.status() != HoldResult.Status.CANCELLED) {
                response.queuePosition(Integer.toString(result.queuePosition()));
            }
        }
        switch (result.status()) {
            case PLACED -> messages.add(result.available() ? "Hold placed; a copy is on the shelf"
                    : "Hold placed; you are number " + result.queuePosition() + " in the queue");
            case CANCELLED -> messages.add("Hold cancelled");
            case CHANGED -> messages.add("Hold changed");
            case DENIED -> messages.add(result.decision().message());
            case DUPLICATE -> messages.add("You already have a hold on this title");
            case NO_SUCH_HOLD -> messages.add("No hold of yours on this item or title");
            case ALREADY_TRAPPED -> messages.add("A copy is already on its way to your pickup location; "
                    + "please see library staff to change it");
            case UNKNOWN_PATRON -> messages.add("Patron not found");
            case UNKNOWN_ITEM -> messages.add("Item not found");
            case UNKNOWN_TITLE -> messages.add("Title not found");
            case NO_ITEM_OR_TITLE -> messages.add("Name an item or a title to hold");
            case UNKNOWN_PICKUP_LOCATION -> messages.add("Unknown pickup location");
            case INVALID_EXPIRY -> messages.add("The hold expiry date has passed");
        }
        if (result.decision() != null && result.decision().isAllowed() && !result.decision().reasons().isEmpty()) {
            messages.add(0, result.decision().message());
        }
        response.ok(result.status().ok()).screenMessages(messages);
        return new Answer(response.build(), result.status().ok() ? ServerMetrics.Outcome.OK
                : ServerMetrics.Outcome.DENIED, ServerMetrics.MapAction.of(result.decision()));
    }

    private HoldResponse.Builder base(Sip2Session session, HoldRequest request) {
        HoldResponse.Builder response = HoldResponse.builder()
                .ok(false)
                .available(false)
                .transactionDate(now(session))
                .institutionId(session.institution() == null ? "" : session.institution().code())
                .patronIdentifier(request.patronIdentifier());
        if (request.itemIdentifier() != null) {
            response.itemIdentifier(request.itemIdentifier());
        }
        if (request.titleIdentifier() != null) {
            response.titleIdentifier(request.titleIdentifier());
        }
        return response;
    }

    private Sip2DateTime now(Sip2Session session) {
        return Sip2Times.now(services.clock(), session);
    }

    private Sip2Response refused(Sip2Session session, HoldRequest request, String screenMessage) {
        return base(session, request).screenMessages(screenMessage).build();
    }

    @Override
    public Sip2Response refusal(DecodedMessage message, Sip2Session session, String screenMessage) {
        return refused(session, (HoldRequest) message.request(), screenMessage);
    }
}
