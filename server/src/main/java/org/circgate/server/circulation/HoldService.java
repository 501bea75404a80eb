package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.circgate.policy.CirculationEngine;
import org.circgate.policy.Decision;
import org.circgate.policy.HoldFacts;
import org.circgate.policy.HoldQueue;
import org.circgate.policy.MapCommand;
import org.circgate.policy.PatronFacts;
import org.circgate.server.circulation.HoldResult.Status;
import org.circgate.server.circulation.TitleRepository.TitleRecord;
import org.circgate.server.db.Sql;
import org.circgate.server.domain.HoldStatus;
import org.circgate.server.domain.ItemStatus;

/**
 * Holds, whatever protocol asks (SIP2 15, NCIP RequestItem / CancelRequestItem): place one (map command Place Hold
 * and the profile's hold limit), cancel one (Remove Hold), change its pickup location, type or expiry. Every method
 * runs in the caller's transaction, locks the patron row first (so a patron's hold count and duplicates are decided
 * one request at a time) and appends an audit event.
 *
 * <p>Hold types are SIP2's codes, which NCIP's request scopes map onto: {@code 1} other, {@code 2} any copy of the
 * title (the default), {@code 3} this copy, {@code 4} any copy at one branch. Only type 3 with an item is a copy-level
 * hold; everything else waits for any copy of the title.
 */
public final class HoldService {
    /** SIP2 hold type 3: a specific copy. */
    public static final String SPECIFIC_COPY = "3";
    /** SIP2 hold type 2: any copy of the title (the default). */
    public static final String ANY_COPY = "2";

    private final CirculationService circulation;
    private final CirculationFacts facts;
    private final TitleRepository titles = new TitleRepository();
    private final LocationRepository locations = new LocationRepository();

    public HoldService(CirculationService circulation) {
        this.circulation = circulation;
        this.facts = circulation.facts();
    }

    /**
     * A new hold.
     *
     * @param itemBarcode     the copy asked for (its title is held unless the type is {@link #SPECIFIC_COPY})
     * @param titleIdentifier the title, by key or exact title text, when no item is given
     * @param holdType        {@code 1}-{@code 4}, null for {@link #ANY_COPY}
     * @param pickupLocation  a location code; null = the operator's location
     * @param expires         the last day the hold waits for a copy; null = no expiry
     * @param externalId      the caller's id for the hold (NCIP RequestId), unique per institution; may be null
     */
    public record Place(String patronBarcode, String itemBarcode, String titleIdentifier, String holdType,
            String pickupLocation, LocalDate expires, String externalId) {
    }

    /**
     * Which of the patron's active holds a cancel or change means: by the caller's id, else the hold on the item
     * (or on the item's title), else the hold on the title.
     */
    public record Target(String patronBarcode, String itemBarcode, String titleIdentifier, String externalId) {
    }

    /** New values for a hold; null keeps the current one. */
    public record Change(Target target, String holdType, String pickupLocation, LocalDate expires) {
    }

    public HoldResult place(Connection connection, Operator operator, Place request) throws SQLException {
        Institution institution = operator.institution();
        Optional<PatronRecord> found = facts.patrons().findForUpdate(connection, institution.id(),
                request.patronBarcode());
        if (found.isEmpty()) {
            return refused(connection, operator, "hold_place", request.patronBarcode(), request.itemBarcode(),
                    Status.UNKNOWN_PATRON, null);
        }
        PatronRecord patron = found.get();
        Optional<ItemRecord> item = Optional.empty();
        TitleRecord title;
        if (present(request.itemBarcode())) {
            item = facts.items().find(connection, institution.id(), request.itemBarcode());
            if (item.isEmpty()) {
                return refused(connection, operator, "hold_place", patron.barcode(), request.itemBarcode(),
                        Status.UNKNOWN_ITEM, patron);
            }
            title = new TitleRecord(item.get().titleId(), item.get().titleKey(), item.get().title());
        } else if (present(request.titleIdentifier())) {
            Optional<TitleRecord> named = titles.find(connection, institution.id(), request.titleIdentifier());
            if (named.isEmpty()) {
                return refused(connection, operator, "hold_place", patron.barcode(), null, Status.UNKNOWN_TITLE,
                        patron);
            }
            title = named.get();
        } else {
            return refused(connection, operator, "hold_place", patron.barcode(), null, Status.NO_ITEM_OR_TITLE,
                    patron);
        }
        String itemBarcode = item.map(ItemRecord::barcode).orElse(null);
        String pickup = present(request.pickupLocation()) ? request.pickupLocation()
                : operator.location() != null ? operator.location() : item.map(ItemRecord::homeLocation).orElse(null);
        if (!locations.exists(connection, institution.id(), pickup)) {
            return refused(connection, operator, "hold_place", patron.barcode(), itemBarcode,
                    Status.UNKNOWN_PICKUP_LOCATION, patron);
        }
        LocalDate today = circulation.today(operator);
        if (request.expires() != null && request.expires().isBefore(today)) {
            return refused(connection, operator, "hold_place", patron.barcode(), itemBarcode, Status.INVALID_EXPIRY,
                    patron);
        }
        PatronSnapshot snapshot = facts.snapshot(connection, patron, institution.zone());
        for (HoldRecord existing : snapshot.holds()) {
            if (existing.titleId() == title.id()) {
                return refused(connection, operator, "hold_place", patron.barcode(), itemBarcode, Status.DUPLICATE,
                        patron);
            }
        }
        CirculationEngine engine = circulation.engine(connection, operator);
        Decision decision = engine.placeHold(circulation.context(operator), snapshot.facts(), false);
        if (!decision.isAllowed()) {
            circulation.record(connection, operator, "hold_place", patron.barcode(), itemBarcode, "denied",
                    CirculationService.reasons(decision), decision.decidedBy());
            return HoldResult.of(Status.DENIED, decision, patron);
        }
        String type = holdType(request.holdType());
        Long copy = SPECIFIC_COPY.equals(type) && item.isPresent() ? item.get().id() : null;
        if (SPECIFIC_COPY.equals(type) && copy == null) {
            type = ANY_COPY; // a title named without a copy can only be held as "any copy"
        }
        long id;
        try {
            id = facts.holds().insert(connection, institution.id(), emptyToNull(request.externalId()), patron.id(),
                    title.id(), copy, pickup, type, circulation.clock().instant(), request.expires(), operator.name());
        } catch (SQLException e) {
            if (Sql.isDuplicateKey(e)) { // the caller's hold id is taken
                return refused(connection, operator, "hold_place", patron.barcode(), itemBarcode, Status.DUPLICATE,
                        patron);
            }
            throw e;
        }
        HoldRecord hold = facts.holds().findById(connection, id).orElseThrow();
        int position = queuePosition(connection, operator, hold);
        circulation.record(connection, operator, "hold_place", patron.barcode(), itemBarcode, "ok",
                CirculationService.reasons(decision), "queue position " + position + ", pickup " + pickup);
        return new HoldResult(Status.PLACED, decision, patron, hold, position, available(connection, hold));
    }

    public HoldResult cancel(Connection connection, Operator operator, Target target) throws SQLException {
        Optional<PatronRecord> found = facts.patrons().findForUpdate(connection, operator.institution().id(),
                target.patronBarcode());
        if (found.isEmpty()) {
            return refused(connection, operator, "hold_cancel", target.patronBarcode(), target.itemBarcode(),
                    Status.UNKNOWN_PATRON, null);
        }
        PatronRecord patron = found.get();
        PatronSnapshot snapshot = facts.snapshot(connection, patron, operator.institution().zone());
        Optional<HoldRecord> held = find(connection, operator, snapshot, target);
        if (held.isEmpty()) {
            return refused(connection, operator, "hold_cancel", patron.barcode(), target.itemBarcode(),
                    Status.NO_SUCH_HOLD, patron);
        }
        HoldRecord hold = held.get();
        Decision decision = circulation.engine(connection, operator)
                .removeHold(circulation.context(operator), snapshot.facts());
        if (!decision.isAllowed()) {
            circulation.record(connection, operator, "hold_cancel", patron.barcode(), hold.itemBarcode(), "denied",
                    CirculationService.reasons(decision), decision.decidedBy());
            return new HoldResult(Status.DENIED, decision, patron, hold, 0, false);
        }
        facts.holds().cancel(connection, hold.id(), circulation.clock().instant(), operator.name());
        if (hold.status() == HoldStatus.AVAILABLE && hold.itemId() != null) {
            // The copy stays on the hold shelf until staff pull it; its next checkin finds it another hold or home.
            facts.items().setStatus(connection, hold.itemId(), ItemStatus.WAITING_RESHELF);
        }
        circulation.record(connection, operator, "hold_cancel", patron.barcode(), hold.itemBarcode(), "ok",
                CirculationService.reasons(decision), "was " + hold.status().name().toLowerCase(Locale.ROOT));
        return new HoldResult(Status.CANCELLED, decision, patron,
                facts.holds().findById(connection, hold.id()).orElseThrow(), 0, false);
    }

    /**
     * Changes pickup location, type or expiry. Decided as placing the hold anew (Place Hold), counting the patron's
     * other holds against the limit, so a patron at the limit may still move a hold.
     */
    public HoldResult change(Connection connection, Operator operator, Change request) throws SQLException {
        Target target = request.target();
        Institution institution = operator.institution();
        Optional<PatronRecord> found = facts.patrons().findForUpdate(connection, institution.id(),
                target.patronBarcode());
        if (found.isEmpty()) {
            return refused(connection, operator, "hold_change", target.patronBarcode(), target.itemBarcode(),
                    Status.UNKNOWN_PATRON, null);
        }
        PatronRecord patron = found.get();
        PatronSnapshot snapshot = facts.snapshot(connection, patron, institution.zone());
        Optional<HoldRecord> held = find(connection, operator, snapshot, target);
        if (held.isEmpty()) {
            return refused(connection, operator, "hold_change", patron.barcode(), target.itemBarcode(),
                    Status.NO_SUCH_HOLD, patron);
        }
        HoldRecord hold = held.get();
        String pickup = present(request.pickupLocation()) ? request.pickupLocation() : hold.pickupLocation();
        if (!locations.exists(connection, institution.id(), pickup)) {
            return refused(connection, operator, "hold_change", patron.barcode(), hold.itemBarcode(),
                    Status.UNKNOWN_PICKUP_LOCATION, patron);
        }
        if (!pickup.equals(hold.pickupLocation()) && hold.status() != HoldStatus.WAITING) {
            return refused(connection, operator, "hold_change", patron.barcode(), hold.itemBarcode(),
                    Status.ALREADY_TRAPPED, patron);
        }
        if (request.expires() != null && request.expires().isBefore(circulation.today(operator))) {
            return refused(connection, operator, "hold_change", patron.barcode(), hold.itemBarcode(),
                    Status.INVALID_EXPIRY, patron);
        }
        String type = present(request.holdType()) ? holdType(request.holdType()) : hold.holdType();
        if (SPECIFIC_COPY.equals(type) && hold.itemId() == null) {
            type = hold.holdType();
        }
        CirculationEngine engine = circulation.engine(connection, operator);
        Decision decision = engine.privilege(MapCommand.PLACE_HOLD, circulation.context(operator),
                withoutOneHold(snapshot.facts()));
        if (!decision.isAllowed()) {
            circulation.record(connection, operator, "hold_change", patron.barcode(), hold.itemBarcode(), "denied",
                    CirculationService.reasons(decision), decision.decidedBy());
            return new HoldResult(Status.DENIED, decision, patron, hold, queuePosition(connection, operator, hold),
                    available(connection, hold));
        }
        LocalDate expires = request.expires() != null ? request.expires() : hold.expiresOn();
        facts.holds().change(connection, institution.id(), hold.id(), pickup, type, expires,
                circulation.clock().instant(), operator.name());
        HoldRecord changed = facts.holds().findById(connection, hold.id()).orElseThrow();
        circulation.record(connection, operator, "hold_change", patron.barcode(), hold.itemBarcode(), "ok",
                CirculationService.reasons(decision), "pickup " + pickup + ", type " + type
                        + (expires == null ? "" : ", expires " + expires));
        return new HoldResult(Status.CHANGED, decision, patron, changed, queuePosition(connection, operator, changed),
                available(connection, changed));
    }

    /**
     * The hold's place in its title's waiting line, in the policy's queue order (hold rank of the holder's profile,
     * then time placed); 0 once a copy has been set aside for it.
     */
    public int queuePosition(Connection connection, Operator operator, HoldRecord hold) throws SQLException {
        if (hold.status() != HoldStatus.WAITING) {
            return 0;
        }
        ToIntFunction<String> rank = CirculationService.rank(circulation.engine(connection, operator));
        HoldFacts mine = new HoldFacts(Long.toString(hold.patronId()), rank.applyAsInt(hold.patronProfile()),
                hold.placedAt(), false);
        int ahead = 0;
        LocalDate today = circulation.today(operator);
        for (HoldRecord other : facts.holds().waitingForTitle(connection, hold.titleId())) {
            if (other.id() == hold.id() || other.suspendedOn(today)) {
                continue;
            }
            HoldFacts theirs = new HoldFacts(Long.toString(other.patronId()), rank.applyAsInt(other.patronProfile()),
                    other.placedAt(), false);
            if (HoldQueue.ORDER.compare(theirs, mine) < 0) {
                ahead++;
            }
        }
        return ahead + 1;
    }

    /** Whether a copy waits on the hold shelf for the hold, or one that can fill it is on the open shelf. */
    public boolean available(Connection connection, HoldRecord hold) throws SQLException {
        if (hold.status() == HoldStatus.AVAILABLE) {
            return true;
        }
        if (hold.status() != HoldStatus.WAITING) {
            return false;
        }
        List<Long> onShelf = titles.copiesOnShelf(connection, hold.titleId());
        return hold.itemId() == null ? !onShelf.isEmpty() : onShelf.contains(hold.itemId());
    }

    private Optional<HoldRecord> find(Connection connection, Operator operator, PatronSnapshot snapshot,
            Target target) throws SQLException {
        if (present(target.externalId())) {
            return snapshot.holds().stream().filter(h -> target.externalId().equals(h.externalId())).findFirst();
        }
        if (present(target.itemBarcode())) {
            Optional<ItemRecord> item = facts.items().find(connection, operator.institution().id(),
                    target.itemBarcode());
            if (item.isEmpty()) {
                return Optional.empty();
            }
            Optional<HoldRecord> onCopy = snapshot.holds().stream()
                    .filter(h -> h.itemId() != null && h.itemId() == item.get().id()).findFirst();
            return onCopy.isPresent() ? onCopy : snapshot.holds().stream()
                    .filter(h -> h.titleId() == item.get().titleId()).findFirst();
        }
        if (present(target.titleIdentifier())) {
            Optional<TitleRecord> title = titles.find(connection, operator.institution().id(),
                    target.titleIdentifier());
            if (title.isEmpty()) {
                return Optional.empty();
            }
            return snapshot.holds().stream().filter(h -> h.titleId() == title.get().id()).findFirst();
        }
        return Optional.empty();
    }

    private HoldResult refused(Connection connection, Operator operator, String command, String patronBarcode,
            String itemBarcode, Status status, PatronRecord patron) throws SQLException {
        circulation.record(connection, operator, command, patronBarcode, itemBarcode, "denied", status.name(), null);
        return HoldResult.of(status, null, patron);
    }

    private static PatronFacts withoutOneHold(PatronFacts patron) {
        return new PatronFacts(patron.patronId(), patron.profile(), patron.storedStanding(),
                patron.privilegeExpires(), patron.chargesThisPrivilegePeriod(), patron.unpaidFinesCents(),
                patron.unpaidFeesCents(), patron.loans(), Math.max(0, patron.holdCount() - 1), patron.claimsReturned(),
                patron.lostItems(), patron.billedItems(), patron.cardReportedLost());
    }

    /** A valid SIP2 hold type code, or the default "any copy of the title". */
    private static String holdType(String code) {
        return code != null && code.length() == 1 && code.charAt(0) >= '1' && code.charAt(0) <= '4' ? code : ANY_COPY;
    }

    private static boolean present(String text) {
        return text != null && !text.isEmpty();
    }

    private static String emptyToNull(String text) {
        return present(text) ? text : null;
    }
}
