package org.circgate.server.sip2.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.circgate.server.circulation.CirculationService;
import org.circgate.server.circulation.HoldRecord;
import org.circgate.server.circulation.ItemInformation;
import org.circgate.server.circulation.ItemInformationService;
import org.circgate.server.circulation.ItemRecord;
import org.circgate.server.circulation.LoanRecord;
import org.circgate.server.domain.HoldStatus;
import org.circgate.server.sip2.PatronRendering;
import org.circgate.server.sip2.Sip2CommandHandler;
import org.circgate.server.sip2.Sip2Services;
import org.circgate.server.sip2.Sip2Session;
import org.circgate.server.sip2.Sip2Times;
import org.circgate.sip2.CirculationStatus;
import org.circgate.sip2.CurrencyType;
import org.circgate.sip2.FeeType;
import org.circgate.sip2.MediaType;
import org.circgate.sip2.SecurityMarker;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.ItemInformationRequest;
import org.circgate.sip2.message.ItemInformationResponse;
import org.circgate.sip2.message.Sip2Response;

/**
 * 17 Item Information → 18, from the item's real state: circulation status 01–13 (charged 04, or 07 once recalled;
 * on the hold shelf 08, in transit 10, lost 12, missing 13, claimed returned 11, ...), security marker, fee type
 * (06 rental with BV for a loan fee), hold queue length CF, due date AH, recall date CJ, hold pickup date CM, owner
 * BG (the institution), media type CK, permanent (AQ) and current (AP) location, properties CH. An unknown item gets
 * status 01 and an empty title, as kiosks expect.
 */
public final class ItemInformationCommand implements Sip2CommandHandler {
    private final Sip2Services services;
    private final ItemInformationService items;

    public ItemInformationCommand(Sip2Services services) {
        this.services = services;
        this.items = new ItemInformationService(services.circulation());
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.ITEM_INFORMATION;
    }

    @Override
    public Answer handle(DecodedMessage message, Sip2Session session) {
        ItemInformationRequest request = (ItemInformationRequest) message.request();
        Optional<ItemInformation> found = services.transactions().inTransaction(
                connection -> items.find(connection, session.operator(), request.itemIdentifier()));
        if (found.isEmpty()) {
            return Answer.denied(refused(session, request, "Item not found"));
        }
        ItemInformation info = found.get();
        ItemRecord item = info.item();
        ItemInformationResponse.Builder response = ItemInformationResponse.builder()
                .circulationStatus(circulationStatus(info))
                .securityMarker(SecurityMarker.of(Integer.parseInt(item.securityMarker())))
                .feeType(item.loanFeeCents() > 0 ? FeeType.RENTAL : FeeType.OTHER)
                .transactionDate(Sip2Times.now(services.clock(), session))
                .holdQueueLength(Integer.toString(info.holdQueueLength()))
                .itemIdentifier(item.barcode())
                .titleIdentifier(item.title())
                .owner(session.institution().code())
                .mediaType(MediaType.of(Integer.parseInt(item.mediaType())))
                .permanentLocation(item.homeLocation())
                .currentLocation(item.currentLocation())
                .itemProperties(item.properties());
        if (item.loanFeeCents() > 0) {
            response.currencyType(CurrencyType.USD).feeAmount(PatronRendering.amount(item.loanFeeCents()));
        }
        List<String> messages = new ArrayList<>();
        if (info.loan().isPresent()) {
            LoanRecord loan = info.loan().get();
            response.dueDate(Sip2Times.at(loan.dueAt(), session).toWire());
            if (loan.recalledAt() != null) {
                response.recallDate(Sip2Times.at(loan.recalledAt(), session));
            }
            messages.add("Checked out");
        }
        if (info.trappedHold().isPresent()) {
            HoldRecord hold = info.trappedHold().get();
            if (hold.pickupBy() != null) {
                response.holdPickupDate(Sip2Times.at(CirculationService.endOfDay(hold.pickupBy(),
                        session.institution().zone()), session));
            }
            messages.add(hold.status() == HoldStatus.AVAILABLE ? "On the hold shelf for a patron"
                    : "On its way to " + hold.pickupLocation() + " for a hold");
        }
        return Answer.ok(response.screenMessages(messages).build());
    }

    /** The SIP2 circulation status of the item's real state. Lost, missing and claimed returned win over a loan. */
    static CirculationStatus circulationStatus(ItemInformation info) {
        ItemRecord item = info.item();
        switch (item.status()) {
            case LOST:
                return CirculationStatus.LOST;
            case MISSING:
                return CirculationStatus.MISSING;
            case CLAIMED_RETURNED:
                return CirculationStatus.CLAIMED_RETURNED;
            default:
                break;
        }
        if (info.loan().isPresent()) {
            return info.loan().get().recalledAt() != null ? CirculationStatus.RECALLED : CirculationStatus.CHARGED;
        }
        return switch (item.status()) {
            case AVAILABLE -> CirculationStatus.AVAILABLE;
            case ON_ORDER -> CirculationStatus.ON_ORDER;
            case IN_PROCESS -> CirculationStatus.IN_PROCESS;
            case WAITING_RESHELF -> CirculationStatus.WAITING_TO_BE_RESHELVED;
            case ON_HOLD_SHELF -> CirculationStatus.WAITING_ON_HOLD_SHELF;
            case IN_TRANSIT -> CirculationStatus.IN_TRANSIT;
            default -> CirculationStatus.OTHER;
        };
    }

    private Sip2Response refused(Sip2Session session, ItemInformationRequest request, String screenMessage) {
        return ItemInformationResponse.builder()
                .circulationStatus(CirculationStatus.OTHER)
                .securityMarker(SecurityMarker.NONE)
                .feeType(FeeType.OTHER)
                .transactionDate(Sip2Times.now(services.clock(), session))
                .itemIdentifier(request.itemIdentifier())
                .titleIdentifier("")
                .screenMessages(screenMessage)
                .build();
    }

    @Override
    public Sip2Response refusal(DecodedMessage message, Sip2Session session, String screenMessage) {
        return refused(session, (ItemInformationRequest) message.request(), screenMessage);
    }
}
