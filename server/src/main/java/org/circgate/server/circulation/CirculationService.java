package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.circgate.policy.CirculationEngine;
import org.circgate.policy.Decision;
import org.circgate.policy.HoldFacts;
import org.circgate.policy.HoldQueue;
import org.circgate.policy.ItemFacts;
import org.circgate.policy.PatronStatus;
import org.circgate.policy.RequestContext;
import org.circgate.policy.UserProfile;
import org.circgate.server.domain.HoldStatus;
import org.circgate.server.domain.ItemStatus;

/**
 * The protocol-neutral circulation core: SIP2 and NCIP both come here, tagged with their interface, and get the same
 * decision for the same facts. Every method runs inside the caller's transaction (so a protocol can add its own rows,
 * such as SIP2's resend record, to the same commit), loads what the decision needs, asks the policy engine, applies
 * the result and appends the audit event.
 */
public final class CirculationService {
    /** Days a trapped hold waits on the shelf for its patron. */
    static final int PICKUP_DAYS = 7;

    private final PolicyCatalog policies;
    private final CirculationFacts facts;
    private final AuditLog audit;
    private final PatronPseudonyms pseudonyms;
    private final Clock clock;

    public CirculationService(PolicyCatalog policies, CirculationFacts facts, AuditLog audit,
            PatronPseudonyms pseudonyms, Clock clock) {
        this.policies = policies;
        this.facts = facts;
        this.audit = audit;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    public CirculationFacts facts() {
        return facts;
    }

    public CirculationEngine engine(Connection connection, Operator operator) throws SQLException {
        return engine(connection, operator.institution().id());
    }

    public CirculationEngine engine(Connection connection, long institutionId) throws SQLException {
        return policies.engine(connection, institutionId);
    }

    public Clock clock() {
        return clock;
    }

    /** A patron and the policy's view of them (the SIP2 patron status, NCIP privileges and blocks). */
    public record PatronView(PatronSnapshot snapshot, PatronStatus status, CirculationEngine engine) {
        public PatronRecord patron() {
            return snapshot.patron();
        }
    }

    public Optional<PatronView> patronView(Connection connection, Operator operator, String barcode)
            throws SQLException {
        Optional<PatronRecord> patron = facts.patrons().find(connection, operator.institution().id(), barcode);
        if (patron.isEmpty()) {
            return Optional.empty();
        }
        CirculationEngine engine = engine(connection, operator);
        PatronSnapshot snapshot = facts.snapshot(connection, patron.get(), operator.institution().zone());
        return Optional.of(new PatronView(snapshot, engine.patronStatus(context(operator), snapshot.facts()), engine));
    }

    /** The request context of a decision made now, for this operator. */
    public RequestContext context(Operator operator) {
        return new RequestContext(operator.clientInterface(), today(operator), null, false);
    }

    public LocalDate today(Operator operator) {
        return clock.instant().atZone(operator.institution().zone()).toLocalDate();
    }

    /** A checkout request, whatever protocol carried it. */
    public record Checkout(String patronBarcode, String itemBarcode, boolean feeAcknowledged, boolean offline,
            Instant offlineDue, boolean renewalAllowed, boolean cancel) {
    }

    public CheckoutResult checkout(Connection connection, Operator operator, Checkout request) throws SQLException {
        Institution institution = operator.institution();
        CirculationFacts.CheckoutRows rows = facts.forCheckout(connection, institution.id(), request.patronBarcode(),
                request.itemBarcode());
        if (rows.patron().isEmpty()) {
            record(connection, operator, "checkout", request.patronBarcode(), request.itemBarcode(), "denied",
                    "UNKNOWN_PATRON", null);
            return new CheckoutResult(CheckoutResult.Status.UNKNOWN_PATRON, null, null, null, null, 0);
        }
        if (rows.item().isEmpty()) {
            record(connection, operator, "checkout", request.patronBarcode(), request.itemBarcode(), "denied",
                    "UNKNOWN_ITEM", null);
            return new CheckoutResult(CheckoutResult.Status.UNKNOWN_ITEM, null, rows.patron().get(), null, null, 0);
        }
        ItemRecord item = rows.item().get();
        PatronRecord borrower = rows.patron().get();
        Optional<LoanRecord> loan = rows.loan();
        if (request.cancel()) {
            return cancel(connection, operator, request, borrower, item, loan);
        }
        CirculationEngine engine = engine(connection, operator);
        if (loan.isPresent() && loan.get().patronId() == borrower.id() && request.renewalAllowed()) {
            return renewOnCheckout(connection, operator, engine, borrower, item, loan.get());
        }
        ZoneId zone = institution.zone();
        LocalDate today = today(operator);
        PatronSnapshot snapshot = CirculationFacts.snapshot(borrower, rows.patronLists(), zone);
        Optional<PatronRecord> holder = loan.isPresent() && loan.get().patronId() != borrower.id()
                ? facts.patrons().findById(connection, loan.get().patronId()) : Optional.empty();
        HoldRepository.ItemHolds itemHolds = rows.itemHolds();
        ItemFacts itemFacts = CirculationFacts.itemFacts(item, itemHolds, loan, loan.isPresent() && holder.isEmpty()
                ? Optional.of(borrower) : holder, today, rank(engine));
        RequestContext context = context(operator);

        Decision decision = engine.checkout(context, snapshot.facts(), itemFacts);
        if (!decision.isAllowed() && !request.offline()) {
            record(connection, operator, "checkout", request.patronBarcode(), item.barcode(), "denied",
                    reasons(decision), decision.decidedBy());
            return new CheckoutResult(CheckoutResult.Status.DENIED, decision, borrower, item, null, item.loanFeeCents());
        }
        if (item.loanFeeCents() > 0 && !request.feeAcknowledged()) {
            return new CheckoutResult(CheckoutResult.Status.FEE_NOT_ACKNOWLEDGED, decision, borrower, item, null,
                    item.loanFeeCents());
        }
        Instant due = request.offline() && request.offlineDue() != null ? request.offlineDue()
                : endOfDay(decision.dueDate().orElseGet(() -> engine.dueDate(borrower.profile(), item.itemType(),
                        null, today)), zone);
        if (loan.isPresent()) {
            // Only an offline (no-block) checkout gets here with the item still charged: the kiosk already lent it.
            facts.loans().delete(connection, loan.get().id());
        }
        facts.loans().insert(connection, item.id(), borrower.id(), institution.id(), operator.location(),
                operator.name(), clock.instant(), due);
        facts.patrons().countCharge(connection, borrower.id());
        if (item.loanFeeCents() > 0) {
            facts.bills().create(connection, institution.id(), borrower.id(), item.id(), "06",
                    "Loan fee: " + item.title(), item.loanFeeCents(), currency(snapshot), clock.instant());
        }
        for (HoldRecord hold : itemHolds.trapped()) {
            if (hold.patronId() == borrower.id()) {
                facts.holds().setStatus(connection, hold.id(), HoldStatus.FILLED);
            }
        }
        if (item.status() != ItemStatus.AVAILABLE) {
            facts.items().setStatus(connection, item.id(), ItemStatus.AVAILABLE);
        }
        String outcome = request.offline() ? "offline" : "ok";
        record(connection, operator, "checkout", request.patronBarcode(), item.barcode(), outcome, reasons(decision),
                decision.decidedBy());
        return new CheckoutResult(CheckoutResult.Status.CHECKED_OUT, decision, borrower, item, due,
                item.loanFeeCents());
    }

    /** An item already out to this patron, and the SC may renew: exactly a renewal (fine billing included). */
    private CheckoutResult renewOnCheckout(Connection connection, Operator operator, CirculationEngine engine,
            PatronRecord patron, ItemRecord item, LoanRecord loan) throws SQLException {
        RenewalResult renewal = new RenewalService(this).renewItem(connection, operator, engine, patron, item);
        return renewal.status() == RenewalResult.Status.RENEWED
                ? new CheckoutResult(CheckoutResult.Status.RENEWED, renewal.decision(), patron, item, renewal.due(), 0)
                : new CheckoutResult(CheckoutResult.Status.DENIED, renewal.decision(), patron, item, loan.dueAt(), 0);
    }

    /** SIP2 11 with BI=Y: undo this operator's own checkout of this item to this patron, nothing else. */
    private CheckoutResult cancel(Connection connection, Operator operator, Checkout request, PatronRecord patron,
            ItemRecord item, Optional<LoanRecord> loan) throws SQLException {
        if (loan.isEmpty() || loan.get().patronId() != patron.id() || !operator.name().equals(loan.get().operator())) {
            record(connection, operator, "checkout_cancel", request.patronBarcode(), item.barcode(), "denied",
                    "NOTHING_TO_CANCEL", null);
            return new CheckoutResult(CheckoutResult.Status.NOTHING_TO_CANCEL, null, patron, item, null, 0);
        }
        facts.loans().delete(connection, loan.get().id());
        record(connection, operator, "checkout_cancel", request.patronBarcode(), item.barcode(), "ok", null, null);
        return new CheckoutResult(CheckoutResult.Status.CANCELLED, null, patron, item, null, 0);
    }

    /**
     * A checkin request; {@code returnedAt} may lie in the past (a book drop emptied in the morning);
     * {@code location} is where the item is now (SIP2 AP), or null for the operator's location.
     */
    public record Checkin(String itemBarcode, Instant returnedAt, String location) {
    }

    public CheckinResult checkin(Connection connection, Operator operator, Checkin request) throws SQLException {
        Institution institution = operator.institution();
        CirculationFacts.CheckinRows rows = facts.forCheckin(connection, institution.id(), request.itemBarcode());
        if (rows.item().isEmpty()) {
            record(connection, operator, "checkin", null, request.itemBarcode(), "denied", "UNKNOWN_ITEM", null);
            return new CheckinResult(CheckinResult.Status.UNKNOWN_ITEM, null, null, 0, null, null);
        }
        ItemRecord item = rows.item().get();
        CirculationEngine engine = engine(connection, operator);
        ZoneId zone = institution.zone();
        Optional<LoanRecord> loan = rows.loan();
        HoldRepository.ItemHolds itemHolds = rows.itemHolds();
        // Every read before the first write, so the held-back writes go out with the commit (a fine's bill, inserted
        // at once, sends them earlier). A kiosk usually reports its own location (checked at login); only another
        // one needs looking up.
        String here = request.location() != null && (request.location().equals(operator.location())
                || facts.items().locationExists(connection, institution.id(), request.location())) ? request.location()
                : operator.location() == null ? item.currentLocation() : operator.location();
        PatronRecord borrower = null;
        long fine = 0;
        if (loan.isPresent()) {
            borrower = rows.borrower().orElseThrow();
            LocalDate returned = (request.returnedAt() == null ? clock.instant() : request.returnedAt())
                    .atZone(zone).toLocalDate();
            if (engine.policy().profile(borrower.profile()) != null) {
                fine = engine.accruingFine(borrower.profile(), CirculationFacts.loanFacts(loan.get(), zone), returned);
            }
            facts.loans().delete(connection, loan.get().id());
            if (fine > 0) {
                facts.bills().create(connection, institution.id(), borrower.id(), item.id(), "04",
                        "Overdue: " + item.title(), fine, "USD", clock.instant());
            }
        }
        HoldRecord trapped = null;
        String destination = null;
        HoldRecord next = itemHolds.trapped().isEmpty() ? nextHold(engine, itemHolds.queue(), today(operator))
                : itemHolds.trapped().get(0);
        if (next != null) {
            trapped = next;
            boolean pickupHere = next.pickupLocation().equals(here);
            HoldStatus status = pickupHere ? HoldStatus.AVAILABLE : HoldStatus.IN_TRANSIT;
            facts.holds().trap(connection, next.id(), item.id(), status, clock.instant(),
                    pickupHere ? today(operator).plusDays(PICKUP_DAYS) : null);
            facts.items().move(connection, item, pickupHere ? ItemStatus.ON_HOLD_SHELF : ItemStatus.IN_TRANSIT, here);
            destination = pickupHere ? null : next.pickupLocation();
        } else if (!item.homeLocation().equals(here)) {
            facts.items().move(connection, item, ItemStatus.IN_TRANSIT, here);
            destination = item.homeLocation();
        } else {
            facts.items().move(connection, item, ItemStatus.AVAILABLE, here);
        }
        String patronBarcode = borrower == null ? null : borrower.barcode();
        String detail = trapped != null ? "hold trapped" + (destination != null ? ", transit to " + destination : "")
                : destination != null ? "transit to " + destination : null;
        record(connection, operator, "checkin", patronBarcode, item.barcode(), loan.isPresent() ? "ok" : "not_charged",
                fine > 0 ? "FINE_BILLED" : null, detail);
        return new CheckinResult(loan.isPresent() ? CheckinResult.Status.CHECKED_IN : CheckinResult.Status.NOT_CHARGED,
                item, borrower, fine, trapped, destination);
    }

    private static HoldRecord nextHold(CirculationEngine engine, List<HoldRecord> queue, LocalDate today) {
        if (queue.isEmpty()) {
            return null;
        }
        // The policy orders the queue (hold rank, then time placed); map its pick back to the row by identity.
        Map<HoldFacts, HoldRecord> rows = new IdentityHashMap<>();
        List<HoldFacts> holdFacts = new ArrayList<>(queue.size());
        for (HoldRecord hold : queue) {
            HoldFacts candidate = new HoldFacts(Long.toString(hold.patronId()),
                    rank(engine).applyAsInt(hold.patronProfile()), hold.placedAt(), hold.suspendedOn(today));
            rows.put(candidate, hold);
            holdFacts.add(candidate);
        }
        HoldFacts first = HoldQueue.next(holdFacts);
        return first == null ? null : rows.get(first);
    }

    /** The hold rank of a profile (100–199, lower is ahead); an unknown profile queues last. */
    static java.util.function.ToIntFunction<String> rank(CirculationEngine engine) {
        return profile -> {
            UserProfile found = engine.policy().profile(profile);
            return found == null ? UserProfile.MAX_HOLD_RANK : found.holdRank();
        };
    }

    /** Items are due at the end of their due date, in the institution's time zone. */
    public static Instant endOfDay(LocalDate date, ZoneId zone) {
        return date.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
    }

    private static String currency(PatronSnapshot snapshot) {
        return snapshot.bills().isEmpty() ? "USD" : snapshot.bills().get(0).currency();
    }

    public static String reasons(Decision decision) {
        return decision == null || decision.reasons().isEmpty() ? null
                : decision.reasons().stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** Appends an audit event for this operator; the patron appears only as a pseudonym. */
    public void record(Connection connection, Operator operator, String command, String patronBarcode,
            String itemBarcode, String outcome, String reasons, String detail) throws SQLException {
        audit.append(connection, new AuditLog.Event(clock.instant(), operator.institution().id(),
                operator.clientInterface().name(), operator.name(), operator.location(), command,
                pseudonyms.of(operator.institution().code(), patronBarcode), itemBarcode, outcome, reasons, detail));
    }
}
