package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.circgate.server.db.QueryGroup;
import org.circgate.server.db.Sql;

/** Patrons: lookup by barcode, PIN failure bookkeeping, standing and counters. */
public final class PatronRepository {
    static final String COLUMNS = """
            id, institution_id, barcode, name, pin_hash, pin_failures, pin_last_failure, pin_locked, pin_changed_on,
            pin_expires, profile, standing, email, phone, address, language, privilege_expires, card_lost,
            claims_returned, charges_this_period, lost_items""";
    private static final String FIND = "SELECT " + COLUMNS + " FROM patron WHERE institution_id = ? AND barcode = ?";
    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";
    /** With the count of active holds that V11__hold_counters.sql keeps: most patrons' holds need no query. */
    private static final String FIND_FOR_UPDATE_WITH_HOLD_COUNT = "SELECT " + COLUMNS + ", active_holds"
            + " FROM patron WHERE institution_id = ? AND barcode = ? FOR UPDATE";
    private static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM patron WHERE id = ?";
    /** Who has the item (no lock: the item row's lock covers its loan). */
    private static final String BORROWER_OF_ITEM = "SELECT " + COLUMNS + "\n" + """
             FROM patron
             WHERE id = (SELECT l.patron_id FROM loan l JOIN item i ON i.id = l.item_id
                          WHERE i.institution_id = ? AND i.barcode = ?)""";
    /**
     * As FIND_FOR_UPDATE_WITH_HOLD_COUNT for many barcodes (an IN list and a SKIP LOCKED locking clause follow).
     */
    private static final String FIND_MANY_FOR_UPDATE_WITH_HOLD_COUNT = "SELECT " + COLUMNS + ", active_holds"
            + " FROM patron WHERE institution_id = ? AND barcode IN ";
    /**
     * Who has each of many items (an IN list of item barcodes follows); a patron with two of them comes twice. A join,
     * not an IN subquery, which made MariaDB build a temporary table to weed out duplicates.
     */
    private static final String BORROWERS_OF_ITEMS = """
            SELECT p.id, p.institution_id, p.barcode, p.name, p.pin_hash, p.pin_failures, p.pin_last_failure,
                   p.pin_locked, p.pin_changed_on, p.pin_expires, p.profile, p.standing, p.email, p.phone, p.address,
                   p.language, p.privilege_expires, p.card_lost, p.claims_returned, p.charges_this_period, p.lost_items
              FROM item i
              JOIN loan l ON l.item_id = i.id
              JOIN patron p ON p.id = l.patron_id
             WHERE i.institution_id = ? AND i.barcode IN """;
    private static final String PIN_FAILED = """
            UPDATE patron SET pin_failures = ?, pin_last_failure = ?, pin_locked = pin_locked OR ? WHERE id = ?""";
    private static final String PIN_ACCEPTED = """
            UPDATE patron SET pin_failures = 0, pin_last_failure = NULL WHERE id = ? AND pin_failures <> 0""";
    private static final String COUNT_CHARGE = """
            UPDATE patron SET charges_this_period = charges_this_period + 1 WHERE id = ?""";
    private static final String SET_STANDING = "UPDATE patron SET standing = ? WHERE id = ?";

    public Optional<PatronRecord> find(Connection connection, long institutionId, String barcode) throws SQLException {
        return Sql.one(connection, FIND, PatronRepository::map, institutionId, barcode);
    }

    /** The patron row locked for this transaction (counters and standing change under the lock). */
    public Optional<PatronRecord> findForUpdate(Connection connection, long institutionId, String barcode)
            throws SQLException {
        return Sql.one(connection, FIND_FOR_UPDATE, PatronRepository::map, institutionId, barcode);
    }

    /** A patron row locked for this transaction, and whether the patron may have active holds. */
    public record Locked(PatronRecord patron, boolean mayHaveHolds) {
    }

    /** As {@link #findForUpdate(Connection, long, String)}, sent with the other reads of {@code group}. */
    public QueryGroup.Rows<Locked> findForUpdateWithHoldCount(QueryGroup group, long institutionId, String barcode) {
        return group.add(FIND_FOR_UPDATE_WITH_HOLD_COUNT,
                row -> new Locked(map(row), row.getInt("active_holds") > 0), institutionId, barcode);
    }

    /**
     * As {@link #findForUpdateWithHoldCount} for many patrons at once; rows come in no particular order, and a row
     * another transaction has locked is left out rather than waited for.
     */
    public QueryGroup.Rows<Locked> findManyForUpdateWithHoldCount(QueryGroup group, long institutionId,
            Collection<String> barcodes) {
        return group.add(FIND_MANY_FOR_UPDATE_WITH_HOLD_COUNT + Sql.inList(barcodes.size())
                + Sql.FOR_UPDATE_SKIP_LOCKED,
                row -> new Locked(map(row), row.getInt("active_holds") > 0), Sql.params(institutionId, barcodes));
    }

    /** The patrons that any of these items are checked out to. */
    public QueryGroup.Rows<PatronRecord> borrowersOf(QueryGroup group, long institutionId,
            Collection<String> itemBarcodes) {
        return group.add(BORROWERS_OF_ITEMS + Sql.inList(itemBarcodes.size()), PatronRepository::map,
                Sql.params(institutionId, itemBarcodes));
    }

    /** The patron the item is checked out to, if it is. */
    public QueryGroup.Rows<PatronRecord> borrowerOf(QueryGroup group, long institutionId, String itemBarcode) {
        return group.add(BORROWER_OF_ITEM, PatronRepository::map, institutionId, itemBarcode);
    }

    public Optional<PatronRecord> findById(Connection connection, long id) throws SQLException {
        return Sql.one(connection, FIND_BY_ID, PatronRepository::map, id);
    }

    public void recordPinFailure(Connection connection, long patronId, int failures, Instant when, boolean lock)
            throws SQLException {
        Sql.update(connection, PIN_FAILED, failures, when, lock, patronId);
    }

    public void recordPinSuccess(Connection connection, long patronId) throws SQLException {
        Sql.update(connection, PIN_ACCEPTED, patronId);
    }

    public void countCharge(Connection connection, long patronId) throws SQLException {
        Sql.updateLater(connection, COUNT_CHARGE, patronId);
    }

    public void setStanding(Connection connection, long patronId, String standing) throws SQLException {
        Sql.update(connection, SET_STANDING, standing, patronId);
    }

    static PatronRecord map(ResultSet row) throws SQLException {
        return new PatronRecord(row.getLong("id"), row.getLong("institution_id"), row.getString("barcode"),
                row.getString("name"), row.getString("pin_hash"), row.getInt("pin_failures"),
                Sql.instant(row, "pin_last_failure"), row.getBoolean("pin_locked"), Sql.date(row, "pin_changed_on"),
                Sql.date(row, "pin_expires"), row.getString("profile"), row.getString("standing"),
                row.getString("email"), row.getString("phone"), row.getString("address"), row.getString("language"),
                Sql.date(row, "privilege_expires"), row.getBoolean("card_lost"), row.getInt("claims_returned"),
                row.getInt("charges_this_period"), row.getInt("lost_items"));
    }
}
