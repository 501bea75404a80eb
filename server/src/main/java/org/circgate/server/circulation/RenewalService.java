package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.circgate.policy.CirculationEngine;
import org.circgate.policy.Decision;
import org.circgate.policy.ItemFacts;
import org.circgate.policy.LoanFacts;
import org.circgate.server.circulation.RenewalResult.Status;
import org.circgate.server.circulation.TitleRepository.TitleRecord;

/**
 * Renewals, whatever protocol asks (SIP2 29 and 65, NCIP RenewItem): map command Renew, then the renewal limit of the
 * circulation rule and holds by other patrons, which need an override and so are refusals on SIP2 and NCIP. A
 * renewal counts from today. Renewing an overdue loan bills the fine it accrued, as a checkin would. Every method
 * runs in the caller's transaction and appends an audit event per item.
 */
public final class RenewalService {
    private final CirculationService circulation;
    private final CirculationFacts facts;
    private final TitleRepository titles = new TitleRepository();

    public RenewalService(CirculationService circulation) {
        this.circulation = circulation;
        this.facts = circulation.facts();
    }

    /**
     * One renewal.
     *
     * @param itemBarcode     the item; when absent, the patron's loan of {@code titleIdentifier}
     * @param titleIdentifier a title key or exact title text, used only without an item barcode
     * @param thirdParty      the caller may renew a loan of another patron (SIP2: the request's flag and the
     *                        account's permission); that loan is then decided on its borrower's facts
     * @param offline         the caller already renewed it off-line (SIP2 no block, when the account accepts it):
     *                        the loan is renewed even when the policy would refuse, and the refusal is audited
     * @param offlineDue      the due date the caller gave the patron off-line, or null for the policy's
     */
    public record Renew(String patronBarcode, String itemBarcode, String titleIdentifier, boolean thirdParty,
            boolean offline, Instant offlineDue) {

        /** An on-line renewal. */
        public Renew(String patronBarcode, String itemBarcode, String titleIdentifier, boolean thirdParty) {
            this(patronBarcode, itemBarcode, titleIdentifier, thirdParty, false, null);
        }
    }

    public RenewalResult renew(Connection connection, Operator operator, Renew request) throws SQLException {
        Institution institution = operator.institution();
        Optional<PatronRecord> found = facts.patrons().findForUpdate(connection, institution.id(),
                request.patronBarcode());
        if (found.isEmpty()) {
            circulation.record(connection, operator, "renew", request.patronBarcode(), request.itemBarcode(),
                    "denied", "UNKNOWN_PATRON", null);
            return RenewalResult.of(Status.UNKNOWN_PATRON, null);
        }
        PatronRecord patron = found.get();
        Optional<ItemRecord> item;
        if (request.itemBarcode() != null && !request.itemBarcode().isEmpty()) {
            item = facts.items().findForUpdate(connection, institution.id(), request.itemBarcode());
        } else {
            item = loanedCopyOfTitle(connection, operator, patron, request.titleIdentifier());
            if (item.isEmpty()) {
                circulation.record(connection, operator, "renew", patron.barcode(), null, "denied", "NOT_CHARGED",
                        null);
                return RenewalResult.of(Status.NOT_CHARGED, patron);
            }
        }
        if (item.isEmpty()) {
            circulation.record(connection, operator, "renew", patron.barcode(), request.itemBarcode(), "denied",
                    "UNKNOWN_ITEM", null);
            return RenewalResult.of(Status.UNKNOWN_ITEM, patron);
        }
        return renewItem(connection, operator, circulation.engine(connection, operator), patron, item.get(),
                request.thirdParty(), request.offline() ? request : null);
    }

    /** Renews every loan of the patron, each decided on its own (SIP2 65). */
    public RenewAllResult renewAll(Connection connection, Operator operator, String patronBarcode)
            throws SQLException {
        Institution institution = operator.institution();
        Optional<PatronRecord> found = facts.patrons().findForUpdate(connection, institution.id(), patronBarcode);
        if (found.isEmpty()) {
            circulation.record(connection, operator, "renew_all", patronBarcode, null, "denied", "UNKNOWN_PATRON",
                    null);
            return new RenewAllResult(false, null, List.of());
        }
        PatronRecord patron = found.get();
        CirculationEngine engine = circulation.engine(connection, operator);
        List<RenewalResult> results = new ArrayList<>();
        for (LoanRecord loan : facts.loans().forPatron(connection, patron.id())) {
            Optional<ItemRecord> item = facts.items().findForUpdate(connection, institution.id(), loan.itemBarcode());
            if (item.isPresent()) {
                results.add(renewItem(connection, operator, engine, patron, item.get(), false, null));
            }
        }
        long renewed = results.stream().filter(r -> r.status().ok()).count();
        circulation.record(connection, operator, "renew_all", patron.barcode(), null, "ok", null,
                "renewed " + renewed + ", not renewed " + (results.size() - renewed));
        return new RenewAllResult(true, patron, results);
    }

    /**
     * Renews one item of the patron's (a checkout of an item already out to the same patron, with the SC's renewal
     * policy Y, comes here too): the same decision, due date and fine billing as a 29.
     */
    RenewalResult renewItem(Connection connection, Operator operator, CirculationEngine engine,
            PatronRecord patron, ItemRecord item) throws SQLException {
        return renewItem(connection, operator, engine, patron, item, false, null);
    }

    private RenewalResult renewItem(Connection connection, Operator operator, CirculationEngine engine,
            PatronRecord patron, ItemRecord item, boolean thirdParty, Renew offline) throws SQLException {
        ZoneId zone = operator.institution().zone();
        LocalDate today = circulation.today(operator);
        Optional<LoanRecord> loan = facts.loans().forItem(connection, item.id());
        PatronRecord borrower = patron;
        if (loan.isPresent() && loan.get().patronId() != patron.id() && thirdParty) {
            borrower = facts.patrons().findById(connection, loan.get().patronId()).orElseThrow();
        }
        // The loan the decision sees: the borrower's own, or none (refused as not charged to this patron).
        LoanRecord decided = loan.isPresent() && loan.get().patronId() == borrower.id() ? loan.get() : null;
        PatronSnapshot snapshot = facts.snapshot(connection, borrower, zone);
        Optional<PatronRecord> holder = loan.isEmpty() ? Optional.empty()
                : loan.get().patronId() == borrower.id() ? Optional.of(borrower)
                : facts.patrons().findById(connection, loan.get().patronId());
        ItemFacts itemFacts = facts.itemFacts(connection, item, loan, holder, today, CirculationService.rank(engine));
        LoanFacts loanFacts = decided == null ? null : CirculationFacts.loanFacts(decided, zone);
        Decision decision = engine.renew(circulation.context(operator), snapshot.facts(), loanFacts, itemFacts);
        String detail = borrower.id() != patron.id() ? "third party; " + decision.decidedBy() : decision.decidedBy();
        boolean forced = offline != null && decided != null && !decision.isAllowed();
        if (!decision.isAllowed() && !forced) {
            circulation.record(connection, operator, "renew", patron.barcode(), item.barcode(), "denied",
                    CirculationService.reasons(decision), detail);
            return new RenewalResult(Status.DENIED, decision, patron, decided == null ? null : borrower, item,
                    decided == null ? null : decided.dueAt(), 0);
        }
        long fine = 0;
        if (engine.policy().profile(borrower.profile()) != null) {
            fine = engine.accruingFine(borrower.profile(), loanFacts, today);
        }
        if (fine > 0) {
            String currency = snapshot.bills().isEmpty() ? "USD" : snapshot.bills().get(0).currency();
            facts.bills().create(connection, operator.institution().id(), borrower.id(), item.id(), "04",
                    "Overdue: " + item.title(), fine, currency, circulation.clock().instant());
        }
        Instant due = dueDate(engine, decision, forced ? offline : null, borrower, item, decided, today, zone);
        facts.loans().renew(connection, decided.id(), due);
        circulation.record(connection, operator, "renew", patron.barcode(), item.barcode(),
                forced ? "offline" : "ok",
                fine > 0 ? join(CirculationService.reasons(decision), "FINE_BILLED")
                        : CirculationService.reasons(decision), detail);
        return new RenewalResult(Status.RENEWED, decision, patron, borrower, item, due, fine);
    }

    /** The policy's new due date; off-line, the one the caller gave, else the loan period counted from today. */
    private static Instant dueDate(CirculationEngine engine, Decision decision, Renew offline, PatronRecord borrower,
            ItemRecord item, LoanRecord loan, LocalDate today, ZoneId zone) {
        if (decision.dueDate().isPresent()) {
            return CirculationService.endOfDay(decision.dueDate().get(), zone);
        }
        if (offline.offlineDue() != null) {
            return offline.offlineDue();
        }
        if (engine.policy().profile(borrower.profile()) == null) {
            return loan.dueAt(); // nothing to count a loan period with: the off-line renewal keeps the old date
        }
        return CirculationService.endOfDay(engine.dueDate(borrower.profile(), item.itemType(), null, today), zone);
    }

    /** The copy of the title the patron has on loan, locked; empty when the title is unknown or not on loan. */
    private Optional<ItemRecord> loanedCopyOfTitle(Connection connection, Operator operator, PatronRecord patron,
            String titleIdentifier) throws SQLException {
        Optional<TitleRecord> title = titles.find(connection, operator.institution().id(), titleIdentifier);
        if (title.isEmpty()) {
            return Optional.empty();
        }
        for (LoanRecord loan : facts.loans().forPatron(connection, patron.id())) {
            if (loan.titleId() == title.get().id()) {
                return facts.items().findForUpdate(connection, operator.institution().id(), loan.itemBarcode());
            }
        }
        return Optional.empty();
    }

    private static String join(String reasons, String more) {
        return reasons == null ? more : reasons + "," + more;
    }
}
