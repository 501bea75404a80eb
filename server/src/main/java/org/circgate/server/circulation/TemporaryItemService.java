package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.circgate.server.db.Sql;
import org.circgate.server.domain.HoldStatus;
import org.circgate.server.domain.ItemStatus;

/**
 * Temporary items for interlibrary loans borrowed from a partner (NCIP AcceptItem / DeleteItem). Accepting creates
 * a brief title and a copy flagged temporary, set aside on the hold shelf of the pickup location for the patron
 * (a copy-level hold, already trapped, carrying the partner's request id); the patron then checks it out like any
 * copy. Deleting removes such a copy once it is back, cancelling what still waits on it. Regular copies are never
 * touched. Every method runs in the caller's transaction and appends an audit event.
 */
public final class TemporaryItemService {
    private static final String UPSERT_TITLE = """
            INSERT INTO title (institution_id, title_key, title, author, isbn) VALUES (?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE title = VALUES(title), author = VALUES(author), isbn = VALUES(isbn)""";
    private static final String TITLE_ID = "SELECT id FROM title WHERE institution_id = ? AND title_key = ?";
    private static final String LOCATION_ID = "SELECT id FROM location WHERE institution_id = ? AND code = ?";
    private static final String ITEM_EXISTS = "SELECT COUNT(*) FROM item WHERE institution_id = ? AND barcode = ?";
    private static final String INSERT_ITEM = """
            INSERT INTO item (institution_id, barcode, title_id, item_type, home_location_id, current_location_id,
                              status, circulating, temporary)
            VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, TRUE)""";
    private static final String INSERT_HOLD = """
            INSERT INTO hold (institution_id, external_id, patron_id, title_id, item_id, pickup_location_id, hold_type,
                              status, placed_at, available_at, pickup_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String HOLD_BY_EXTERNAL_ID = """
            SELECT h.id, h.patron_id, i.barcode AS item_barcode
              FROM hold h LEFT JOIN item i ON i.id = h.item_id
             WHERE h.institution_id = ? AND h.external_id = ?""";
    private static final String IS_TEMPORARY = "SELECT temporary FROM item WHERE id = ?";
    private static final String CANCEL_HOLDS = """
            UPDATE hold SET status = 'CANCELLED' WHERE item_id = ? AND status IN ('WAITING', 'IN_TRANSIT', 'AVAILABLE')""";
    private static final String DETACH_HOLDS = "UPDATE hold SET item_id = NULL WHERE item_id = ?";
    private static final String DETACH_BILLS = "UPDATE bill SET item_id = NULL WHERE item_id = ?";
    private static final String DELETE_ITEM = "DELETE FROM item WHERE id = ?";

    /** Most characters of a title key (the column's width). */
    private static final int TITLE_KEY_LENGTH = 64;

    private final CirculationService circulation;
    private final CirculationFacts facts;

    public TemporaryItemService(CirculationService circulation) {
        this.circulation = Objects.requireNonNull(circulation, "circulation");
        this.facts = circulation.facts();
    }

    /**
     * An incoming loan.
     *
     * @param patronBarcode  the patron it is for
     * @param itemBarcode    the barcode the temporary copy gets
     * @param requestId      the partner's request id, kept as the hold's external id (null: none)
     * @param title          title text (null: a generic one naming the request)
     * @param author         author, or null
     * @param isbn           ISBN, or null
     * @param itemType       item type for the circulation rules
     * @param homeLocation   the copy's home location code
     * @param pickupLocation where the patron collects it
     * @param holdShelfDays  days it waits on the hold shelf
     */
    public record Accept(String patronBarcode, String itemBarcode, String requestId, String title, String author,
            String isbn, String itemType, String homeLocation, String pickupLocation, int holdShelfDays) {
        public Accept {
            Objects.requireNonNull(patronBarcode, "patronBarcode");
            Objects.requireNonNull(itemBarcode, "itemBarcode");
            Objects.requireNonNull(itemType, "itemType");
            Objects.requireNonNull(homeLocation, "homeLocation");
            Objects.requireNonNull(pickupLocation, "pickupLocation");
            if (holdShelfDays < 1) {
                throw new IllegalArgumentException("holdShelfDays must be positive");
            }
        }
    }

    /** What an accept or delete did. */
    public record Result(Status status, PatronRecord patron, String itemBarcode, long holdId, LocalDate pickupBy) {
    }

    /** The ways an accept or delete ends. */
    public enum Status {
        /** Accept: copy and trapped hold created. */
        ACCEPTED,
        /** Accept: the same request for the same patron and barcode was accepted before; nothing changed. */
        ALREADY_ACCEPTED,
        UNKNOWN_PATRON,
        /** Accept: a copy with this barcode exists already. */
        DUPLICATE_BARCODE,
        /** Accept: the request id belongs to another hold. */
        DUPLICATE_REQUEST,
        UNKNOWN_LOCATION,
        /** Delete: the copy is gone. */
        DELETED,
        UNKNOWN_ITEM,
        /** Delete: a regular copy, which only staff may withdraw. */
        NOT_TEMPORARY,
        /** Delete: still on loan; it must be checked in first. */
        ON_LOAN;

        public boolean ok() {
            return this == ACCEPTED || this == ALREADY_ACCEPTED || this == DELETED;
        }
    }

    public Result accept(Connection connection, Operator operator, Accept request) throws SQLException {
        Institution institution = operator.institution();
        Optional<PatronRecord> patron = facts.patrons().findForUpdate(connection, institution.id(),
                request.patronBarcode());
        if (patron.isEmpty()) {
            return refuse(connection, operator, "accept_item", request.patronBarcode(), request.itemBarcode(),
                    Status.UNKNOWN_PATRON, null);
        }
        PatronRecord borrower = patron.get();
        if (request.requestId() != null) {
            Optional<ExistingHold> existing = Sql.one(connection, HOLD_BY_EXTERNAL_ID,
                    row -> new ExistingHold(row.getLong("id"), row.getLong("patron_id"),
                            row.getString("item_barcode")), institution.id(), request.requestId());
            if (existing.isPresent()) {
                ExistingHold hold = existing.get();
                if (hold.patronId() == borrower.id() && request.itemBarcode().equals(hold.itemBarcode())) {
                    return new Result(Status.ALREADY_ACCEPTED, borrower, request.itemBarcode(), hold.id(), null);
                }
                return refuse(connection, operator, "accept_item", borrower.barcode(), request.itemBarcode(),
                        Status.DUPLICATE_REQUEST, borrower);
            }
        }
        if (Sql.count(connection, ITEM_EXISTS, institution.id(), request.itemBarcode()) > 0) {
            return refuse(connection, operator, "accept_item", borrower.barcode(), request.itemBarcode(),
                    Status.DUPLICATE_BARCODE, borrower);
        }
        Optional<Long> home = locationId(connection, institution.id(), request.homeLocation());
        Optional<Long> pickup = locationId(connection, institution.id(), request.pickupLocation());
        if (home.isEmpty() || pickup.isEmpty()) {
            return refuse(connection, operator, "accept_item", borrower.barcode(), request.itemBarcode(),
                    Status.UNKNOWN_LOCATION, borrower);
        }
        String titleKey = clip("ILL-" + request.itemBarcode(), TITLE_KEY_LENGTH);
        String titleText = request.title() != null && !request.title().isBlank() ? clip(request.title(), 255)
                : "Interlibrary loan" + (request.requestId() == null ? "" : " " + request.requestId());
        Sql.update(connection, UPSERT_TITLE, institution.id(), titleKey, titleText,
                request.author() == null ? null : clip(request.author(), 255),
                request.isbn() == null ? null : clip(request.isbn(), 32));
        long titleId = Sql.one(connection, TITLE_ID, row -> row.getLong(1), institution.id(), titleKey)
                .orElseThrow(() -> new SQLException("title vanished after upsert"));
        long itemId = Sql.insert(connection, INSERT_ITEM, institution.id(), request.itemBarcode(), titleId,
                request.itemType(), home.get(), pickup.get(), ItemStatus.ON_HOLD_SHELF.name());
        Instant now = circulation.clock().instant();
        LocalDate pickupBy = circulation.today(operator).plusDays(request.holdShelfDays());
        long holdId = Sql.insert(connection, INSERT_HOLD, institution.id(), request.requestId(), borrower.id(),
                titleId, itemId, pickup.get(), HoldService.SPECIFIC_COPY, HoldStatus.AVAILABLE.name(), now, now,
                pickupBy);
        circulation.record(connection, operator, "accept_item", borrower.barcode(), request.itemBarcode(), "ok",
                null, "hold on the shelf at " + request.pickupLocation());
        return new Result(Status.ACCEPTED, borrower, request.itemBarcode(), holdId, pickupBy);
    }

    public Result delete(Connection connection, Operator operator, String itemBarcode) throws SQLException {
        Institution institution = operator.institution();
        Optional<ItemRecord> found = facts.items().findForUpdate(connection, institution.id(), itemBarcode);
        if (found.isEmpty()) {
            return refuse(connection, operator, "delete_item", null, itemBarcode, Status.UNKNOWN_ITEM, null);
        }
        ItemRecord item = found.get();
        boolean temporary = Sql.one(connection, IS_TEMPORARY, row -> row.getBoolean(1), item.id()).orElse(false);
        if (!temporary) {
            return refuse(connection, operator, "delete_item", null, itemBarcode, Status.NOT_TEMPORARY, null);
        }
        if (facts.loans().forItem(connection, item.id()).isPresent()) {
            return refuse(connection, operator, "delete_item", null, itemBarcode, Status.ON_LOAN, null);
        }
        int cancelled = Sql.update(connection, CANCEL_HOLDS, item.id());
        Sql.update(connection, DETACH_HOLDS, item.id());
        Sql.update(connection, DETACH_BILLS, item.id());
        Sql.update(connection, DELETE_ITEM, item.id());
        circulation.record(connection, operator, "delete_item", null, itemBarcode, "ok", null,
                cancelled == 0 ? null : cancelled + " hold(s) cancelled");
        return new Result(Status.DELETED, null, itemBarcode, 0, null);
    }

    private Result refuse(Connection connection, Operator operator, String command, String patronBarcode,
            String itemBarcode, Status status, PatronRecord patron) throws SQLException {
        circulation.record(connection, operator, command, patronBarcode, itemBarcode, "denied", status.name(), null);
        return new Result(status, patron, itemBarcode, 0, null);
    }

    private static Optional<Long> locationId(Connection connection, long institutionId, String code)
            throws SQLException {
        return Sql.one(connection, LOCATION_ID, row -> row.getLong(1), institutionId, code);
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private record ExistingHold(long id, long patronId, String itemBarcode) {
    }
}
