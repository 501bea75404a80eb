package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.circgate.server.db.QueryGroup;
import org.circgate.server.db.Sql;

/** Bills: what a patron owes, and new fines and fees. */
public final class BillRepository {
    private static final String UNPAID = """
            SELECT b.id, b.external_id, b.patron_id, b.item_id, i.barcode AS item_barcode, b.fee_type, b.reason,
                   b.amount_cents, b.paid_cents, b.currency, b.billed_at
              FROM bill b LEFT JOIN item i ON i.id = b.item_id
             WHERE b.patron_id = ? AND b.paid_cents < b.amount_cents
             ORDER BY b.billed_at, b.id""";
    /** As UNPAID, for a patron named by barcode (a group of reads has no patron id yet). */
    private static final String UNPAID_BY_BARCODE = """
            SELECT b.id, b.external_id, b.patron_id, b.item_id, i.barcode AS item_barcode, b.fee_type, b.reason,
                   b.amount_cents, b.paid_cents, b.currency, b.billed_at
              FROM bill b LEFT JOIN item i ON i.id = b.item_id
             WHERE b.patron_id = (SELECT id FROM patron WHERE institution_id = ? AND barcode = ?)
               AND b.paid_cents < b.amount_cents
             ORDER BY b.billed_at, b.id""";
    /**
     * As UNPAID for many patrons (an IN list of barcodes follows), in no order: {@link #PATRON_ORDER} sorts them. A
     * join, not an IN subquery, and no ORDER BY: either made MariaDB build a temporary table for a handful of rows.
     */
    private static final String UNPAID_BY_BARCODES = """
            SELECT b.id, b.external_id, b.patron_id, b.item_id, i.barcode AS item_barcode, b.fee_type, b.reason,
                   b.amount_cents, b.paid_cents, b.currency, b.billed_at
              FROM patron p
              JOIN bill b ON b.patron_id = p.id
              LEFT JOIN item i ON i.id = b.item_id
             WHERE b.paid_cents < b.amount_cents AND p.institution_id = ? AND p.barcode IN """;
    /** A patron's bills in UNPAID's order. */
    static final Comparator<BillRecord> PATRON_ORDER = Comparator.comparing(BillRecord::billedAt)
            .thenComparingLong(BillRecord::id);
    private static final String INSERT = """
            INSERT INTO bill (institution_id, patron_id, item_id, fee_type, reason, amount_cents, paid_cents, currency,
                              billed_at)
            VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)""";

    public List<BillRecord> unpaid(Connection connection, long patronId) throws SQLException {
        return Sql.list(connection, UNPAID, BillRepository::map, patronId);
    }

    public QueryGroup.Rows<BillRecord> unpaid(QueryGroup group, long institutionId, String patronBarcode) {
        return group.add(UNPAID_BY_BARCODE, BillRepository::map, institutionId, patronBarcode);
    }

    public QueryGroup.Rows<BillRecord> unpaid(QueryGroup group, long institutionId,
            Collection<String> patronBarcodes) {
        return group.add(UNPAID_BY_BARCODES + Sql.inList(patronBarcodes.size()), BillRepository::map,
                Sql.params(institutionId, patronBarcodes));
    }

    public long create(Connection connection, long institutionId, long patronId, Long itemId, String feeType,
            String reason, long amountCents, String currency, Instant billedAt) throws SQLException {
        return Sql.insert(connection, INSERT, institutionId, patronId, itemId, feeType, reason, amountCents, currency,
                billedAt);
    }

    private static BillRecord map(ResultSet row) throws SQLException {
        return new BillRecord(row.getLong("id"), row.getString("external_id"), row.getLong("patron_id"),
                Sql.nullableLong(row, "item_id"), row.getString("item_barcode"), row.getString("fee_type"),
                row.getString("reason"), row.getLong("amount_cents"), row.getLong("paid_cents"),
                row.getString("currency"), Sql.instant(row, "billed_at"));
    }
}
