package org.circgate.server.ncip.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.circgate.ncip.NcipProblem;
import org.circgate.ncip.NcipService;
import org.circgate.ncip.SchemeValue;
import org.circgate.ncip.request.ElementTypes;
import org.circgate.ncip.request.LookupUserRequest;
import org.circgate.ncip.request.NcipRequest;
import org.circgate.ncip.response.BlockOrTrapRow;
import org.circgate.ncip.response.FiscalAccountRow;
import org.circgate.ncip.response.LoanedItemRow;
import org.circgate.ncip.response.LookupUserResponseBuilder;
import org.circgate.ncip.response.NcipAmount;
import org.circgate.ncip.response.NcipPersonName;
import org.circgate.ncip.response.NcipPostalAddress;
import org.circgate.ncip.response.NcipResponse;
import org.circgate.ncip.response.NcipResponses;
import org.circgate.ncip.response.NcipUserStatus;
import org.circgate.ncip.response.RequestedItemRow;
import org.circgate.policy.Decision;
import org.circgate.policy.MapCommand;
import org.circgate.server.circulation.BillRecord;
import org.circgate.server.circulation.CirculationService.PatronView;
import org.circgate.server.circulation.HoldRecord;
import org.circgate.server.circulation.LoanRecord;
import org.circgate.server.circulation.Operator;
import org.circgate.server.circulation.PatronRecord;
import org.circgate.server.domain.HoldStatus;
import org.circgate.server.metrics.ServerMetrics.MapAction;
import org.circgate.server.ncip.NcipServiceHandler;
import org.circgate.server.ncip.NcipServices;
import org.circgate.server.ncip.agency.NcipAgency;
import org.circgate.server.ncip.agency.NcipAgencyOptions.Reveal;

/**
 * LookupUser: "who is this and may they borrow?", answered from the policy on interface NCIP. Always the
 * UserPrivilege rows LIBRARY (home location, else the institution), PROFILE and STATUS (OK / DELINQUENT / BLOCKED /
 * BARRED: the standing's delinquency type, computed now) with the privilege expiry as ValidToDate, and one BlockOrTrap
 * per map command the policy denies this patron on NCIP. Name, e-mail, phone and address, loans, requests and the
 * fiscal account only when the agency may see them and the initiator asked (no UserElementType at all means all).
 * A PIN or password in AuthenticationInput is checked with the same rules and counters as at a kiosk.
 */
public final class LookupUserService implements NcipServiceHandler {
    private static final String ROLE = "Home";

    private final NcipServices services;

    public LookupUserService(NcipServices services) {
        this.services = services;
    }

    @Override
    public NcipService service() {
        return NcipService.LOOKUP_USER;
    }

    private record Loaded(PatronView view, String library) {
    }

    @Override
    public Answer handle(NcipRequest request, NcipAgency agency) {
        LookupUserRequest lookup = (LookupUserRequest) request;
        String barcode = NcipPatrons.identifier(lookup.user());
        if (barcode == null) {
            return Answer.problem(request, NcipPatrons.missingUser(service().elementName()));
        }
        Operator operator = agency.operator();
        Loaded loaded = services.transactions().inTransaction(c -> {
            Optional<PatronView> view = services.circulation().patronView(c, operator, barcode);
            if (view.isEmpty()) {
                return null;
            }
            String library = services.lookups().homeLocation(c, view.get().patron().id())
                    .orElse(agency.institution().code());
            return new Loaded(view.get(), library);
        });
        if (loaded == null) {
            return Answer.problem(request, NcipPatrons.unknownUser(barcode));
        }
        Optional<NcipProblem> refused = NcipPatrons.verifySecret(services, agency, lookup.user(), loaded.view());
        if (refused.isPresent()) {
            return Answer.problem(request, refused.get());
        }
        return Answer.ok(response(lookup, agency, loaded), MapAction.NONE);
    }

    private static NcipResponse response(LookupUserRequest lookup, NcipAgency agency,
            Loaded loaded) {
        PatronView view = loaded.view();
        PatronRecord patron = view.patron();
        SchemeValue us = NcipRendering.ourAgency(agency);
        LookupUserResponseBuilder response = NcipResponses.lookupUser(lookup.header())
                .userId(NcipRendering.userId(agency, patron.barcode()))
                .standardPrivileges(us, loaded.library(), patron.profile(),
                        NcipUserStatus.valueOf(view.status().ncipStatus().name()),
                        NcipRendering.endOf(agency, patron.privilegeExpires()));
        for (MapCommand command : MapCommand.values()) {
            if (!command.isConcrete()) {
                continue;
            }
            Decision decision = view.status().privilege(command);
            if (!decision.isAllowed()) {
                response.blockOrTrap(BlockOrTrapRow.of(us, blockType(command)));
            }
        }
        ElementTypes asked = lookup.userElements();
        if (reveals(agency, Reveal.NAME, asked, ElementTypes.NAME_INFORMATION)) {
            response.name(NcipPersonName.unstructured(patron.name()));
        }
        if (reveals(agency, Reveal.EMAIL, asked, ElementTypes.USER_ADDRESS_INFORMATION)
                && NcipRendering.present(patron.email())) {
            response.emailAddress(ROLE, patron.email());
        }
        if (reveals(agency, Reveal.PHONE, asked, ElementTypes.USER_ADDRESS_INFORMATION)
                && NcipRendering.present(patron.phone())) {
            response.phoneNumber(ROLE, patron.phone());
        }
        if (reveals(agency, Reveal.ADDRESS, asked, ElementTypes.USER_ADDRESS_INFORMATION)
                && NcipRendering.present(patron.address())) {
            response.postalAddress(ROLE, NcipPostalAddress.of(patron.address(), null, null, null, null, null));
        }
        if (lookup.loanedItemsDesired() && agency.options().reveals(Reveal.LOANED_ITEMS)) {
            for (LoanRecord loan : view.snapshot().loans()) {
                response.loanedItem(LoanedItemRow.of(NcipRendering.itemId(agency, loan.itemBarcode()),
                        NcipRendering.at(agency, loan.dueAt()), loan.title()));
            }
        }
        if (lookup.requestedItemsDesired() && agency.options().reveals(Reveal.REQUESTED_ITEMS)) {
            for (HoldRecord hold : view.snapshot().holds()) {
                response.requestedItem(requested(agency, hold));
            }
        }
        if (lookup.userFiscalAccountDesired() && agency.options().reveals(Reveal.FISCAL_ACCOUNT)) {
            response.fiscalAccount(fiscalAccount(agency, view));
        }
        return response.build();
    }

    private static boolean reveals(NcipAgency agency, Reveal reveal, ElementTypes asked, String elementType) {
        return agency.options().reveals(reveal) && (asked.isEmpty() || asked.contains(elementType));
    }

    static String blockType(MapCommand command) {
        return switch (command) {
            case CHECKOUT_ITEM -> BlockOrTrapRow.CHECK_OUT;
            case RENEW -> BlockOrTrapRow.RENEWAL;
            case PLACE_HOLD -> BlockOrTrapRow.HOLD;
            default -> "Block " + command.displayName();
        };
    }

    private static RequestedItemRow requested(NcipAgency agency, HoldRecord hold) {
        // Holds placed over NCIP carry the partner's RequestId; others are named by their copy, else by our row id.
        String requestId = hold.externalId() != null ? hold.externalId()
                : hold.itemBarcode() == null ? "hold-" + hold.id() : null;
        return new RequestedItemRow(requestId == null ? null : NcipRendering.requestId(agency, requestId),
                hold.itemBarcode() == null ? null : NcipRendering.itemId(agency, hold.itemBarcode()),
                SchemeValue.of("Hold"), SchemeValue.of(hold.status() == HoldStatus.AVAILABLE
                        ? "Available For Pickup" : "In Process"),
                NcipRendering.at(agency, hold.placedAt()), null, SchemeValue.of(hold.pickupLocation()),
                NcipRendering.endOf(agency, hold.pickupBy()), null, hold.title());
    }

    private static FiscalAccountRow fiscalAccount(NcipAgency agency, PatronView view) {
        String currency = view.snapshot().bills().isEmpty() ? "USD" : view.snapshot().bills().get(0).currency();
        List<FiscalAccountRow.Transaction> details = new ArrayList<>();
        for (BillRecord bill : view.snapshot().bills()) {
            details.add(new FiscalAccountRow.Transaction(NcipRendering.at(agency, bill.billedAt()),
                    SchemeValue.of("Assess"), SchemeValue.of(bill.isFine() ? "Fine" : "Service Charge"),
                    new NcipAmount(bill.currency(), bill.owedCents()), bill.reason()));
        }
        long owed = view.status().assessment() == null
                ? view.snapshot().bills().stream().mapToLong(BillRecord::owedCents).sum()
                : view.status().assessment().owedCents();
        return new FiscalAccountRow(new NcipAmount(currency, owed), details);
    }
}
