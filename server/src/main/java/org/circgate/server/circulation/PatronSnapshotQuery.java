package org.circgate.server.circulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.circgate.server.db.Sql;
import org.circgate.server.domain.HoldStatus;

/**
 * Patrons with their loans, active holds and unpaid bills, for a batch of barcodes in one statement. Each list comes
 * back as a JSON array that MariaDB builds from a correlated subquery, so a batch of lookups costs one round trip
 * instead of four per patron. One statement is also one consistent read.
 * The lists hold the same rows, in the same order, as {@link LoanRepository#forPatron}, {@link
 * HoldRepository#activeForPatron} and {@link BillRepository#unpaid}, which remain the fallback when a list is too long
 * for {@code group_concat_max_len} or has a row longer than {@link #MAX_ROW_CHARS} (MariaDB then cuts it short).
 */
final class PatronSnapshotQuery {
    /**
     * Longest list row, in characters, sent as such. MariaDB keeps a GROUP_CONCAT's rows in an in-memory temporary
     * table only while a row's declared length fits in 512 characters; the rows of every list here could be longer
     * (a 255-character title alone, escaped), so {@code JSON_ARRAYAGG} made MariaDB create and drop an on-disk Aria
     * table per list per statement: about 0.2 ms of its CPU each, more than half of a batch statement. Rows are cast
     * to this length instead, and each list carries its row count and longest row, so a cut row or a list cut by
     * {@code group_concat_max_len} is noticed and that patron's lists are read statement by statement.
     */
    static final int MAX_ROW_CHARS = 512;

    private static final String LOANS = list("""
            JSON_ARRAY(l.id, l.item_id, i.barcode, i.item_type, i.title_id, t.title, l.patron_id, l.checked_out_at,
                       l.due_at, l.renewals, l.recalled_at, l.recall_due_at, l.operator)""", "l.due_at, i.barcode", """
            FROM loan l JOIN item i ON i.id = l.item_id JOIN title t ON t.id = i.title_id
            WHERE l.patron_id = p.id""", "loans_json");
    private static final String HOLDS = list("""
            JSON_ARRAY(h.id, h.external_id, h.patron_id, p.profile, h.title_id, t.title, h.item_id, i.barcode, l.code,
                       h.hold_type, h.status, h.placed_at, h.expires_on, h.pickup_by, h.suspended_until)""",
            "h.placed_at", """
            FROM hold h JOIN title t ON t.id = h.title_id JOIN location l ON l.id = h.pickup_location_id
            LEFT JOIN item i ON i.id = h.item_id
            WHERE h.patron_id = p.id AND h.status IN ('WAITING', 'IN_TRANSIT', 'AVAILABLE')""", "holds_json");
    private static final String BILLS = list("""
            JSON_ARRAY(b.id, b.external_id, b.patron_id, b.item_id, i.barcode, b.fee_type, b.reason, b.amount_cents,
                       b.paid_cents, b.currency, b.billed_at)""", "b.billed_at, b.id", """
            FROM bill b LEFT JOIN item i ON i.id = b.item_id
            WHERE b.patron_id = p.id AND b.paid_cents < b.amount_cents""", "bills_json");
    private static final String LISTS = LOANS + ",\n" + HOLDS + ",\n" + BILLS;

    /** {@code count:longest:[row,row,...]} of a correlated list, NULL when it has no rows. */
    private static String list(String row, String order, String from, String alias) {
        return "(SELECT CONCAT(COUNT(*), ':', MAX(CHAR_LENGTH(" + row + ")), ':[',\n"
                + "        GROUP_CONCAT(CAST(" + row + " AS CHAR(" + MAX_ROW_CHARS + "))\n"
                + "                     ORDER BY " + order + " SEPARATOR ','), ']')\n"
                + from + ") AS " + alias;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private PatronSnapshotQuery() {
    }

    /**
     * Patron rows with their lists for {@code count} barcodes of one institution; parameters: the institution id,
     * then the barcodes.
     */
    static String forBarcodes(int count) {
        return "SELECT " + PatronRepository.COLUMNS + ",\n" + LISTS + "\n  FROM patron p WHERE p.institution_id = ? "
                + "AND p.barcode IN " + Sql.inList(count);
    }

    /** The three lists of the current row; empty when a list did not survive as JSON (the caller reads it again). */
    record Lists(List<LoanRecord> loans, List<HoldRecord> holds, List<BillRecord> bills) {
    }

    static Optional<Lists> lists(ResultSet row) throws SQLException {
        try {
            return Optional.of(new Lists(loans(row.getString("loans_json")), holds(row.getString("holds_json")),
                    bills(row.getString("bills_json"))));
        } catch (JsonProcessingException | RuntimeException e) {
            // Cut short, or not the shape expected: the caller reads the lists statement by statement instead.
            return Optional.empty();
        }
    }

    private static List<LoanRecord> loans(String json) throws JsonProcessingException {
        List<LoanRecord> loans = new ArrayList<>();
        for (JsonNode l : array(json)) {
            loans.add(new LoanRecord(l.get(0).asLong(), l.get(1).asLong(), text(l.get(2)), text(l.get(3)),
                    l.get(4).asLong(), text(l.get(5)), l.get(6).asLong(), instant(l.get(7)), instant(l.get(8)),
                    l.get(9).asInt(), instant(l.get(10)), instant(l.get(11)), text(l.get(12))));
        }
        return loans;
    }

    private static List<HoldRecord> holds(String json) throws JsonProcessingException {
        List<HoldRecord> holds = new ArrayList<>();
        for (JsonNode h : array(json)) {
            holds.add(new HoldRecord(h.get(0).asLong(), text(h.get(1)), h.get(2).asLong(), text(h.get(3)),
                    h.get(4).asLong(), text(h.get(5)), nullableLong(h.get(6)), text(h.get(7)), text(h.get(8)),
                    text(h.get(9)), HoldStatus.valueOf(text(h.get(10))), instant(h.get(11)), date(h.get(12)),
                    date(h.get(13)), date(h.get(14))));
        }
        return holds;
    }

    private static List<BillRecord> bills(String json) throws JsonProcessingException {
        List<BillRecord> bills = new ArrayList<>();
        for (JsonNode b : array(json)) {
            bills.add(new BillRecord(b.get(0).asLong(), text(b.get(1)), b.get(2).asLong(), nullableLong(b.get(3)),
                    text(b.get(4)), text(b.get(5)), text(b.get(6)), b.get(7).asLong(), b.get(8).asLong(),
                    text(b.get(9)), instant(b.get(10))));
        }
        return bills;
    }

    /**
     * SQL NULL (no rows at all) is an empty list. A list whose longest row was cut to {@link #MAX_ROW_CHARS}, or with
     * fewer rows than counted (cut by {@code group_concat_max_len}), is refused, so the caller reads it again.
     */
    static JsonNode array(String list) throws JsonProcessingException {
        if (list == null) {
            return JSON.createArrayNode();
        }
        int first = list.indexOf(':');
        int second = first < 0 ? -1 : list.indexOf(':', first + 1);
        if (second < 0) {
            throw notAList("no row count");
        }
        long count = Long.parseLong(list.substring(0, first));
        long longest = Long.parseLong(list.substring(first + 1, second));
        if (longest > MAX_ROW_CHARS) {
            throw notAList("a row longer than " + MAX_ROW_CHARS + " characters was cut");
        }
        JsonNode node = JSON.readTree(list.substring(second + 1));
        if (!node.isArray() || node.size() != count) {
            throw notAList("not the " + count + " rows counted");
        }
        for (JsonNode row : node) {
            if (!row.isArray()) {
                throw notAList("a row is not an array");
            }
        }
        return node;
    }

    private static JsonProcessingException notAList(String why) {
        return new JsonProcessingException(why) {
        };
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Long nullableLong(JsonNode node) {
        return node == null || node.isNull() ? null : node.asLong();
    }

    /** DATETIME(3) columns store UTC; JSON carries them as {@code 2026-11-23 00:54:44.754}. */
    static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null
                : LocalDateTime.parse(node.asText(), DATETIME).toInstant(ZoneOffset.UTC);
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.asText());
    }
}
