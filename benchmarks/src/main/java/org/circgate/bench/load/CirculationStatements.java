package org.circgate.bench.load;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The statements circgate sends to MariaDB for one SIP2 11 and one 09 of an available item with no holds, bills or
 * PIN, in the same order, transactions and requests, copied from the server (2026-11-23, after grouped reads,
 * held-back writes, the hold counts of V11__hold_counters.sql, which spare the hold probes, and the resend record
 * written with the commit: PatronRepository, ItemRepository, LoanRepository, HoldRepository, BillRepository, AuditLog,
 * ResendStore; sequence from Sip2Resends.inTransaction, CirculationFacts.forCheckout/forCheckin and
 * CirculationService.checkout/checkin; CheckoutCommand looks nothing up before the checkout when the account takes no
 * PIN, as the load account does). Each transaction is two requests: the reads as one multi-statement request, the
 * writes with the resend record and the COMMIT as another. What is left out is everything that is not the
 * database: Netty, SIP2 parsing, the policy decision, building the response. Keep it in step with the server when
 * those classes change.
 */
final class CirculationStatements {
    // PatronRepository
    private static final String PATRON_COLUMNS = """
            id, institution_id, barcode, name, pin_hash, pin_failures, pin_last_failure, pin_locked, pin_changed_on,
            pin_expires, profile, standing, email, phone, address, language, privilege_expires, card_lost,
            claims_returned, charges_this_period, lost_items""";
    private static final String PATRON_FIND_FOR_UPDATE = "SELECT " + PATRON_COLUMNS
            + ", active_holds FROM patron WHERE institution_id = ? AND barcode = ? FOR UPDATE";
    private static final String BORROWER_OF_ITEM = "SELECT " + PATRON_COLUMNS + "\n" + """
             FROM patron
             WHERE id = (SELECT l.patron_id FROM loan l JOIN item i ON i.id = l.item_id
                          WHERE i.institution_id = ? AND i.barcode = ?)""";
    private static final String PATRON_COUNT_CHARGE = """
            UPDATE patron SET charges_this_period = charges_this_period + 1 WHERE id = ?""";
    // ItemRepository
    private static final String ITEM_FIND_FOR_UPDATE = """
            SELECT i.id, i.institution_id, i.barcode, i.title_id,
                   (SELECT t.title_key FROM title t WHERE t.id = i.title_id) AS title_key,
                   (SELECT t.title FROM title t WHERE t.id = i.title_id) AS title, i.item_type, i.media_type,
                   (SELECT h.code FROM location h WHERE h.id = i.home_location_id) AS home_code,
                   (SELECT c.code FROM location c WHERE c.id = i.current_location_id) AS current_code,
                   i.status, i.circulating, i.security_marker, i.loan_fee_cents, i.properties,
                   i.active_holds,
                   (SELECT t.waiting_title_holds FROM title t WHERE t.id = i.title_id) AS waiting_title_holds
              FROM item i WHERE i.institution_id = ? AND i.barcode = ? FOR UPDATE""";
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
    private static final String LOAN_BY_ITEM_BARCODE = LOAN_SELECT + " WHERE i.institution_id = ? AND i.barcode = ?";
    private static final String LOANS_BY_PATRON_BARCODE = LOAN_SELECT + "\n" + """
             WHERE l.patron_id = (SELECT id FROM patron WHERE institution_id = ? AND barcode = ?)
             ORDER BY l.due_at, i.barcode""";
    private static final String LOAN_INSERT = """
            INSERT INTO loan (item_id, patron_id, location_id, operator, checked_out_at, due_at, renewals)
            VALUES (?, ?, (SELECT id FROM location WHERE institution_id = ? AND code = ?), ?, ?, ?, 0)""";
    private static final String LOAN_DELETE = "DELETE FROM loan WHERE id = ?";
    // HoldRepository: nothing; the patron's and the item's hold counts are zero in the load library.
    // BillRepository
    private static final String BILLS_UNPAID_BY_BARCODE = """
            SELECT b.id, b.external_id, b.patron_id, b.item_id, i.barcode AS item_barcode, b.fee_type, b.reason,
                   b.amount_cents, b.paid_cents, b.currency, b.billed_at
              FROM bill b LEFT JOIN item i ON i.id = b.item_id
             WHERE b.patron_id = (SELECT id FROM patron WHERE institution_id = ? AND barcode = ?) AND b.paid_cents < b.amount_cents
             ORDER BY b.billed_at, b.id""";
    // AuditLog
    private static final String AUDIT_INSERT = """
            INSERT INTO audit_event (occurred_at, institution_id, interface, operator, location_code, command,
                                     patron_key, item_barcode, outcome, reasons, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    // ResendStore: the record goes with the writes (a request that is no resend never claims its key first)
    private static final String RESEND_RECORD = """
            INSERT INTO sip_resend (account_id, resend_key, command, response, created_at) VALUES (?, ?, ?, ?, ?)""";

    // The shared transaction's reads (CirculationFacts.prefetch; an IN list follows each, then the suffix)
    private static final String PATRONS_FOR_UPDATE = "SELECT " + PATRON_COLUMNS
            + ", active_holds FROM patron WHERE institution_id = ? AND barcode IN ";
    private static final String SKIP_LOCKED = " FOR UPDATE SKIP LOCKED";
    private static final String ITEMS_FOR_UPDATE = ITEM_FIND_FOR_UPDATE.substring(0,
            ITEM_FIND_FOR_UPDATE.indexOf("i.barcode = ?")) + "i.barcode IN ";
    private static final String LOANS_BY_ITEM_BARCODES = LOAN_SELECT + " WHERE i.institution_id = ? AND i.barcode IN ";
    private static final String BORROWERS_OF_ITEMS = "SELECT " + PATRON_COLUMNS + "\n" + """
             FROM patron
             WHERE id IN (SELECT l.patron_id FROM loan l JOIN item i ON i.id = l.item_id
                           WHERE i.institution_id = ? AND i.barcode IN """;
    private static final String LOANS_BY_PATRON_BARCODES = LOAN_SELECT + "\n" + """
             WHERE l.patron_id IN (SELECT id FROM patron WHERE institution_id = ? AND barcode IN """;
    private static final String LOANS_ORDER = ")\n ORDER BY l.patron_id, l.due_at, i.barcode";
    private static final String BILLS_BY_PATRON_BARCODES = """
            SELECT b.id, b.external_id, b.patron_id, b.item_id, i.barcode AS item_barcode, b.fee_type, b.reason,
                   b.amount_cents, b.paid_cents, b.currency, b.billed_at
              FROM bill b LEFT JOIN item i ON i.id = b.item_id
             WHERE b.paid_cents < b.amount_cents
               AND b.patron_id IN (SELECT id FROM patron WHERE institution_id = ? AND barcode IN """;
    private static final String BILLS_ORDER = ")\n ORDER BY b.patron_id, b.billed_at, b.id";

    private static final String INSTITUTION_ID = "SELECT id FROM institution WHERE code = ?";
    private static final String ACCOUNT_ID = "SELECT id FROM sip_account WHERE login = ?";

    /** A stored 12 is about this long. */
    private static final byte[] RESPONSE = ("121YNY20261122    120000AOLOAD|AALP0000001|ABLI0000001|AJLoad Title 1|"
            + "AH20261213    235959|CK001|AFChecked out|").getBytes(StandardCharsets.UTF_8);

    /** One statement and its parameters. */
    private record Part(String sql, Object... params) {
    }

    private final long institutionId;
    private final long accountId;
    private final String location;
    private final String operator;
    private final boolean grouped;

    private CirculationStatements(long institutionId, long accountId, String location, String operator,
            boolean grouped) {
        this.institutionId = institutionId;
        this.accountId = accountId;
        this.location = location;
        this.operator = operator;
        this.grouped = grouped;
    }

    /**
     * @param grouped send the reads as one request and the writes with the COMMIT as another, as the server does
     *                (the connection needs allowMultiQueries); false: one request per statement, COMMIT by the caller
     */
    static CirculationStatements lookUp(Connection connection, String institution, String login, String location,
            boolean grouped) throws SQLException {
        long institutionId = single(connection, INSTITUTION_ID, institution);
        long accountId = single(connection, ACCOUNT_ID, login);
        return new CirculationStatements(institutionId, accountId, location, login, grouped);
    }

    /** Sip2Resends.inTransaction around CirculationService.checkout: the item is available, the patron allowed. */
    void checkout(Connection c, String patron, String item) throws SQLException {
        long[] ids = reads(c, new Part(PATRON_FIND_FOR_UPDATE, institutionId, patron),
                new Part(ITEM_FIND_FOR_UPDATE, institutionId, item),
                new Part(LOAN_BY_ITEM_BARCODE, institutionId, item),
                new Part(LOANS_BY_PATRON_BARCODE, institutionId, patron),
                new Part(BILLS_UNPAID_BY_BARCODE, institutionId, patron));
        long patronId = ids[0];
        long itemId = ids[1];
        if (patronId == 0 || itemId == 0) {
            throw new SQLException("patron or item not found: " + patron + ", " + item);
        }
        LocalDateTime now = now();
        writesAndCommit(c, new Part(LOAN_INSERT, itemId, patronId, institutionId, location, operator, now,
                now.plusDays(21)), new Part(PATRON_COUNT_CHARGE, patronId), audit("checkout", item),
                resendRecord("11"));
    }

    /** Sip2Resends.inTransaction around CirculationService.checkin of a charged item with no holds. */
    void checkin(Connection c, String item) throws SQLException {
        long[] ids = reads(c, new Part(ITEM_FIND_FOR_UPDATE, institutionId, item),
                new Part(LOAN_BY_ITEM_BARCODE, institutionId, item),
                new Part(BORROWER_OF_ITEM, institutionId, item));
        long itemId = ids[0];
        long loanId = ids[1];
        if (loanId == 0) {
            throw new SQLException("item " + item + " is not on loan");
        }
        writesAndCommit(c, new Part(LOAN_DELETE, loanId),
                new Part(ITEM_MOVE, "AVAILABLE", institutionId, location, itemId), audit("checkin", item),
                resendRecord("09"));
    }

    /**
     * One of the server's shared transactions at saturation: {@code patrons.size()} checkouts (one item each,
     * available, the patrons allowed) and the checkins of {@code checkinItems} (charged, no holds), as
     * SharedTransactions sends them: one request of reads (CirculationFacts.prefetch), then the writes merged as
     * WriteMerge merges them (per kind of request: multi-row INSERTs, one UPDATE or DELETE for all ids) with the
     * COMMIT. Needs grouping.
     */
    void shared(Connection c, List<String> patrons, List<String> checkoutItems, List<String> checkinItems)
            throws SQLException {
        List<String> items = new ArrayList<>(checkoutItems);
        items.addAll(checkinItems);
        List<Part> reads = new ArrayList<>();
        if (!patrons.isEmpty()) {
            reads.add(new Part(PATRONS_FOR_UPDATE + marks(patrons) + SKIP_LOCKED, withInstitution(patrons)));
        }
        reads.add(new Part(ITEMS_FOR_UPDATE + marks(items) + SKIP_LOCKED, withInstitution(items)));
        reads.add(new Part(LOANS_BY_ITEM_BARCODES + marks(items), withInstitution(items)));
        if (!checkinItems.isEmpty()) {
            reads.add(new Part(BORROWERS_OF_ITEMS + marks(checkinItems) + ")", withInstitution(checkinItems)));
        }
        if (!patrons.isEmpty()) {
            reads.add(new Part(LOANS_BY_PATRON_BARCODES + marks(patrons) + LOANS_ORDER, withInstitution(patrons)));
            reads.add(new Part(BILLS_BY_PATRON_BARCODES + marks(patrons) + BILLS_ORDER, withInstitution(patrons)));
        }
        List<List<Long>> found = readIds(c, reads.toArray(Part[]::new));
        List<Long> patronIds = patrons.isEmpty() ? List.of() : found.get(0);
        List<Long> itemIds = found.get(patrons.isEmpty() ? 0 : 1);
        List<Long> loanIds = found.get(patrons.isEmpty() ? 1 : 2);
        if (patronIds.size() != patrons.size() || itemIds.size() != items.size()
                || loanIds.size() != checkinItems.size()) {
            throw new SQLException("rows not as expected: " + patrons + ", " + checkoutItems + ", " + checkinItems);
        }
        // Rows come back in index order, as do the barcodes of the load library's slices.
        java.util.Map<String, Long> itemIdByBarcode = new java.util.HashMap<>();
        List<String> sortedItems = new ArrayList<>(items);
        sortedItems.sort(null);
        for (int i = 0; i < sortedItems.size(); i++) {
            itemIdByBarcode.put(sortedItems.get(i), itemIds.get(i));
        }
        LocalDateTime now = now();
        List<Part> writes = new ArrayList<>();
        if (!patrons.isEmpty()) {
            List<Part> loans = new ArrayList<>();
            List<Part> audits = new ArrayList<>();
            List<Part> records = new ArrayList<>();
            for (int i = 0; i < patrons.size(); i++) {
                loans.add(new Part(LOAN_INSERT, itemIdByBarcode.get(checkoutItems.get(i)), patronIds.get(i),
                        institutionId, location, operator, now, now.plusDays(21)));
                audits.add(audit("checkout", checkoutItems.get(i)));
                records.add(resendRecord("11"));
            }
            writes.add(multiRow(loans));
            writes.add(byIds(PATRON_COUNT_CHARGE, new Object[0], patronIds));
            writes.add(multiRow(audits));
            writes.add(multiRow(records));
        }
        if (!checkinItems.isEmpty()) {
            List<Part> audits = new ArrayList<>();
            List<Part> records = new ArrayList<>();
            List<Long> movedIds = new ArrayList<>();
            for (String item : checkinItems) {
                audits.add(audit("checkin", item));
                records.add(resendRecord("09"));
                movedIds.add(itemIdByBarcode.get(item));
            }
            writes.add(byIds(LOAN_DELETE, new Object[0], loanIds));
            writes.add(byIds(ITEM_MOVE, new Object[] {"AVAILABLE", institutionId, location}, movedIds));
            writes.add(multiRow(audits));
            writes.add(multiRow(records));
        }
        writesAndCommit(c, writes.toArray(Part[]::new));
    }

    /** A one-row UPDATE or DELETE ending in {@code WHERE id = ?} for all {@code ids}, as WriteMerge does. */
    private static Part byIds(String sql, Object[] others, List<Long> ids) {
        List<Object> params = new ArrayList<>(Arrays.asList(others));
        params.addAll(ids);
        return new Part(sql.substring(0, sql.lastIndexOf("id = ?")) + "id IN "
                + marks(java.util.Collections.nCopies(ids.size(), "?")), params.toArray());
    }

    private static String marks(List<String> values) {
        return "(" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")";
    }

    private Object[] withInstitution(List<String> barcodes) {
        List<Object> params = new ArrayList<>();
        params.add(institutionId);
        params.addAll(barcodes);
        return params.toArray();
    }

    /** Single-row INSERTs of one statement as one multi-row INSERT, as WriteMerge does. */
    private static Part multiRow(List<Part> inserts) {
        String sql = inserts.get(0).sql();
        String row = sql.substring(sql.lastIndexOf("VALUES") + "VALUES".length()).trim();
        StringBuilder merged = new StringBuilder(sql);
        List<Object> params = new ArrayList<>(Arrays.asList(inserts.get(0).params()));
        for (Part insert : inserts.subList(1, inserts.size())) {
            merged.append(",\n").append(row);
            params.addAll(Arrays.asList(insert.params()));
        }
        return new Part(merged.toString(), params.toArray());
    }

    /** Runs the queries as one request, reading every column as the server does; each one's first column, all rows. */
    private static List<List<Long>> readIds(Connection c, Part... queries) throws SQLException {
        List<List<Long>> ids = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement(joined(queries, false))) {
            bind(statement, params(queries));
            statement.execute();
            for (int i = 0; i < queries.length; i++) {
                if (i > 0) {
                    statement.getMoreResults();
                }
                try (ResultSet rows = statement.getResultSet()) {
                    ids.add(drainIds(rows));
                }
            }
        }
        return ids;
    }

    private static List<Long> drainIds(ResultSet rows) throws SQLException {
        List<Long> ids = new ArrayList<>();
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
                rows.getObject(i);
            }
            ids.add(rows.getLong(1));
        }
        return ids;
    }

    private Part resendRecord(String command) {
        return new Part(RESEND_RECORD, accountId, ThreadLocalRandom.current().nextLong(), command, RESPONSE, now());
    }

    private Part audit(String command, String item) {
        return new Part(AUDIT_INSERT, now(), institutionId, "SIP2", operator, location, command,
                "0123456789abcdef0123456789abcdef", item, "ok", null, null);
    }

    /** Runs the queries, reading every column as the server's row mappers do; each one's first column, or 0. */
    private long[] reads(Connection c, Part... queries) throws SQLException {
        long[] first = new long[queries.length];
        if (!grouped) {
            for (int i = 0; i < queries.length; i++) {
                try (PreparedStatement statement = c.prepareStatement(queries[i].sql())) {
                    bind(statement, queries[i].params());
                    try (ResultSet rows = statement.executeQuery()) {
                        first[i] = drainAll(rows);
                    }
                }
            }
            return first;
        }
        List<List<Long>> ids = readIds(c, queries);
        for (int i = 0; i < queries.length; i++) {
            first[i] = ids.get(i).isEmpty() ? 0 : ids.get(i).get(0);
        }
        return first;
    }

    /** The writes and, when grouped, the COMMIT in one request (the driver's commit() then sends nothing). */
    private void writesAndCommit(Connection c, Part... writes) throws SQLException {
        if (!grouped) {
            for (Part write : writes) {
                try (PreparedStatement statement = c.prepareStatement(write.sql())) {
                    bind(statement, write.params());
                    statement.executeUpdate();
                }
            }
            return;
        }
        try (PreparedStatement statement = c.prepareStatement(joined(writes, true))) {
            bind(statement, params(writes));
            statement.execute();
            for (int i = 0; i < writes.length; i++) {
                statement.getMoreResults();
            }
        }
    }

    private static String joined(Part[] steps, boolean commit) {
        StringBuilder sql = new StringBuilder();
        for (Part step : steps) {
            sql.append(sql.length() == 0 ? "" : ";\n").append(step.sql());
        }
        return commit ? sql.append(";\nCOMMIT").toString() : sql.toString();
    }

    private static Object[] params(Part[] steps) {
        List<Object> all = new ArrayList<>();
        for (Part step : steps) {
            all.addAll(Arrays.asList(step.params()));
        }
        return all.toArray();
    }

    private static long drainAll(ResultSet rows) throws SQLException {
        long first = 0;
        boolean any = false;
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
                rows.getObject(i);
            }
            if (!any) {
                first = rows.getLong(1);
                any = true;
            }
        }
        return first;
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
