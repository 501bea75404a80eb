package org.circgate.bench.load;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The statements circgate sends to MariaDB for one SIP2 11 and one 09 of an available item with no holds, bills or
 * PIN, in the same order and transactions, copied from the server (2026-11-23, after the patron-lookup batches and
 * item-only locks: PatronRepository, ItemRepository, LoanRepository, HoldRepository,
 * BillRepository, AuditLog, ResendStore; sequence from Sip2Resends.inTransaction and
 * CirculationService.checkout/checkin; CheckoutCommand looks nothing up before the checkout when the account takes no
 * PIN, as the load account does). What is left out
 * is everything that is not the database: Netty, SIP2 parsing, the policy decision, building the response. Keep it
 * in step with the server when those classes change.
 */
final class CirculationStatements {
    // PatronRepository
    private static final String PATRON_COLUMNS = """
            id, institution_id, barcode, name, pin_hash, pin_failures, pin_last_failure, pin_locked, pin_changed_on,
            pin_expires, profile, standing, email, phone, address, language, privilege_expires, card_lost,
            claims_returned, charges_this_period, lost_items""";
    private static final String PATRON_FIND = "SELECT " + PATRON_COLUMNS
            + " FROM patron WHERE institution_id = ? AND barcode = ?";
    private static final String PATRON_FIND_FOR_UPDATE = PATRON_FIND + " FOR UPDATE";
    private static final String PATRON_BY_ID = "SELECT " + PATRON_COLUMNS + " FROM patron WHERE id = ?";
    private static final String PATRON_COUNT_CHARGE = """
            UPDATE patron SET charges_this_period = charges_this_period + 1 WHERE id = ?""";
    // ItemRepository
    private static final String ITEM_SELECT = """
            SELECT i.id, i.institution_id, i.barcode, i.title_id,
                   (SELECT t.title_key FROM title t WHERE t.id = i.title_id) AS title_key,
                   (SELECT t.title FROM title t WHERE t.id = i.title_id) AS title, i.item_type, i.media_type,
                   (SELECT h.code FROM location h WHERE h.id = i.home_location_id) AS home_code,
                   (SELECT c.code FROM location c WHERE c.id = i.current_location_id) AS current_code,
                   i.status, i.circulating, i.security_marker, i.loan_fee_cents, i.properties
              FROM item i""";
    private static final String ITEM_FIND_FOR_UPDATE = ITEM_SELECT
            + " WHERE i.institution_id = ? AND i.barcode = ? FOR UPDATE";
    private static final String ITEM_MOVE = """
            UPDATE item SET status = ?, current_location_id = (SELECT id FROM location WHERE institution_id = ? AND code = ?)
             WHERE id = ?""";
    // LoanRepository
    private static final String LOAN_SELECT = """
            SELECT l.id, l.item_id, i.barcode, i.item_type, i.title_id, t.title, l.patron_id, l.checked_out_at,
                   l.due_at, l.renewals, l.recalled_at, l.recall_due_at, l.operator
              FROM loan l
              JOIN item i ON i.id = l.item_id
              JOIN title t ON t.id = i.title_id""";
    private static final String LOANS_BY_PATRON = LOAN_SELECT + " WHERE l.patron_id = ? ORDER BY l.due_at, i.barcode";
    private static final String LOAN_BY_ITEM = LOAN_SELECT + " WHERE l.item_id = ?";
    private static final String LOAN_INSERT = """
            INSERT INTO loan (item_id, patron_id, location_id, operator, checked_out_at, due_at, renewals)
            VALUES (?, ?, (SELECT id FROM location WHERE institution_id = ? AND code = ?), ?, ?, ?, 0)""";
    private static final String LOAN_DELETE = "DELETE FROM loan WHERE id = ?";
    // HoldRepository
    private static final String HOLD_SELECT = """
            SELECT h.id, h.external_id, h.patron_id, p.profile, h.title_id, t.title, h.item_id, i.barcode AS item_barcode,
                   l.code AS pickup_code, h.hold_type, h.status, h.placed_at, h.expires_on, h.pickup_by,
                   h.suspended_until
              FROM hold h
              JOIN patron p ON p.id = h.patron_id
              JOIN title t ON t.id = h.title_id
              JOIN location l ON l.id = h.pickup_location_id
              LEFT JOIN item i ON i.id = h.item_id""";
    private static final String HOLDS_BY_PATRON = HOLD_SELECT + "\n" + """
             WHERE h.patron_id = ? AND h.status IN ('WAITING', 'IN_TRANSIT', 'AVAILABLE') ORDER BY h.placed_at""";
    // With no hold anywhere (the load library has none), the server runs only these probes, not the joins above.
    private static final String ANY_QUEUE_FOR_ITEM = """
            SELECT EXISTS (SELECT 1 FROM hold
                            WHERE status = 'WAITING' AND (item_id = ? OR (title_id = ? AND hold_type <> '3' AND item_id IS NULL)))""";
    private static final String ANY_TRAPPED_ON_ITEM = """
            SELECT EXISTS (SELECT 1 FROM hold WHERE item_id = ? AND status IN ('IN_TRANSIT', 'AVAILABLE'))""";
    private static final String ANY_FOR_ITEM = "SELECT (" + ANY_TRAPPED_ON_ITEM.substring("SELECT ".length())
            + ") AS trapped,\n       (" + ANY_QUEUE_FOR_ITEM.substring("SELECT ".length()) + ") AS queued";
    private static final String ANY_BY_PATRON = """
            SELECT EXISTS (SELECT 1 FROM hold WHERE patron_id = ? AND status IN ('WAITING', 'IN_TRANSIT', 'AVAILABLE'))""";
    // BillRepository
    private static final String BILLS_UNPAID = """
            SELECT b.id, b.external_id, b.patron_id, b.item_id, i.barcode AS item_barcode, b.fee_type, b.reason,
                   b.amount_cents, b.paid_cents, b.currency, b.billed_at
              FROM bill b LEFT JOIN item i ON i.id = b.item_id
             WHERE b.patron_id = ? AND b.paid_cents < b.amount_cents
             ORDER BY b.billed_at, b.id""";
    // AuditLog
    private static final String AUDIT_INSERT = """
            INSERT INTO audit_event (occurred_at, institution_id, interface, operator, location_code, command,
                                     patron_key, item_barcode, outcome, reasons, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    // ResendStore
    private static final String RESEND_CLAIM = """
            INSERT INTO sip_resend (account_id, resend_key, command, response, created_at) VALUES (?, ?, ?, NULL, ?)""";
    private static final String RESEND_SAVE = "UPDATE sip_resend SET response = ? WHERE account_id = ? AND resend_key = ?";

    private static final String INSTITUTION_ID = "SELECT id FROM institution WHERE code = ?";
    private static final String ACCOUNT_ID = "SELECT id FROM sip_account WHERE login = ?";

    /** A stored 12 is about this long. */
    private static final byte[] RESPONSE = ("121YNY20261122    120000AOLOAD|AALP0000001|ABLI0000001|AJLoad Title 1|"
            + "AH20261213    235959|CK001|AFChecked out|").getBytes(StandardCharsets.UTF_8);

    private final long institutionId;
    private final long accountId;
    private final String location;
    private final String operator;

    private CirculationStatements(long institutionId, long accountId, String location, String operator) {
        this.institutionId = institutionId;
        this.accountId = accountId;
        this.location = location;
        this.operator = operator;
    }

    static CirculationStatements lookUp(Connection connection, String institution, String login, String location)
            throws SQLException {
        long institutionId = single(connection, INSTITUTION_ID, institution);
        long accountId = single(connection, ACCOUNT_ID, login);
        return new CirculationStatements(institutionId, accountId, location, login);
    }

    /** Sip2Resends.inTransaction around CirculationService.checkout: the item is available, the patron allowed. */
    void checkout(Connection c, String patron, String item) throws SQLException {
        long key = claim(c, "11");
        long patronId = patronId(c, PATRON_FIND_FOR_UPDATE, institutionId, patron);
        long[] itemRow = item(c, item);
        long itemId = itemRow[0];
        query(c, LOAN_BY_ITEM, itemId);
        snapshot(c, patronId);
        query(c, ANY_FOR_ITEM, itemId, itemId, itemRow[1]);
        LocalDateTime now = now();
        insert(c, LOAN_INSERT, itemId, patronId, institutionId, location, operator, now, now.plusDays(21));
        update(c, PATRON_COUNT_CHARGE, patronId);
        audit(c, "checkout", item);
        update(c, RESEND_SAVE, RESPONSE, accountId, key);
    }

    /** Sip2Resends.inTransaction around CirculationService.checkin of a charged item with no holds. */
    void checkin(Connection c, String item) throws SQLException {
        long key = claim(c, "09");
        long[] itemRow = item(c, item);
        long itemId = itemRow[0];
        long[] loan = loan(c, itemId);
        query(c, PATRON_BY_ID, loan[1]);
        update(c, LOAN_DELETE, loan[0]);
        query(c, ANY_FOR_ITEM, itemId, itemId, itemRow[1]);
        update(c, ITEM_MOVE, "AVAILABLE", institutionId, location, itemId);
        audit(c, "checkin", item);
        update(c, RESEND_SAVE, RESPONSE, accountId, key);
    }

    private void snapshot(Connection c, long patronId) throws SQLException {
        query(c, LOANS_BY_PATRON, patronId);
        holds(c, ANY_BY_PATRON, HOLDS_BY_PATRON, patronId);
        query(c, BILLS_UNPAID, patronId);
    }

    /** HoldRepository: the probe, and the join only when the probe finds a hold. */
    private static void holds(Connection c, String probe, String join, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(probe)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next() || rows.getLong(1) == 0) {
                    return;
                }
            }
        }
        query(c, join, params);
    }

    private long claim(Connection c, String command) throws SQLException {
        long key = ThreadLocalRandom.current().nextLong();
        update(c, RESEND_CLAIM, accountId, key, command, now());
        return key;
    }

    private void audit(Connection c, String command, String item) throws SQLException {
        update(c, AUDIT_INSERT, now(), institutionId, "SIP2", operator, location, command,
                "0123456789abcdef0123456789abcdef", item, "ok", null, null);
    }

    private long patronId(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("patron not found: " + params[params.length - 1]);
                }
                drain(rows);
                return rows.getLong("id");
            }
        }
    }

    /** The item's id and title id. */
    private long[] item(Connection c, String barcode) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(ITEM_FIND_FOR_UPDATE)) {
            bind(statement, institutionId, barcode);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("item not found: " + barcode);
                }
                drain(rows);
                return new long[] {rows.getLong("id"), rows.getLong("title_id")};
            }
        }
    }

    /** The loan's id and patron id. */
    private long[] loan(Connection c, long itemId) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(LOAN_BY_ITEM)) {
            bind(statement, itemId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("item " + itemId + " is not on loan");
                }
                drain(rows);
                return new long[] {rows.getLong("id"), rows.getLong("patron_id")};
            }
        }
    }

    /** Reads every column as the server's row mappers do. */
    private static void drain(ResultSet row) throws SQLException {
        int columns = row.getMetaData().getColumnCount();
        for (int i = 1; i <= columns; i++) {
            row.getObject(i);
        }
    }

    private static void query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    drain(rows);
                }
            }
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, params);
            statement.executeUpdate();
        }
    }

    private static void insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, params);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
            }
        }
    }

    private static long single(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, param);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("not found: " + sql + " with " + param);
                }
                return rows.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            if (params[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, params[i]);
            }
        }
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
