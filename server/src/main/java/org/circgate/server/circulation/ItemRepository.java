package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;
import org.circgate.server.db.QueryGroup;
import org.circgate.server.db.Sql;
import org.circgate.server.domain.ItemStatus;

/** Items with their title and location codes. */
public final class ItemRepository {
    // Title and location codes come from scalar subqueries, not joins: a locking read (FOR UPDATE) locks every row
    // its joins read, so a joined title or location row would make all checkouts at one location (or of one title)
    // wait for each other. The foreign keys guarantee each subquery finds its row.
    private static final String COLUMNS = """
            SELECT i.id, i.institution_id, i.barcode, i.title_id,
                   (SELECT t.title_key FROM title t WHERE t.id = i.title_id) AS title_key,
                   (SELECT t.title FROM title t WHERE t.id = i.title_id) AS title, i.item_type, i.media_type,
                   (SELECT h.code FROM location h WHERE h.id = i.home_location_id) AS home_code,
                   (SELECT c.code FROM location c WHERE c.id = i.current_location_id) AS current_code,
                   i.status, i.circulating, i.security_marker, i.loan_fee_cents, i.properties""";
    private static final String SELECT = COLUMNS + "\n  FROM item i";
    private static final String BY_BARCODE = " WHERE i.institution_id = ? AND i.barcode = ?";
    private static final String FIND = SELECT + BY_BARCODE;
    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";
    /** With the hold counts of V11__hold_counters.sql: no hold query at all for the many items without holds. */
    private static final String FIND_FOR_UPDATE_WITH_HOLD_COUNTS = COLUMNS + ",\n" + """
                   i.active_holds,
                   (SELECT t.waiting_title_holds FROM title t WHERE t.id = i.title_id) AS waiting_title_holds
              FROM item i""" + BY_BARCODE + " FOR UPDATE";
    /**
     * As FIND_FOR_UPDATE_WITH_HOLD_COUNTS for many barcodes (an IN list and a SKIP LOCKED clause follow). Without
     * MariaDB's subquery cache: for more than one row it builds a temporary table per scalar subquery (three per
     * statement), and rows of distinct items seldom repeat a title or location for it to reuse.
     */
    private static final String FIND_MANY_FOR_UPDATE_WITH_HOLD_COUNTS = Sql.WITHOUT_SUBQUERY_CACHE + COLUMNS + ",\n"
            + """
                   i.active_holds,
                   (SELECT t.waiting_title_holds FROM title t WHERE t.id = i.title_id) AS waiting_title_holds
              FROM item i WHERE i.institution_id = ? AND i.barcode IN """;
    private static final String FIND_BY_ID = SELECT + " WHERE i.id = ?";
    private static final String MOVE = """
            UPDATE item SET status = ?, current_location_id = (SELECT id FROM location WHERE institution_id = ? AND code = ?)
             WHERE id = ?""";
    private static final String SET_STATUS = "UPDATE item SET status = ? WHERE id = ?";
    private static final String SET_PROPERTIES = """
            UPDATE item SET properties = ?, properties_updated_at = ?, properties_updated_by = ? WHERE id = ?""";
    private static final String LOCATION_EXISTS = "SELECT COUNT(*) FROM location WHERE institution_id = ? AND code = ?";

    public Optional<ItemRecord> find(Connection connection, long institutionId, String barcode) throws SQLException {
        return Sql.one(connection, FIND, ItemRepository::map, institutionId, barcode);
    }

    /** The item row locked for this transaction: two kiosks checking out one copy queue here. */
    public Optional<ItemRecord> findForUpdate(Connection connection, long institutionId, String barcode)
            throws SQLException {
        return Sql.one(connection, FIND_FOR_UPDATE, ItemRepository::map, institutionId, barcode);
    }

    /** An item row locked for this transaction, and which of its hold queries could find anything. */
    public record Locked(ItemRecord item, HoldRepository.ItemHoldProbe holds) {
    }

    /**
     * As {@link #findForUpdate(Connection, long, String)}, sent with the other reads of {@code group}, with the hold
     * counts kept by the database's triggers: holds on the copy may be set aside for it or wait for it, and title
     * holds waiting for any copy may be filled by it. A count above zero only says "look"; the hold queries decide.
     */
    public QueryGroup.Rows<Locked> findForUpdateWithHoldCounts(QueryGroup group, long institutionId, String barcode) {
        return group.add(FIND_FOR_UPDATE_WITH_HOLD_COUNTS, ItemRepository::mapLocked, institutionId, barcode);
    }

    /**
     * As {@link #findForUpdateWithHoldCounts} for many items at once; rows come in no particular order, and a row
     * another transaction has locked is left out rather than waited for.
     */
    public QueryGroup.Rows<Locked> findManyForUpdateWithHoldCounts(QueryGroup group, long institutionId,
            Collection<String> barcodes) {
        return group.add(FIND_MANY_FOR_UPDATE_WITH_HOLD_COUNTS + Sql.inList(barcodes.size())
                + Sql.FOR_UPDATE_SKIP_LOCKED, ItemRepository::mapLocked, Sql.params(institutionId, barcodes));
    }

    private static Locked mapLocked(ResultSet row) throws SQLException {
        boolean onCopy = row.getInt("active_holds") > 0;
        boolean forTitle = row.getInt("waiting_title_holds") > 0;
        return new Locked(map(row), new HoldRepository.ItemHoldProbe(onCopy, onCopy || forTitle));
    }

    public Optional<ItemRecord> findById(Connection connection, long id) throws SQLException {
        return Sql.one(connection, FIND_BY_ID, ItemRepository::map, id);
    }

    /** Sets the status and the current location (a location code of the item's institution). */
    public void move(Connection connection, ItemRecord item, ItemStatus status, String locationCode)
            throws SQLException {
        Sql.updateLater(connection, MOVE, status.name(), item.institutionId(), locationCode, item.id());
    }

    public void setStatus(Connection connection, long itemId, ItemStatus status) throws SQLException {
        Sql.updateLater(connection, SET_STATUS, status.name(), itemId);
    }

    public boolean locationExists(Connection connection, long institutionId, String code) throws SQLException {
        return Sql.count(connection, LOCATION_EXISTS, institutionId, code) > 0;
    }

    /** Stores SIP2 item properties (CH) and who set them when. */
    public void setProperties(Connection connection, long itemId, String properties, java.time.Instant at,
            String operator) throws SQLException {
        Sql.update(connection, SET_PROPERTIES, properties, at, operator, itemId);
    }

    private static ItemRecord map(ResultSet row) throws SQLException {
        return new ItemRecord(row.getLong("id"), row.getLong("institution_id"), row.getString("barcode"),
                row.getLong("title_id"), row.getString("title_key"), row.getString("title"),
                row.getString("item_type"), row.getString("media_type"), row.getString("home_code"),
                row.getString("current_code"), ItemStatus.valueOf(row.getString("status")),
                row.getBoolean("circulating"), row.getString("security_marker"), row.getLong("loan_fee_cents"),
                row.getString("properties"));
    }
}
