package org.circgate.server.sip2.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.circgate.policy.UserProfile;
import org.circgate.server.account.SipAccountOptions;
import org.circgate.server.circulation.BillRecord;
import org.circgate.server.circulation.CirculationService.PatronView;
import org.circgate.server.circulation.HoldRecord;
import org.circgate.server.circulation.LoanRecord;
import org.circgate.server.domain.HoldStatus;
import org.circgate.server.metrics.ServerMetrics;
import org.circgate.server.sip2.PatronIdentification;
import org.circgate.server.sip2.PatronIdentification.Identified;
import org.circgate.server.sip2.PatronRendering;
import org.circgate.server.sip2.PatronViewCommand;
import org.circgate.server.sip2.Sip2Services;
import org.circgate.server.sip2.Sip2Session;
import org.circgate.server.sip2.Sip2Times;
import org.circgate.sip2.Language;
import org.circgate.sip2.PatronStatus;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Summary;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.PatronInformationRequest;
import org.circgate.sip2.message.PatronInformationResponse;
import org.circgate.sip2.message.Sip2Response;

/**
 * 63 Patron Information → 64: the 24 view plus counts, limits (BZ/CA/CB/CC) and the one item list the summary asks
 * for, paged by BP/BQ. "Hold items" are holds on the shelf for pickup; holds still waiting or in transit are the
 * unavailable holds (CD). Personal data only after the PIN checks out; BD/BE/BF only where the account allows.
 */
public final class PatronInformationCommand implements PatronViewCommand {
    /** The longest list sent when the kiosk does not page (keeps a 64 well under the frame limits kiosks use). */
    static final int DEFAULT_PAGE = 20;

    private final Sip2Services services;

    public PatronInformationCommand(Sip2Services services) {
        this.services = services;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.PATRON_INFORMATION;
    }

    @Override
    public String patronOf(DecodedMessage message) {
        return ((PatronInformationRequest) message.request()).patronIdentifier();
    }

    @Override
    public String pinOf(DecodedMessage message) {
        return ((PatronInformationRequest) message.request()).patronPassword();
    }

    @Override
    public Answer handle(DecodedMessage message, Sip2Session session) {
        return answer(message, session,
                PatronIdentification.identify(services, session, patronOf(message), pinOf(message)));
    }

    @Override
    public Answer answer(DecodedMessage message, Sip2Session session, Identified patron) {
        PatronInformationRequest request = (PatronInformationRequest) message.request();
        if (!patron.known()) {
            return Answer.denied(unknown(session, request, "Patron not found"));
        }
        PatronView view = patron.view().orElseThrow();
        SipAccountOptions options = session.account().options();
        Instant now = services.clock().instant();
        List<LoanRecord> loans = view.snapshot().loans();
        List<LoanRecord> overdue = loans.stream()
                .filter(l -> l.dueAt().isBefore(now)).toList();
        List<LoanRecord> recalled = loans.stream().filter(l -> l.recalledAt() != null).toList();
        List<HoldRecord> onShelf = view.snapshot().holds().stream()
                .filter(h -> h.status() == HoldStatus.AVAILABLE).toList();
        List<HoldRecord> waiting = view.snapshot().holds().stream()
                .filter(h -> h.status() != HoldStatus.AVAILABLE).toList();
        List<BillRecord> bills = view.snapshot().bills();
        UserProfile profile = view.engine().policy().profile(view.patron().profile());
        boolean personal = patron.authenticated();
        long owed = PatronRendering.owed(view);

        PatronInformationResponse.Builder response = PatronInformationResponse.builder()
                .patronStatus(PatronRendering.status(view))
                .language(PatronRendering.language(view))
                .transactionDate(Sip2Times.now(services.clock(), session))
                .holdItemsCount(onShelf.size())
                .overdueItemsCount(overdue.size())
                .chargedItemsCount(loans.size())
                .fineItemsCount(bills.size())
                .recallItemsCount(recalled.size())
                .unavailableHoldsCount(waiting.size())
                .institutionId(session.institution().code())
                .patronIdentifier(request.patronIdentifier())
                .personalName(personal && options.shows("AE") ? view.patron().name() : "")
                .validPatron(true)
                .validPatronPassword(patron.pin().accepted())
                .currencyType(PatronRendering.currency(view))
                .feeAmount(owed > 0 ? PatronRendering.amount(owed) : null)
                .screenMessages(PatronRendering.messages(view, patron.pin()));
        if (profile != null) {
            response.holdItemsLimit(limit(profile.holdLimit().isUnlimited(), profile.holdLimit().value()))
                    .chargedItemsLimit(limit(profile.chargeLimit().isUnlimited(), profile.chargeLimit().value()))
                    .overdueItemsLimit(limit(profile.overdueThreshold() == 0, profile.overdueThreshold()))
                    .feeLimit(profile.billThresholdCents() == 0 ? null
                            : PatronRendering.amount(profile.billThresholdCents()));
        }
        if (personal) {
            Summary.Item wanted = request.summary().requested();
            int start = request.startItem() == null || request.startItem() < 1 ? 1 : request.startItem();
            int end = request.endItem() == null || request.endItem() < start ? start + DEFAULT_PAGE - 1
                    : request.endItem();
            if (wanted == Summary.Item.HOLD_ITEMS) {
                response.holdItems(page(onShelf, HoldRecord::title, start, end));
            } else if (wanted == Summary.Item.OVERDUE_ITEMS) {
                response.overdueItems(page(overdue, LoanRecord::itemBarcode, start, end));
            } else if (wanted == Summary.Item.CHARGED_ITEMS) {
                response.chargedItems(page(loans, LoanRecord::itemBarcode, start, end));
            } else if (wanted == Summary.Item.FINE_ITEMS) {
                response.fineItems(page(bills, PatronInformationCommand::fineLine, start, end));
            } else if (wanted == Summary.Item.RECALL_ITEMS) {
                response.recallItems(page(recalled, LoanRecord::itemBarcode, start, end));
            } else if (wanted == Summary.Item.UNAVAILABLE_HOLDS) {
                response.unavailableHoldItems(page(waiting, HoldRecord::title, start, end));
            }
            if (options.patronContactFields()) {
                response.homeAddress(options.shows("BD") ? view.patron().address() : null)
                        .emailAddress(options.shows("BE") ? view.patron().email() : null)
                        .homePhoneNumber(options.shows("BF") ? view.patron().phone() : null);
            }
        }
        ServerMetrics.Outcome outcome = PatronRendering.pinMessage(patron.pin()) == null
                ? ServerMetrics.Outcome.OK : ServerMetrics.Outcome.DENIED;
        return new Answer(response.build(), outcome, ServerMetrics.MapAction.NONE);
    }

    @Override
    public Sip2Response refusal(DecodedMessage message, Sip2Session session, String screenMessage) {
        return unknown(session, (PatronInformationRequest) message.request(), screenMessage);
    }

    private Sip2Response unknown(Sip2Session session, PatronInformationRequest request, String screenMessage) {
        return PatronInformationResponse.builder()
                .patronStatus(PatronStatus.UNKNOWN_PATRON)
                .language(Language.UNKNOWN)
                .transactionDate(Sip2Times.now(services.clock(), session))
                .holdItemsCount(0).overdueItemsCount(0).chargedItemsCount(0).fineItemsCount(0)
                .recallItemsCount(0).unavailableHoldsCount(0)
                .institutionId(session.institution() == null ? "" : session.institution().code())
                .patronIdentifier(request.patronIdentifier())
                .personalName("")
                .validPatron(false)
                .validPatronPassword(false)
                .screenMessages(screenMessage)
                .build();
    }

    private static Integer limit(boolean unlimited, int value) {
        return unlimited ? null : Math.min(value, 9999);
    }

    /** {@code start}..{@code end}, 1-based and inclusive, as BP/BQ define it. */
    static <T> List<String> page(List<T> items, Function<T, String> label, int start, int end) {
        List<String> page = new ArrayList<>();
        for (int i = start - 1; i < items.size() && i < end; i++) {
            page.add(label.apply(items.get(i)));
        }
        return page;
    }

    private static String fineLine(BillRecord bill) {
        String what = bill.itemBarcode() != null ? bill.itemBarcode() + " " : "";
        return what + PatronRendering.amount(bill.owedCents()) + " " + bill.reason();
    }
}
