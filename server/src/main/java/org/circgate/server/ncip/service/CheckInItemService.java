package org.circgate.server.ncip.service;

import org.circgate.ncip.NcipProblems;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.request.CheckInItemRequest;
import org.circgate.ncip.request.NcipRequest;
import org.circgate.ncip.response.CheckInItemResponseBuilder;
import org.circgate.ncip.response.NcipResponses;
import org.circgate.server.circulation.CheckinResult;
import org.circgate.server.circulation.CirculationService;
import org.circgate.server.circulation.ItemRecord;
import org.circgate.server.metrics.ServerMetrics.MapAction;
import org.circgate.server.ncip.NcipServiceHandler;
import org.circgate.server.ncip.NcipServices;
import org.circgate.server.ncip.agency.NcipAgency;

/**
 * CheckInItem: the copy is back, through the same {@link CirculationService#checkin} as a SIP2 09 (fines billed,
 * holds trapped, transits started) at the agency's location. A copy that was not on loan answers Item Not Checked
 * Out, or success when the agency's {@code checkinNotOnLoanOk} says so (ReShare and ILLiad retry check-ins).
 */
public final class CheckInItemService implements NcipServiceHandler {
    private final NcipServices services;

    public CheckInItemService(NcipServices services) {
        this.services = services;
    }

    @Override
    public NcipService service() {
        return NcipService.CHECK_IN_ITEM;
    }

    private record Done(CheckinResult result, NcipItems.Facts item) {
    }

    @Override
    public Answer handle(NcipRequest request, NcipAgency agency) {
        CheckInItemRequest checkin = (CheckInItemRequest) request;
        if (checkin.itemId() == null || checkin.itemId().value().isEmpty()) {
            return Answer.problem(request, NcipProblems.neededDataMissing("ItemId", "CheckInItem needs an ItemId"));
        }
        String barcode = checkin.itemId().value();
        boolean wantsItem = !checkin.itemElements().isEmpty();
        Done done = services.transactions().inTransaction(c -> {
            CheckinResult result = services.circulation().checkin(c, agency.operator(),
                    new CirculationService.Checkin(barcode, null, null));
            NcipItems.Facts facts = null;
            if (wantsItem && result.item() != null) {
                ItemRecord now = services.circulation().facts().items().findById(c, result.item().id())
                        .orElse(result.item());
                facts = NcipItems.load(services, c, now);
            }
            return new Done(result, facts);
        });
        CheckinResult result = done.result();
        if (result.status() == CheckinResult.Status.UNKNOWN_ITEM) {
            return Answer.problem(request, NcipProblems.unknownItem(NcipProblems.ITEM_ELEMENT, barcode,
                    "No item with this identifier"));
        }
        if (result.status() == CheckinResult.Status.NOT_CHARGED && !agency.options().checkinNotOnLoanOk()) {
            return Answer.problem(request, NcipProblems.itemNotCheckedOut(NcipProblems.ITEM_ELEMENT, barcode,
                    "Item was not on loan"));
        }
        CheckInItemResponseBuilder response = NcipResponses.checkInItem(request.header())
                .itemId(NcipRendering.itemId(agency, result.item().barcode()));
        if (result.borrower() != null) {
            response.userId(NcipRendering.userId(agency, result.borrower().barcode()));
        }
        if (done.item() != null) {
            response.itemInfo(NcipItems.info(agency, done.item(), checkin.itemElements()));
        }
        return Answer.ok(response.build(), MapAction.NONE);
    }
}
