package org.circgate.server.ncip.service;

import java.util.Optional;
import org.circgate.ncip.NcipProblems;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.request.LookupItemRequest;
import org.circgate.ncip.request.NcipRequest;
import org.circgate.ncip.response.LookupItemResponseBuilder;
import org.circgate.ncip.response.NcipResponses;
import org.circgate.server.circulation.ItemRecord;
import org.circgate.server.metrics.ServerMetrics.MapAction;
import org.circgate.server.ncip.NcipServiceHandler;
import org.circgate.server.ncip.NcipServices;
import org.circgate.server.ncip.agency.NcipAgency;

/**
 * LookupItem: a copy's description and state, named by ItemId or by the RequestId of a hold on it. The current
 * borrower is never named (a partner has no business knowing who has a copy).
 */
public final class LookupItemService implements NcipServiceHandler {
    private final NcipServices services;

    public LookupItemService(NcipServices services) {
        this.services = services;
    }

    @Override
    public NcipService service() {
        return NcipService.LOOKUP_ITEM;
    }

    /** The item found, or why not. */
    private record Found(NcipItems.Facts facts, boolean unknownRequest) {
    }

    @Override
    public Answer handle(NcipRequest request, NcipAgency agency) {
        LookupItemRequest lookup = (LookupItemRequest) request;
        String itemValue = lookup.itemId() == null ? null : lookup.itemId().value();
        String requestValue = lookup.requestId() == null ? null : lookup.requestId().value();
        if (!NcipRendering.present(itemValue) && !NcipRendering.present(requestValue)) {
            return Answer.problem(request, NcipProblems.neededDataMissing("ItemId",
                    "LookupItem needs an ItemId or a RequestId"));
        }
        long institution = agency.institution().id();
        Found found = services.transactions().inTransaction(c -> {
            String barcode = itemValue;
            if (!NcipRendering.present(barcode)) {
                Optional<String> ofRequest = services.lookups().itemOfRequest(c, institution, requestValue);
                if (ofRequest.isEmpty()) {
                    return new Found(null, true);
                }
                barcode = ofRequest.get();
            }
            Optional<ItemRecord> item = services.circulation().facts().items().find(c, institution, barcode);
            return new Found(item.isEmpty() ? null : NcipItems.load(services, c, item.get()), false);
        });
        if (found.unknownRequest()) {
            return Answer.problem(request, NcipProblems.unknownRequest(NcipProblems.REQUEST_ELEMENT, requestValue,
                    "No request with this identifier names a copy"));
        }
        if (found.facts() == null) {
            return Answer.problem(request, NcipProblems.unknownItem(NcipProblems.ITEM_ELEMENT, itemValue,
                    "No item with this identifier"));
        }
        ItemRecord item = found.facts().item();
        LookupItemResponseBuilder response = NcipResponses.lookupItem(request.header())
                .itemId(NcipRendering.itemId(agency, item.barcode()))
                .itemInfo(NcipItems.info(agency, found.facts(), lookup.itemElements()));
        if (NcipRendering.present(requestValue)) {
            response.requestId(NcipRendering.requestId(agency, requestValue));
        }
        return Answer.ok(response.build(), MapAction.NONE);
    }
}
