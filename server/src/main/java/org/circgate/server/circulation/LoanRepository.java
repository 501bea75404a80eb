package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.circgate.server.db.QueryGroup;
import org.circgate.server.db.Sql;

/**
 * Active loans, one per item. Checkouts lock the item row first, so two kiosks never both charge one copy; the unique
 * key on the item is the last line of defence (an import writing loans into a live database), failing the transaction.
 */
public final class LoanRepository {
    private static final String SELECT = """
            SELECT l.id, l.item_id, i.barcode, i.item_type, i.title_id, t.title, l.patron_id, l.checked_out_at,
                   l.due_at, l.renewals, l.recalled_at, l.recall_due_at, l.operator
              FROM loan l
              JOIN item i ON i.id = l.item_id
              JOIN title t ON t.id = i.title_id""";
    private static final String BY_PATRON = SELECT + " WHERE l.patron_id = ? ORDER BY l.due_at, i.barcode";
    private static final String BY_ITEM = SELECT + " WHERE l.item_id = ?";
    private static final String BY_ITEM_BARCODE = SELECT + " WHERE i.institution_id = ? AND i.barcode = ?";
    private static final String BY_PATRON_BARCODE = SELECT + "\n" + """
             WHERE l.patron_id = (SELECT id FROM patron WHERE institution_id = ? AND barcode = ?)
             ORDER BY l.due_at, i.barcode""";
    /** Loans of many items (an IN list of barcodes follows). */
    private static final String BY_ITEM_BARCODES = SELECT + " WHERE i.institution_id = ? AND i.barcode IN ";
    /**
     * Loans of many patrons (an IN list of barcodes follows), in no order: {@link #PATRON_ORDER} sorts them. A join,
     * not an IN subquery, and no ORDER BY: either made MariaDB build a temporary table for a handful of rows.
     */
    private static final String BY_PATRON_BARCODES = """
            SELECT l.id, l.item_id, i.barcode, i.item_type, i.title_id, t.title, l.patron_id, l.checked_out_at,
                   l.due_at, l.renewals, l.recalled_at, l.recall_due_at, l.operator
              FROM patron p
              JOIN loan l ON l.patron_id = p.id
              JOIN item i ON i.id = l.item_id
              JOIN title t ON t.id = i.title_id
             WHERE p.institution_id = ? AND p.barcode IN """;
    /**
     * A patron's loans in BY_PATRON's order: by due date, then barcode. Barcodes compare ignoring case, as the
     * database's collation does for letters; punctuation and accents may order differently, which changes only the
     * order of loans due at the same moment (nothing decides on that order).
     */
    static final Comparator<LoanRecord> PATRON_ORDER = Comparator.comparing(LoanRecord::dueAt)
            .thenComparing(LoanRecord::itemBarcode, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(LoanRecord::itemBarcode);
    private static final String INSERT = """
            INSERT INTO loan (item_id, patron_id, location_id, operator, checked_out_at, due_at, renewals)
            VALUES (?, ?, (SELECT id FROM location WHERE institution_id = ? AND code = ?), ?, ?, ?, 0)""";
    private static final String RENEW = "UPDATE loan SET due_at = ?, renewals = renewals + 1 WHERE id = ?";
    private static final String DELETE = "DELETE FROM loan WHERE id = ?";

    public List<LoanRecord> forPatron(Connection connection, long patronId) throws SQLException {
        return Sql.list(connection, BY_PATRON, LoanRepository::map, patronId);
    }

    public QueryGroup.Rows<LoanRecord> forPatron(QueryGroup group, long institutionId, String patronBarcode) {
        return group.add(BY_PATRON_BARCODE, LoanRepository::map, institutionId, patronBarcode);
    }

    public QueryGroup.Rows<LoanRecord> forItem(QueryGroup group, long institutionId, String itemBarcode) {
        return group.add(BY_ITEM_BARCODE, LoanRepository::map, institutionId, itemBarcode);
    }

    public QueryGroup.Rows<LoanRecord> forItems(QueryGroup group, long institutionId, Collection<String> itemBarcodes) {
        return group.add(BY_ITEM_BARCODES + Sql.inList(itemBarcodes.size()), LoanRepository::map,
                Sql.params(institutionId, itemBarcodes));
    }

    public QueryGroup.Rows<LoanRecord> forPatrons(QueryGroup group, long institutionId,
            Collection<String> patronBarcodes) {
        return group.add(BY_PATRON_BARCODES + Sql.inList(patronBarcodes.size()), LoanRepository::map,
                Sql.params(institutionId, patronBarcodes));
    }

    public Optional<LoanRecord> forItem(Connection connection, long itemId) throws SQLException {
        return Sql.one(connection, BY_ITEM, LoanRepository::map, itemId);
    }

    /**
     * Adds the loan, sent with the commit. The caller holds the item row's lock (a checkout reads it FOR UPDATE), so
     * no other transaction can charge the item in between; the unique key on the item is the last line of defence and
     * would fail the whole transaction.
     */
    public void insert(Connection connection, long itemId, long patronId, long institutionId, String location,
            String operator, Instant checkedOutAt, Instant dueAt) throws SQLException {
        Sql.updateLater(connection, INSERT, itemId, patronId, institutionId, location, operator, checkedOutAt, dueAt);
    }

    public void renew(Connection connection, long loanId, Instant newDue) throws SQLException {
        Sql.updateLater(connection, RENEW, newDue, loanId);
    }

    public void delete(Connection connection, long loanId) throws SQLException {
        Sql.updateLater(connection, DELETE, loanId);
    }

    private static LoanRecord map(ResultSet row) throws SQLException {
        return new LoanRecord(row.getLong("id"), row.getLong("item_id"), row.getString("barcode"),
                row.getString("item_type"), row.getLong("title_id"), row.getString("title"), row.getLong("patron_id"),
                Sql.instant(row, "checked_out_at"), Sql.instant(row, "due_at"), row.getInt("renewals"),
                Sql.instant(row, "recalled_at"), Sql.instant(row, "recall_due_at"), row.getString("operator"));
    }
}
