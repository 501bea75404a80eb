package org.circgate.server.circulation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.circgate.server.db.Sql;

/** Payments, how they were split over bills, and the bills they paid. */
public final class PaymentRepository {
    // The item barcode is a scalar subquery so that locking the bills does not lock their items (a join would).
    private static final String UNPAID_FOR_UPDATE = """
            SELECT b.id, b.external_id, b.patron_id, b.item_id,
                   (SELECT i.barcode FROM item i WHERE i.id = b.item_id) AS item_barcode, b.fee_type, b.reason,
                   b.amount_cents, b.paid_cents, b.currency, b.billed_at
              FROM bill b
             WHERE b.patron_id = ? AND b.paid_cents < b.amount_cents
             ORDER BY b.billed_at, b.id
               FOR UPDATE""";
    private static final String BY_TRANSACTION = """
            SELECT id, patron_id, amount_cents, applied_cents, credit_cents, currency, transaction_id
              FROM payment WHERE operator = ? AND transaction_id = ?""";
    private static final String INSERT = """
            INSERT INTO payment (institution_id, patron_id, amount_cents, applied_cents, credit_cents, currency,
                                 fee_type, payment_type, transaction_id, interface, operator, location_code, paid_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String ALLOCATE = """
            INSERT INTO payment_allocation (payment_id, bill_id, amount_cents) VALUES (?, ?, ?)""";
    /** Never pays a bill past its amount, even if a caller's arithmetic were wrong (the CHECK says the same). */
    private static final String PAY_BILL = """
            UPDATE bill SET paid_cents = paid_cents + ? WHERE id = ? AND paid_cents + ? <= amount_cents""";

    /** A stored payment, as far as a repeated transaction id needs it. */
    public record StoredPayment(long id, long patronId, long amountCents, long appliedCents, long creditCents,
            String currency, String transactionId) {
    }

    /** The patron's unpaid bills, oldest first, locked until the transaction ends. */
    public List<BillRecord> unpaidForUpdate(Connection connection, long patronId) throws SQLException {
        return Sql.list(connection, UNPAID_FOR_UPDATE, PaymentRepository::bill, patronId);
    }

    public Optional<StoredPayment> byTransaction(Connection connection, String operator, String transactionId)
            throws SQLException {
        return Sql.one(connection, BY_TRANSACTION, row -> new StoredPayment(row.getLong("id"),
                row.getLong("patron_id"), row.getLong("amount_cents"), row.getLong("applied_cents"),
                row.getLong("credit_cents"), row.getString("currency"), row.getString("transaction_id")),
                operator, transactionId);
    }

    /** Inserts the payment; a transaction id this operator used before surfaces as a duplicate key (1062). */
    public long insert(Connection connection, long institutionId, long patronId, long amountCents, long appliedCents,
            long creditCents, String currency, String feeType, String paymentType, String transactionId,
            Operator operator, Instant paidAt) throws SQLException {
        return Sql.insert(connection, INSERT, institutionId, patronId, amountCents, appliedCents, creditCents,
                currency, feeType, paymentType, transactionId, operator.clientInterface().name(), operator.name(),
                operator.location(), paidAt);
    }

    public void allocate(Connection connection, long paymentId, long billId, long cents) throws SQLException {
        if (Sql.update(connection, PAY_BILL, cents, billId, cents) != 1) {
            throw new SQLException("bill " + billId + " cannot take " + cents + " cents more");
        }
        Sql.update(connection, ALLOCATE, paymentId, billId, cents);
    }

    private static BillRecord bill(ResultSet row) throws SQLException {
        return new BillRecord(row.getLong("id"), row.getString("external_id"), row.getLong("patron_id"),
                Sql.nullableLong(row, "item_id"), row.getString("item_barcode"), row.getString("fee_type"),
                row.getString("reason"), row.getLong("amount_cents"), row.getLong("paid_cents"),
                row.getString("currency"), Sql.instant(row, "billed_at"));
    }
}
