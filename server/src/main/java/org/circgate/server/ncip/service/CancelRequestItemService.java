package org.circgate.server.ncip.service;

import java.util.Optional;
import org.circgate.ncip.NcipProblem;
import org.circgate.ncip.NcipProblems;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.request.CancelRequestItemRequest;
import org.circgate.ncip.request.NcipRequest;
import org.circgate.ncip.response.CancelRequestItemResponseBuilder;
import org.circgate.ncip.response.NcipResponses;
import org.circgate.server.circulation.CirculationService.PatronView;
import org.circgate.server.circulation.HoldResult;
import org.circgate.server.circulation.HoldService;
import org.circgate.server.circulation.Operator;
import org.circgate.server.metrics.ServerMetrics.MapAction;
import org.circgate.server.ncip.NcipServiceHandler;
import org.circgate.server.ncip.NcipServices;
import org.circgate.server.ncip.agency.NcipAgency;

/**
 * CancelRequestItem: cancel a hold through the shared {@link HoldService} (Remove Hold decided on interface NCIP),
 * named by its RequestId or by the patron and the copy. Without a patron, the RequestId's hold names one.
 */
public final class CancelRequestItemService implements NcipServiceHandler {
    private final NcipServices services;

    public CancelRequestItemService(NcipServices services) {
        this.services = services;
    }

    @Override
    public NcipService service() {
        return NcipService.CANCEL_REQUEST_ITEM;
    }

    @Override
    public Answer handle(NcipRequest request, NcipAgency agency) {
        CancelRequestItemRequest cancel = (CancelRequestItemRequest) request;
        String requestId = cancel.requestId() == null || !NcipRendering.present(cancel.requestId().value()) ? null
                : cancel.requestId().value();
        String item = cancel.itemId() == null || !NcipRendering.present(cancel.itemId().value()) ? null
                : cancel.itemId().value();
        if (requestId == null && item == null) {
            return Answer.problem(request, NcipProblems.neededDataMissing("RequestId",
                    "CancelRequestItem needs a RequestId or an ItemId"));
        }
        String named = NcipPatrons.identifier(cancel.user());
        long institution = agency.institution().id();
        String patron = named != null || requestId == null ? named : services.transactions().inTransaction(
                c -> services.lookups().patronOfRequest(c, institution, requestId).orElse(null));
        if (patron == null) {
            return requestId == null
                    ? Answer.problem(request, NcipPatrons.missingUser(service().elementName()))
                    : unknownRequest(request, requestId);
        }
        Operator operator = agency.operator();
        if (NcipPatrons.hasSecret(cancel.user())) {
            Optional<PatronView> view = services.transactions().inTransaction(
                    c -> services.circulation().patronView(c, operator, patron));
            if (view.isEmpty()) {
                return Answer.problem(request, NcipPatrons.unknownUser(patron));
            }
            Optional<NcipProblem> refused = NcipPatrons.verifySecret(services, agency, cancel.user(), view.get());
            if (refused.isPresent()) {
                return Answer.problem(request, refused.get());
            }
        }
        HoldResult result = services.transactions().inTransaction(c -> services.holds().cancel(c, operator,
                new HoldService.Target(patron, item, null, requestId)));
        MapAction action = MapAction.of(result.decision());
        return switch (result.status()) {
            case CANCELLED -> {
                CancelRequestItemResponseBuilder response = NcipResponses.cancelRequestItem(request.header())
                        .userId(NcipRendering.userId(agency, result.patron().barcode()));
                if (result.hold().externalId() != null) {
                    response.requestId(NcipRendering.requestId(agency, result.hold().externalId()));
                }
                if (result.hold().itemBarcode() != null) {
                    response.itemId(NcipRendering.itemId(agency, result.hold().itemBarcode()));
                } else if (result.hold().externalId() == null && item != null) {
                    response.itemId(NcipRendering.itemId(agency, item));
                }
                yield Answer.ok(response.build(), action);
            }
            case DENIED -> Answer.denied(request, NcipDenials.of(service(), result.decision(), patron, item),
                    action);
            case UNKNOWN_PATRON -> Answer.problem(request, NcipPatrons.unknownUser(patron));
            case NO_SUCH_HOLD -> requestId != null ? unknownRequest(request, requestId)
                    : Answer.problem(request, NcipProblems.unknownRequest(NcipProblems.ITEM_ELEMENT, item,
                            "The patron has no active request for this item"));
            default -> throw new IllegalStateException("cancelling a hold cannot end " + result.status());
        };
    }

    private static Answer unknownRequest(NcipRequest request, String requestId) {
        return Answer.problem(request, NcipProblems.unknownRequest(NcipProblems.REQUEST_ELEMENT, requestId,
                "No active request with this identifier"));
    }
}
