package org.circgate.server.ncip.service;

import java.util.Optional;
import org.circgate.ncip.NcipProblem;
import org.circgate.ncip.NcipProblems;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.request.NcipRequest;
import org.circgate.ncip.request.RenewItemRequest;
import org.circgate.ncip.response.NcipResponses;
import org.circgate.server.circulation.CirculationService.PatronView;
import org.circgate.server.circulation.ItemRecord;
import org.circgate.server.circulation.LoanRecord;
import org.circgate.server.circulation.Operator;
import org.circgate.server.circulation.PatronRecord;
import org.circgate.server.circulation.RenewalResult;
import org.circgate.server.circulation.RenewalService;
import org.circgate.server.metrics.ServerMetrics.MapAction;
import org.circgate.server.ncip.NcipServiceHandler;
import org.circgate.server.ncip.NcipServices;
import org.circgate.server.ncip.agency.NcipAgency;

/**
 * RenewItem: extend a loan through the shared {@link RenewalService} (Renew decided on interface NCIP: map, privilege
 * expiry, renewal limit, holds by others). The patron may be left out, as the loan names its borrower; a patron who
 * is named must be the borrower (NCIP has no third-party renewal). DesiredDateDue is not honoured.
 */
public final class RenewItemService implements NcipServiceHandler {
    private final NcipServices services;

    public RenewItemService(NcipServices services) {
        this.services = services;
    }

    @Override
    public NcipService service() {
        return NcipService.RENEW_ITEM;
    }

    @Override
    public Answer handle(NcipRequest request, NcipAgency agency) {
        RenewItemRequest renew = (RenewItemRequest) request;
        if (renew.itemId() == null || renew.itemId().value().isEmpty()) {
            return Answer.problem(request, NcipProblems.neededDataMissing("ItemId", "RenewItem needs an ItemId"));
        }
        String item = renew.itemId().value();
        String named = NcipPatrons.identifier(renew.user());
        Operator operator = agency.operator();
        long institution = agency.institution().id();
        String patron = named != null ? named : services.transactions().inTransaction(c -> {
            var facts = services.circulation().facts();
            Optional<ItemRecord> copy = facts.items().find(c, institution, item);
            Optional<LoanRecord> loan = copy.isEmpty() ? Optional.empty() : facts.loans().forItem(c, copy.get().id());
            return loan.isEmpty() ? null
                    : facts.patrons().findById(c, loan.get().patronId()).map(PatronRecord::barcode).orElse(null);
        });
        if (patron == null) {
            return Answer.problem(request, NcipProblems.itemNotCheckedOut(NcipProblems.ITEM_ELEMENT, item,
                    "Item is not on loan (or unknown); name the patron to tell them apart"));
        }
        if (NcipPatrons.hasSecret(renew.user())) {
            Optional<PatronView> view = services.transactions().inTransaction(
                    c -> services.circulation().patronView(c, operator, patron));
            if (view.isEmpty()) {
                return Answer.problem(request, NcipPatrons.unknownUser(patron));
            }
            Optional<NcipProblem> refused = NcipPatrons.verifySecret(services, agency, renew.user(), view.get());
            if (refused.isPresent()) {
                return Answer.problem(request, refused.get());
            }
        }
        RenewalResult result = services.transactions().inTransaction(c -> services.renewals().renew(c, operator,
                new RenewalService.Renew(patron, item, null, false)));
        MapAction action = MapAction.of(result.decision());
        return switch (result.status()) {
            case RENEWED -> Answer.ok(NcipResponses.renewItem(request.header())
                    .itemId(NcipRendering.itemId(agency, result.item().barcode()))
                    .userId(NcipRendering.userId(agency, result.borrower().barcode()))
                    .dateDue(NcipRendering.at(agency, result.due()))
                    .build(), action);
            case DENIED -> Answer.denied(request, NcipDenials.of(service(), result.decision(), patron, item), action);
            case UNKNOWN_PATRON -> Answer.problem(request, NcipPatrons.unknownUser(patron));
            case UNKNOWN_ITEM -> Answer.problem(request, NcipProblems.unknownItem(NcipProblems.ITEM_ELEMENT, item,
                    "No item with this identifier"));
            case NOT_CHARGED -> Answer.problem(request, NcipProblems.itemNotCheckedOut(NcipProblems.ITEM_ELEMENT,
                    item, "Item is not on loan to this patron"));
        };
    }
}
