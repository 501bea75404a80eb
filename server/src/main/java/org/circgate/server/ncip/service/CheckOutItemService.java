package org.circgate.server.ncip.service;

import java.math.BigDecimal;
import java.util.Optional;
import org.circgate.ncip.NcipProblem;
import org.circgate.ncip.NcipProblems;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.request.CheckOutItemRequest;
import org.circgate.ncip.request.NcipRequest;
import org.circgate.ncip.response.NcipResponses;
import org.circgate.server.circulation.CheckoutResult;
import org.circgate.server.circulation.CirculationService;
import org.circgate.server.circulation.CirculationService.PatronView;
import org.circgate.server.circulation.Operator;
import org.circgate.server.metrics.ServerMetrics.MapAction;
import org.circgate.server.metrics.ServerMetrics.Outcome;
import org.circgate.server.ncip.NcipServiceHandler;
import org.circgate.server.ncip.NcipServices;
import org.circgate.server.ncip.agency.NcipAgency;

/**
 * CheckOutItem: lend a copy to a patron (for ILL lending, usually the borrowing library's institutional patron),
 * through the same {@link CirculationService#checkout} as a SIP2 11, decided on interface NCIP. The due date is the
 * policy's (DesiredDateDue is not honoured: the lending library's rules decide). A copy with a loan fee is refused:
 * NCIP has no way to confirm the fee, as a kiosk does with BO.
 */
public final class CheckOutItemService implements NcipServiceHandler {
    private final NcipServices services;

    public CheckOutItemService(NcipServices services) {
        this.services = services;
    }

    @Override
    public NcipService service() {
        return NcipService.CHECK_OUT_ITEM;
    }

    @Override
    public Answer handle(NcipRequest request, NcipAgency agency) {
        CheckOutItemRequest checkout = (CheckOutItemRequest) request;
        String patron = NcipPatrons.identifier(checkout.user());
        if (patron == null) {
            return Answer.problem(request, NcipPatrons.missingUser(service().elementName()));
        }
        if (checkout.itemId() == null || checkout.itemId().value().isEmpty()) {
            return Answer.problem(request, NcipProblems.neededDataMissing("ItemId", "CheckOutItem needs an ItemId"));
        }
        String item = checkout.itemId().value();
        Operator operator = agency.operator();
        if (NcipPatrons.hasSecret(checkout.user())) {
            Optional<PatronView> view = services.transactions().inTransaction(
                    c -> services.circulation().patronView(c, operator, patron));
            if (view.isEmpty()) {
                return Answer.problem(request, NcipPatrons.unknownUser(patron));
            }
            Optional<NcipProblem> refused = NcipPatrons.verifySecret(services, agency, checkout.user(), view.get());
            if (refused.isPresent()) {
                return Answer.problem(request, refused.get());
            }
        }
        CirculationService.Checkout command = new CirculationService.Checkout(patron, item, false, false, null,
                false, false);
        CheckoutResult result = services.transactions().inTransaction(
                c -> services.circulation().checkout(c, operator, command));
        MapAction action = MapAction.of(result.decision());
        return switch (result.status()) {
            case CHECKED_OUT, RENEWED -> Answer.ok(NcipResponses.checkOutItem(request.header())
                    .itemId(NcipRendering.itemId(agency, result.item().barcode()))
                    .userId(NcipRendering.userId(agency, result.patron().barcode()))
                    .dateDue(NcipRendering.at(agency, result.due()))
                    .build(), action);
            case DENIED -> Answer.denied(request, NcipDenials.of(service(), result.decision(), patron, item),
                    action);
            case UNKNOWN_PATRON -> Answer.problem(request, NcipPatrons.unknownUser(patron));
            case UNKNOWN_ITEM -> Answer.problem(request, NcipProblems.unknownItem(NcipProblems.ITEM_ELEMENT, item,
                    "No item with this identifier"));
            case FEE_NOT_ACKNOWLEDGED -> Answer.denied(request, NcipProblems.userIneligibleToCheckOut(
                    NcipProblems.ITEM_ELEMENT, item, "Item has a loan fee of "
                            + BigDecimal.valueOf(result.feeCents(), 2).toPlainString()
                            + ", which only a kiosk or staff can confirm"), action);
            case CANCELLED, NOTHING_TO_CANCEL -> throw new IllegalStateException(
                    "NCIP never asks to cancel a checkout: " + result.status());
        };
    }
}
