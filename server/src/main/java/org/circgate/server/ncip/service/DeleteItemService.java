package org.circgate.server.ncip.service;

import org.circgate.ncip.NcipProblem;
import org.circgate.ncip.NcipProblemType;
import org.circgate.ncip.NcipProblems;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.request.DeleteItemRequest;
import org.circgate.ncip.request.NcipRequest;
import org.circgate.ncip.response.NcipResponses;
import org.circgate.server.circulation.TemporaryItemService;
import org.circgate.server.metrics.ServerMetrics.MapAction;
import org.circgate.server.ncip.NcipServiceHandler;
import org.circgate.server.ncip.NcipServices;
import org.circgate.server.ncip.agency.NcipAgency;

/**
 * DeleteItem: remove a temporary interlibrary-loan copy once it is back (ReShare sends it after the patron returned
 * the item). Holds still waiting on it are cancelled. Regular copies and copies on loan are refused with Item Access
 * Denied.
 */
public final class DeleteItemService implements NcipServiceHandler {
    private final NcipServices services;

    public DeleteItemService(NcipServices services) {
        this.services = services;
    }

    @Override
    public NcipService service() {
        return NcipService.DELETE_ITEM;
    }

    @Override
    public Answer handle(NcipRequest request, NcipAgency agency) {
        DeleteItemRequest delete = (DeleteItemRequest) request;
        if (delete.itemId() == null || !NcipRendering.present(delete.itemId().value())) {
            return Answer.problem(request, NcipProblems.neededDataMissing("ItemId", "DeleteItem needs an ItemId"));
        }
        String barcode = delete.itemId().value();
        TemporaryItemService.Result result = services.transactions().inTransaction(
                c -> services.temporaryItems().delete(c, agency.operator(), barcode));
        return switch (result.status()) {
            case DELETED -> Answer.ok(NcipResponses.deleteItem(request.header())
                    .itemId(NcipRendering.itemId(agency, barcode)).build(), MapAction.NONE);
            case UNKNOWN_ITEM -> Answer.problem(request, NcipProblems.unknownItem(NcipProblems.ITEM_ELEMENT, barcode,
                    "No item with this identifier"));
            case NOT_TEMPORARY -> Answer.problem(request, accessDenied(barcode,
                    "Only temporary interlibrary-loan items can be deleted"));
            case ON_LOAN -> Answer.problem(request, accessDenied(barcode, "Item is on loan; check it in first"));
            default -> throw new IllegalStateException("deleting an item cannot end " + result.status());
        };
    }

    private static NcipProblem accessDenied(String barcode, String detail) {
        return NcipProblem.of(NcipProblemType.ITEM_ACCESS_DENIED, NcipProblems.ITEM_ELEMENT, barcode, detail);
    }
}
