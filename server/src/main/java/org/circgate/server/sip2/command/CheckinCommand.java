package org.circgate.server.sip2.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.circgate.server.account.SipAccountOptions;
import org.circgate.server.circulation.CheckinResult;
import org.circgate.server.circulation.CirculationPrefetch;
import org.circgate.server.circulation.CirculationService;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.sip2.PatronRendering;
import org.circgate.server.sip2.SharedCommand;
import org.circgate.server.sip2.SharedTransactions;
import org.circgate.server.sip2.Sip2Resends;
import org.circgate.server.sip2.Sip2Services;
import org.circgate.server.sip2.Sip2Session;
import org.circgate.server.sip2.Sip2Times;
import org.circgate.sip2.AlertType;
import org.circgate.sip2.MediaType;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Tristate;
import org.circgate.sip2.message.CheckinRequest;
import org.circgate.sip2.message.CheckinResponse;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.Sip2Response;

/**
 * 09 Checkin → 10. The return date may lie in the past (fines count from it); an item wanted by a hold is trapped
 * (alert Y, CV 01 for a pickup here, 02 with CT for another library), an item away from home goes into transit
 * (CV 04, CT home), the sort bin CL comes from the account's mapping, AQ is the permanent location. Whether checking
 * in an item that was not on loan is ok=1 is the account's choice.
 */
public final class CheckinCommand implements SharedCommand {
    private final Sip2Services services;

    public CheckinCommand(Sip2Services services) {
        this.services = services;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.CHECKIN;
    }

    @Override
    public boolean changesState() {
        return true;
    }

    @Override
    public Answer handle(DecodedMessage message, Sip2Session session) {
        CheckinRequest request = (CheckinRequest) message.request();
        return Sip2Resends.inTransaction(services, session, message,
                CirculationPrefetch.Request.checkin(request.itemIdentifier()), work(session, request));
    }

    @Override
    public SharedTransactions.Unit sharedUnit(DecodedMessage message, Sip2Session session) {
        CheckinRequest request = (CheckinRequest) message.request();
        return Sip2Resends.sharedUnit(services, session, message,
                CirculationPrefetch.Request.checkin(request.itemIdentifier()), work(session, request));
    }

    private Sip2Resends.Work work(Sip2Session session, CheckinRequest request) {
        Instant returned = request.returnDate() == null ? null
                : request.returnDate().toInstant(session.institution().zone());
        Instant now = services.clock().instant();
        if (returned != null && returned.isAfter(now)) {
            returned = now;
        }
        CirculationService.Checkin checkin = new CirculationService.Checkin(request.itemIdentifier(), returned,
                request.currentLocation() == null || request.currentLocation().isEmpty() ? null
                        : request.currentLocation());
        return connection -> answer(session, request, services.circulation().checkin(connection, session.operator(),
                checkin));
    }

    private Answer answer(Sip2Session session, CheckinRequest request, CheckinResult result) {
        SipAccountOptions options = session.account().options();
        CheckinResponse.Builder response = base(session, request);
        List<String> messages = new ArrayList<>();
        if (result.status() == CheckinResult.Status.UNKNOWN_ITEM) {
            messages.add("Item not found");
            return Answer.denied(response.screenMessages(messages).build());
        }
        boolean ok = result.status() == CheckinResult.Status.CHECKED_IN || options.checkinNotChargedOk();
        if (result.status() == CheckinResult.Status.NOT_CHARGED) {
            messages.add("Item was not checked out");
        } else {
            messages.add("Checked in");
        }
        if (result.fineCents() > 0) {
            messages.add("Overdue fine: " + PatronRendering.amount(result.fineCents()));
        }
        response.ok(ok)
                .resensitize(true)
                .permanentLocation(result.item().homeLocation())
                .titleIdentifier(result.item().title())
                .mediaType(MediaType.of(Integer.parseInt(result.item().mediaType())))
                .itemProperties(result.item().properties())
                .sortBin(options.sortBin(result.item().itemType()));
        if (result.borrower() != null) {
            response.patronIdentifier(result.borrower().barcode());
        }
        if (result.trappedHold() != null) {
            boolean here = result.destination() == null;
            response.alert(true)
                    .alertType(AlertType.of(here ? 1 : 2))
                    .destinationLocation(here ? result.trappedHold().pickupLocation() : result.destination());
            messages.add(here ? "Hold for a patron: put on the hold shelf"
                    : "Hold for a patron at " + result.destination() + ": send there");
        } else if (result.destination() != null) {
            response.alert(true).alertType(AlertType.of(4)).destinationLocation(result.destination());
            messages.add("Send to " + result.destination());
        }
        response.screenMessages(messages);
        return new Answer(response.build(), ok ? ServerMetrics.Outcome.OK : ServerMetrics.Outcome.DENIED,
                ServerMetrics.MapAction.NONE);
    }

    private CheckinResponse.Builder base(Sip2Session session, CheckinRequest request) {
        return CheckinResponse.builder()
                .ok(false)
                .resensitize(false)
                .magneticMedia(Tristate.UNKNOWN)
                .alert(false)
                .transactionDate(Sip2Times.now(services.clock(), session))
                .institutionId(session.institution() == null ? "" : session.institution().code())
                .itemIdentifier(request.itemIdentifier())
                .permanentLocation("");
    }

    @Override
    public Sip2Response refusal(DecodedMessage message, Sip2Session session, String screenMessage) {
        return base(session, (CheckinRequest) message.request()).screenMessages(screenMessage).build();
    }
}
