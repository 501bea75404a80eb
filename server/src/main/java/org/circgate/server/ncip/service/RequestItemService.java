package org.circgate.server.ncip.service;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.circgate.ncip.NcipBibliographicId;
import org.circgate.ncip.NcipProblem;
import org.circgate.ncip.NcipProblemType;
import org.circgate.ncip.NcipProblems;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.SchemeValue;
import org.circgate.ncip.request.ElementTypes;
import org.circgate.ncip.request.NcipRequest;
import org.circgate.ncip.request.RequestItemRequest;
import org.circgate.ncip.response.NcipResponse;
import org.circgate.ncip.response.NcipResponses;
import org.circgate.ncip.response.RequestItemResponseBuilder;
import org.circgate.server.circulation.CirculationService.PatronView;
import org.circgate.server.circulation.HoldResult;
import org.circgate.server.circulation.HoldService;
import org.circgate.server.circulation.ItemRecord;
import org.circgate.server.circulation.Operator;
import org.circgate.server.metrics.ServerMetrics.MapAction;
import org.circgate.server.ncip.NcipServiceHandler;
import org.circgate.server.ncip.NcipServices;
import org.circgate.server.ncip.agency.NcipAgency;

/**
 * RequestItem: place a hold through the shared {@link HoldService} (Place Hold decided on interface NCIP: map,
 * privilege expiry, hold limit). A request names a copy (ItemId; RequestScopeType {@code Item} or none holds that
 * copy) or a title (BibliographicId: a record id is the library's title key, an ISBN is looked up). Every request
 * type is placed as a hold. The partner's RequestId becomes the hold's id, so CancelRequestItem and LookupItem find it
 * by that id; without one circgate assigns a UUID and returns it.
 */
public final class RequestItemService implements NcipServiceHandler {
    static final String SCOPE_ITEM = "Item";
    static final String SCOPE_TITLE = "Bibliographic Item";

    private final NcipServices services;

    public RequestItemService(NcipServices services) {
        this.services = services;
    }

    @Override
    public NcipService service() {
        return NcipService.REQUEST_ITEM;
    }

    private record Placed(HoldResult result, NcipItems.Facts item) {
    }

    @Override
    public Answer handle(NcipRequest request, NcipAgency agency) {
        RequestItemRequest place = (RequestItemRequest) request;
        String patron = NcipPatrons.identifier(place.user());
        if (patron == null) {
            return Answer.problem(request, NcipPatrons.missingUser(service().elementName()));
        }
        String item = place.itemIds().isEmpty() ? null : place.itemIds().get(0).value();
        NcipBibliographicId bib = place.bibliographicIds().isEmpty() ? null : place.bibliographicIds().get(0);
        if (!NcipRendering.present(item) && bib == null) {
            return Answer.problem(request, NcipProblems.neededDataMissing("ItemId",
                    "RequestItem needs an ItemId or a BibliographicId"));
        }
        Operator operator = agency.operator();
        if (NcipPatrons.hasSecret(place.user())) {
            Optional<PatronView> view = services.transactions().inTransaction(
                    c -> services.circulation().patronView(c, operator, patron));
            if (view.isEmpty()) {
                return Answer.problem(request, NcipPatrons.unknownUser(patron));
            }
            Optional<NcipProblem> refused = NcipPatrons.verifySecret(services, agency, place.user(), view.get());
            if (refused.isPresent()) {
                return Answer.problem(request, refused.get());
            }
        }
        boolean titleScope = place.requestScopeType() != null
                && place.requestScopeType().value().toLowerCase(Locale.ROOT).contains("bibliographic");
        String holdType = NcipRendering.present(item) && !titleScope ? HoldService.SPECIFIC_COPY : HoldService.ANY_COPY;
        String requestId = place.requestId() != null && NcipRendering.present(place.requestId().value())
                ? place.requestId().value() : UUID.randomUUID().toString();
        String pickup = place.pickupLocation() == null ? null : place.pickupLocation().value().strip();
        LocalDate expires = place.needBeforeDate() == null ? null
                : place.needBeforeDate().toInstant(agency.institution().zone()).atZone(agency.institution().zone())
                        .toLocalDate();
        long institution = agency.institution().id();
        Placed placed = services.transactions().inTransaction(c -> {
            String title = null;
            if (!NcipRendering.present(item)) {
                title = bib.isItemIdentifier()
                        ? services.lookups().titleKeyByIsbn(c, institution, bib.itemIdentifier()).orElse(null)
                        : bib.recordIdentifier();
                if (title == null) {
                    return new Placed(null, null);
                }
            }
            HoldResult result = services.holds().place(c, operator, new HoldService.Place(patron, item, title,
                    holdType, pickup, expires, requestId));
            NcipItems.Facts facts = null;
            if (result.status().ok() && NcipRendering.present(item)) {
                Optional<ItemRecord> copy = services.circulation().facts().items().find(c, institution, item);
                facts = copy.isEmpty() ? null : NcipItems.load(services, c, copy.get());
            }
            return new Placed(result, facts);
        });
        if (placed.result() == null) {
            return Answer.problem(request, NcipProblems.unknownItem("BibliographicItemIdentifier",
                    bib.itemIdentifier(), "No single title with this ISBN"));
        }
        HoldResult result = placed.result();
        MapAction action = MapAction.of(result.decision());
        return switch (result.status()) {
            case PLACED -> Answer.ok(response(place, agency, result, placed.item(), holdType), action);
            case DENIED -> Answer.denied(request, NcipDenials.of(service(), result.decision(), patron, item),
                    action);
            case DUPLICATE -> Answer.problem(request, NcipProblems.duplicateRequest(NcipProblems.REQUEST_ELEMENT,
                    requestId, "The patron already has a request for this title, or this RequestId is in use"));
            case UNKNOWN_PATRON -> Answer.problem(request, NcipPatrons.unknownUser(patron));
            case UNKNOWN_ITEM -> Answer.problem(request, NcipProblems.unknownItem(NcipProblems.ITEM_ELEMENT, item,
                    "No item with this identifier"));
            case UNKNOWN_TITLE -> Answer.problem(request, NcipProblems.unknownItem("BibliographicRecordIdentifier",
                    bib == null ? null : bib.recordIdentifier(), "No title with this identifier"));
            case NO_ITEM_OR_TITLE -> Answer.problem(request, NcipProblems.neededDataMissing("ItemId",
                    "RequestItem needs an ItemId or a BibliographicId"));
            case UNKNOWN_PICKUP_LOCATION -> Answer.problem(request, NcipProblem.of(
                    NcipProblemType.ELEMENT_RULE_VIOLATED, "PickupLocation", pickup,
                    "Not a pickup location of this library"));
            case INVALID_EXPIRY -> Answer.problem(request, NcipProblems.invalidDate("NeedBeforeDate", null,
                    "NeedBeforeDate lies in the past"));
            case CANCELLED, CHANGED, NO_SUCH_HOLD, ALREADY_TRAPPED -> throw new IllegalStateException(
                    "placing a hold cannot end " + result.status());
        };
    }

    private static NcipResponse response(RequestItemRequest place, NcipAgency agency,
            HoldResult result, NcipItems.Facts item, String holdType) {
        RequestItemResponseBuilder response = NcipResponses.requestItem(place.header())
                .requestId(NcipRendering.requestId(agency, result.hold().externalId()))
                .userId(NcipRendering.userId(agency, result.patron().barcode()))
                .requestType(place.requestType() != null ? place.requestType() : SchemeValue.of("Hold"))
                .requestScopeType(SchemeValue.of(HoldService.SPECIFIC_COPY.equals(holdType)
                        ? SCOPE_ITEM : SCOPE_TITLE));
        if (result.hold().itemBarcode() != null) {
            response.itemId(NcipRendering.itemId(agency, result.hold().itemBarcode()));
        }
        if (item != null) {
            response.itemInfo(NcipItems.info(agency, item, ElementTypes.none()));
        }
        return response.build();
    }
}
