package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.circgate.server.db.Sql;
import org.circgate.server.domain.HoldStatus;

/** Holds: the queue an item can fill, a patron's holds, trapping an item for the next hold. */
public final class HoldRepository {
    private static final String SELECT = """
            SELECT h.id, h.external_id, h.patron_id, p.profile, h.title_id, t.title, h.item_id, i.barcode AS item_barcode,
                   l.code AS pickup_code, h.hold_type, h.status, h.placed_at, h.expires_on, h.pickup_by,
                   h.suspended_until
              FROM hold h
              JOIN patron p ON p.id = h.patron_id
              JOIN title t ON t.id = h.title_id
              JOIN location l ON l.id = h.pickup_location_id
              LEFT JOIN item i ON i.id = h.item_id""";
    /** Holds this item can fill: copy-level holds on it and title-level holds on its title that wait for a copy. */
    private static final String QUEUE_FOR_ITEM = SELECT + "\n" + """
             WHERE h.status = 'WAITING' AND (h.item_id = ? OR (h.title_id = ? AND h.hold_type <> '3' AND h.item_id IS NULL))
             ORDER BY h.placed_at""";
    private static final String TRAPPED_ON_ITEM = SELECT + "\n" + """
             WHERE h.item_id = ? AND h.status IN ('IN_TRANSIT', 'AVAILABLE')""";
    private static final String BY_PATRON = SELECT + "\n" + """
             WHERE h.patron_id = ? AND h.status IN ('WAITING', 'IN_TRANSIT', 'AVAILABLE') ORDER BY h.placed_at""";
    // Most patrons and items have no hold, and these three lookups run on every 23, 63, 11 and 09: an index-only
    // probe costs MariaDB about a third of the five-table join (measured: 40-80 us against 115-220 us of CPU), so
    // the join runs only when the probe finds something. Same conditions as the queries above.
    private static final String ANY_QUEUE_FOR_ITEM = """
            SELECT EXISTS (SELECT 1 FROM hold
                            WHERE status = 'WAITING' AND (item_id = ? OR (title_id = ? AND hold_type <> '3' AND item_id IS NULL)))""";
    private static final String ANY_TRAPPED_ON_ITEM = """
            SELECT EXISTS (SELECT 1 FROM hold WHERE item_id = ? AND status IN ('IN_TRANSIT', 'AVAILABLE'))""";
    private static final String ANY_BY_PATRON = """
            SELECT EXISTS (SELECT 1 FROM hold WHERE patron_id = ? AND status IN ('WAITING', 'IN_TRANSIT', 'AVAILABLE'))""";
    /** Both probes an item's holds need, in one round trip. */
    private static final String ANY_FOR_ITEM = "SELECT (" + ANY_TRAPPED_ON_ITEM.substring("SELECT ".length())
            + ") AS trapped,\n       (" + ANY_QUEUE_FOR_ITEM.substring("SELECT ".length()) + ") AS queued";
    /**
     * Taken before reading the queue an item could fill: two checkins of copies of one title would otherwise both read
     * the same waiting hold and both trap it. The title row is what trapping updates anyway (its count of waiting
     * holds, V11__hold_counters.sql), so this only takes that lock earlier, and only for titles with waiting holds.
     */
    private static final String LOCK_TITLE = "SELECT id FROM title WHERE id = ? FOR UPDATE";
    private static final String TRAP = """
            UPDATE hold SET item_id = ?, status = ?, available_at = ?, pickup_by = ? WHERE id = ?""";
    private static final String SET_STATUS = "UPDATE hold SET status = ? WHERE id = ?";
    /** The waiting line of a title: every hold on it not yet set aside for a copy. */
    private static final String WAITING_FOR_TITLE = SELECT + "\n" + """
             WHERE h.title_id = ? AND h.status = 'WAITING' ORDER BY h.placed_at, h.id""";
    private static final String BY_ID = SELECT + " WHERE h.id = ?";
    private static final String INSERT = """
            INSERT INTO hold (institution_id, external_id, patron_id, title_id, item_id, pickup_location_id, hold_type,
                              status, placed_at, expires_on, modified_at, modified_by)
            VALUES (?, ?, ?, ?, ?, (SELECT id FROM location WHERE institution_id = ? AND code = ?), ?, 'WAITING', ?, ?,
                    ?, ?)""";
    private static final String CHANGE = """
            UPDATE hold SET pickup_location_id = (SELECT id FROM location WHERE institution_id = ? AND code = ?),
                            hold_type = ?, expires_on = ?, modified_at = ?, modified_by = ?
             WHERE id = ?""";
    private static final String CANCEL = """
            UPDATE hold SET status = 'CANCELLED', modified_at = ?, modified_by = ? WHERE id = ?""";

    public List<HoldRecord> queueForItem(Connection connection, long itemId, long titleId) throws SQLException {
        if (Sql.count(connection, ANY_QUEUE_FOR_ITEM, itemId, titleId) == 0) {
            return List.of();
        }
        return Sql.list(connection, QUEUE_FOR_ITEM, HoldRepository::map, itemId, titleId);
    }

    /**
     * The holds on an item: those it is already set aside for (on the shelf or on its way), and otherwise the queue it
     * could fill. One probe answers whether either list has anything; most items have neither.
     */
    public ItemHolds forItem(Connection connection, long itemId, long titleId) throws SQLException {
        ItemHoldProbe probe;
        try (PreparedStatement statement = connection.prepareStatement(ANY_FOR_ITEM)) {
            Sql.bind(statement, itemId, itemId, titleId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                probe = probe(row);
            }
        }
        return forItem(connection, itemId, titleId, probe);
    }

    /** The item's holds given its probe (or its row's hold counts): statements only where it may find some. */
    public ItemHolds forItem(Connection connection, long itemId, long titleId, ItemHoldProbe probe)
            throws SQLException {
        List<HoldRecord> onItem = probe.trapped() ? Sql.list(connection, TRAPPED_ON_ITEM, HoldRepository::map, itemId)
                : List.of();
        if (!onItem.isEmpty() || !probe.queued()) {
            return new ItemHolds(onItem, List.of());
        }
        Sql.one(connection, LOCK_TITLE, row -> row.getLong(1), titleId);
        return new ItemHolds(onItem, Sql.list(connection, QUEUE_FOR_ITEM, HoldRepository::map, itemId, titleId));
    }

    /** Whether an item has holds set aside for it ({@code trapped}) or waiting for a copy ({@code queued}). */
    public record ItemHoldProbe(boolean trapped, boolean queued) {
        public static final ItemHoldProbe NONE = new ItemHoldProbe(false, false);
    }

    private static ItemHoldProbe probe(ResultSet row) throws SQLException {
        return new ItemHoldProbe(row.getBoolean("trapped"), row.getBoolean("queued"));
    }

    /** The patron's active holds, read only when {@code any} (a probe or the patron row's count) says so. */
    public List<HoldRecord> activeForPatron(Connection connection, long patronId, boolean any) throws SQLException {
        return any ? Sql.list(connection, BY_PATRON, HoldRepository::map, patronId) : List.of();
    }

    /** An item's holds: those it is set aside for, else the waiting queue it could fill (empty when set aside). */
    public record ItemHolds(List<HoldRecord> trapped, List<HoldRecord> queue) {
        public static final ItemHolds NONE = new ItemHolds(List.of(), List.of());

        public ItemHolds {
            trapped = List.copyOf(trapped);
            queue = List.copyOf(queue);
        }

        /** The holds the item can fill: the one it is set aside for, or the queue. */
        public List<HoldRecord> candidates() {
            return trapped.isEmpty() ? queue : trapped;
        }
    }

    public List<HoldRecord> activeForPatron(Connection connection, long patronId) throws SQLException {
        if (Sql.count(connection, ANY_BY_PATRON, patronId) == 0) {
            return List.of();
        }
        return Sql.list(connection, BY_PATRON, HoldRepository::map, patronId);
    }

    public void trap(Connection connection, long holdId, long itemId, HoldStatus status, Instant at,
            LocalDate pickupBy) throws SQLException {
        Sql.updateLater(connection, TRAP, itemId, status.name(), status == HoldStatus.AVAILABLE ? at : null, pickupBy,
                holdId);
    }

    public void setStatus(Connection connection, long holdId, HoldStatus status) throws SQLException {
        Sql.updateLater(connection, SET_STATUS, status.name(), holdId);
    }

    /** Holds on this title waiting for a copy, oldest first (the policy orders them by rank). */
    public List<HoldRecord> waitingForTitle(Connection connection, long titleId) throws SQLException {
        return Sql.list(connection, WAITING_FOR_TITLE, HoldRepository::map, titleId);
    }

    public Optional<HoldRecord> findById(Connection connection, long holdId) throws SQLException {
        return Sql.one(connection, BY_ID, HoldRepository::map, holdId);
    }

    /** A new waiting hold; {@code itemId} set makes it a copy-level hold. Returns its id. */
    public long insert(Connection connection, long institutionId, String externalId, long patronId, long titleId,
            Long itemId, String pickupLocation, String holdType, Instant placedAt, LocalDate expiresOn,
            String operator) throws SQLException {
        return Sql.insert(connection, INSERT, institutionId, externalId, patronId, titleId, itemId, institutionId,
                pickupLocation, holdType, placedAt, expiresOn, placedAt, operator);
    }

    public void change(Connection connection, long institutionId, long holdId, String pickupLocation,
            String holdType, LocalDate expiresOn, Instant at, String operator) throws SQLException {
        Sql.update(connection, CHANGE, institutionId, pickupLocation, holdType, expiresOn, at, operator, holdId);
    }

    public void cancel(Connection connection, long holdId, Instant at, String operator) throws SQLException {
        Sql.update(connection, CANCEL, at, operator, holdId);
    }

    static HoldRecord map(ResultSet row) throws SQLException {
        return new HoldRecord(row.getLong("id"), row.getString("external_id"), row.getLong("patron_id"),
                row.getString("profile"), row.getLong("title_id"), row.getString("title"),
                Sql.nullableLong(row, "item_id"), row.getString("item_barcode"), row.getString("pickup_code"),
                row.getString("hold_type"), HoldStatus.valueOf(row.getString("status")),
                Sql.instant(row, "placed_at"), Sql.date(row, "expires_on"), Sql.date(row, "pickup_by"),
                Sql.date(row, "suspended_until"));
    }
}
