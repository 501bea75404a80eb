package org.circgate.server.ncip.service;

import java.util.UUID;
import org.circgate.ncip.NcipBibliographicId;
import org.circgate.ncip.NcipItemInfo;
import org.circgate.ncip.NcipProblems;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.request.AcceptItemRequest;
import org.circgate.ncip.request.NcipRequest;
import org.circgate.ncip.response.NcipResponses;
import org.circgate.server.circulation.TemporaryItemService;
import org.circgate.server.metrics.ServerMetrics.MapAction;
import org.circgate.server.ncip.NcipServiceHandler;
import org.circgate.server.ncip.NcipServices;
import org.circgate.server.ncip.agency.NcipAgency;
import org.circgate.server.ncip.agency.NcipAgencyOptions.AcceptItemSettings;

/**
 * AcceptItem: an interlibrary loan has arrived for one of our patrons. {@link TemporaryItemService} creates a
 * temporary copy (barcode = the agency's prefix + ItemId, or + RequestId without one; bibliographic data from
 * ItemOptionalFields) and sets it aside on the hold shelf of the PickupLocation (default: the agency's AcceptItem
 * location, else its own) for the patron, under the partner's RequestId. Sending the same AcceptItem again answers
 * the same success and creates nothing. Every RequestedActionType is treated as "hold for pickup".
 */
public final class AcceptItemService implements NcipServiceHandler {
    private final NcipServices services;

    public AcceptItemService(NcipServices services) {
        this.services = services;
    }

    @Override
    public NcipService service() {
        return NcipService.ACCEPT_ITEM;
    }

    @Override
    public Answer handle(NcipRequest request, NcipAgency agency) {
        AcceptItemRequest accept = (AcceptItemRequest) request;
        if (accept.userId() == null || !NcipRendering.present(accept.userId().value())) {
            return Answer.problem(request, NcipProblems.neededDataMissing("UserId",
                    "AcceptItem needs the UserId of the patron the item is for"));
        }
        String given = accept.itemId() != null && NcipRendering.present(accept.itemId().value())
                ? accept.itemId().value()
                : accept.requestId() != null && NcipRendering.present(accept.requestId().value())
                        ? accept.requestId().value() : null;
        if (given == null) {
            return Answer.problem(request, NcipProblems.neededDataMissing("ItemId",
                    "AcceptItem needs an ItemId or a RequestId to name the item"));
        }
        AcceptItemSettings settings = agency.options().acceptItem();
        String barcode = settings.barcodePrefix() + given;
        if (barcode.length() > 64) {
            return Answer.problem(request, NcipProblems.cannotAcceptItem(NcipProblems.ITEM_ELEMENT, given,
                    "Item identifier longer than 64 characters"));
        }
        String requestId = accept.requestId() != null && NcipRendering.present(accept.requestId().value())
                ? accept.requestId().value() : UUID.randomUUID().toString();
        String home = settings.location() != null ? settings.location() : agency.location();
        String pickup = accept.pickupLocation() != null && NcipRendering.present(accept.pickupLocation().value())
                ? accept.pickupLocation().value().strip() : home;
        NcipItemInfo info = accept.itemInfo();
        String isbn = info == null ? null : info.bibliographicIds().stream().filter(NcipBibliographicId::isItemIdentifier)
                .map(NcipBibliographicId::itemIdentifier).findFirst().orElse(null);
        String patron = accept.userId().value();
        TemporaryItemService.Accept command = new TemporaryItemService.Accept(patron, barcode, requestId,
                info == null ? null : info.title(), info == null ? null : info.author(), isbn, settings.itemType(),
                home, pickup, settings.holdShelfDays());
        TemporaryItemService.Result result = services.transactions().inTransaction(
                c -> services.temporaryItems().accept(c, agency.operator(), command));
        return switch (result.status()) {
            case ACCEPTED, ALREADY_ACCEPTED -> Answer.ok(NcipResponses.acceptItem(request.header())
                    .requestId(NcipRendering.requestId(agency, requestId))
                    .itemId(NcipRendering.itemId(agency, barcode))
                    .build(), MapAction.NONE);
            case UNKNOWN_PATRON -> Answer.problem(request, NcipPatrons.unknownUser(patron));
            case DUPLICATE_BARCODE -> Answer.problem(request, NcipProblems.cannotAcceptItem(
                    NcipProblems.ITEM_ELEMENT, barcode, "An item with this barcode exists already"));
            case DUPLICATE_REQUEST -> Answer.problem(request, NcipProblems.duplicateRequest(
                    NcipProblems.REQUEST_ELEMENT, requestId, "This RequestId belongs to another request"));
            case UNKNOWN_LOCATION -> Answer.problem(request, NcipProblems.cannotAcceptItem("PickupLocation", pickup,
                    "Not a location of this library"));
            default -> throw new IllegalStateException("accepting an item cannot end " + result.status());
        };
    }
}
