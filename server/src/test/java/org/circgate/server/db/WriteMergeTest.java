package org.circgate.server.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.circgate.server.db.WriteMerge.Write;
import org.junit.jupiter.api.Test;

/** Issue 5 (11+09 throughput): the held-back writes of a shared transaction, merged without changing what they do. */
class WriteMergeTest {
    private static final String LOAN = """
            INSERT INTO loan (item_id, patron_id, location_id, due_at)
            VALUES (?, ?, (SELECT id FROM location WHERE institution_id = ? AND code = ?), ?)""";
    private static final String AUDIT = "INSERT INTO audit_event (command, item_barcode) VALUES (?, ?)";
    private static final String COUNT = "UPDATE patron SET charges_this_period = charges_this_period + 1 WHERE id = ?";
    private static final String DELETE = "DELETE FROM loan WHERE id = ?";

    private static Write w(String sql, Object... params) {
        return new Write(sql, params);
    }

    @Test
    void withoutUnitsNothingChanges() {
        List<Write> writes = List.of(w(AUDIT, "11", "A"), w(AUDIT, "11", "B"));
        assertEquals(writes, WriteMerge.merge(writes, List.of()));
    }

    @Test
    void unitsOfOneShapeBecomeOneMultiRowInsertPerPositionAndKeepTheirOrderWithin() {
        List<Write> writes = List.of(
                w(LOAN, 1L, 10L, 7L, "MAIN", "d1"), w(COUNT, 10L), w(AUDIT, "11", "A"),
                w(LOAN, 2L, 20L, 7L, "MAIN", "d2"), w(COUNT, 20L), w(AUDIT, "11", "B"),
                w(LOAN, 3L, 30L, 7L, "MAIN", "d3"), w(COUNT, 30L), w(AUDIT, "11", "C"));
        List<Write> merged = WriteMerge.merge(writes, List.of(0, 3, 6));

        assertEquals(3, merged.size());
        assertEquals(LOAN + ",\n" + WriteMerge.insertRow(LOAN) + ",\n" + WriteMerge.insertRow(LOAN),
                merged.get(0).sql());
        assertArrayEquals(new Object[] {1L, 10L, 7L, "MAIN", "d1", 2L, 20L, 7L, "MAIN", "d2", 3L, 30L, 7L, "MAIN",
            "d3"}, merged.get(0).params());
        // One UPDATE by id per unit, the other parameters alike: one UPDATE of all the ids, in its place.
        assertEquals(COUNT.replace("id = ?", "id IN (?, ?, ?)"), merged.get(1).sql());
        assertArrayEquals(new Object[] {10L, 20L, 30L}, merged.get(1).params());
        assertEquals(AUDIT + ",\n(?, ?),\n(?, ?)", merged.get(2).sql());
        assertArrayEquals(new Object[] {"11", "A", "11", "B", "11", "C"}, merged.get(2).params());
    }

    @Test
    void aUnitOfAnotherShapeKeepsItsOwnOrderSoADeleteStaysBeforeTheInsertThatNeedsIt() {
        // An offline checkout of a charged item deletes the old loan before inserting its own (one loan per item).
        List<Write> writes = List.of(
                w(LOAN, 1L, 10L, 7L, "MAIN", "d1"), w(AUDIT, "11", "A"),
                w(DELETE, 99L), w(LOAN, 2L, 20L, 7L, "MAIN", "d2"), w(AUDIT, "11", "B"));
        List<Write> merged = WriteMerge.merge(writes, List.of(0, 2));

        assertEquals(List.of(LOAN, AUDIT, DELETE, LOAN, AUDIT), merged.stream().map(Write::sql).toList());
        assertArrayEquals(new Object[] {99L}, merged.get(2).params());
        assertArrayEquals(new Object[] {2L, 20L, 7L, "MAIN", "d2"}, merged.get(3).params());
    }

    @Test
    void writesBeforeTheFirstUnitStayFirstAndEmptyUnitsAreSkipped() {
        List<Write> writes = new ArrayList<>(List.of(w(COUNT, 1L), w(AUDIT, "09", "A"), w(AUDIT, "09", "B")));
        List<Write> merged = WriteMerge.merge(writes, List.of(1, 1, 2));

        assertEquals(2, merged.size());
        assertEquals(COUNT, merged.get(0).sql());
        assertEquals(AUDIT + ",\n(?, ?)", merged.get(1).sql());
    }

    @Test
    void updatesByIdMergeOnlyWithTheSameOtherParametersAndDistinctIds() {
        String move = """
                UPDATE item SET status = ?, current_location_id = (SELECT id FROM location WHERE institution_id = ? AND code = ?)
                 WHERE id = ?""";
        List<Write> sameStatus = WriteMerge.merge(List.of(w(move, "AVAILABLE", 7L, "MAIN", 1L),
                w(move, "AVAILABLE", 7L, "MAIN", 2L)), List.of(0, 1));
        assertEquals(1, sameStatus.size());
        assertEquals(move.replace("WHERE id = ?", "WHERE id IN (?, ?)"), sameStatus.get(0).sql());
        assertArrayEquals(new Object[] {"AVAILABLE", 7L, "MAIN", 1L, 2L}, sameStatus.get(0).params());

        List<Write> otherStatus = WriteMerge.merge(List.of(w(move, "AVAILABLE", 7L, "MAIN", 1L),
                w(move, "IN_TRANSIT", 7L, "MAIN", 2L)), List.of(0, 1));
        assertEquals(2, otherStatus.size(), "each keeps its own status");

        List<Write> sameId = WriteMerge.merge(List.of(w(COUNT, 10L), w(COUNT, 10L)), List.of(0, 1));
        assertEquals(2, sameId.size(), "a counter raised twice must be raised twice");

        List<Write> deletes = WriteMerge.merge(List.of(w(DELETE, 5L), w(DELETE, 6L)), List.of(0, 1));
        assertEquals(List.of("DELETE FROM loan WHERE id IN (?, ?)"), deletes.stream().map(Write::sql).toList());
        assertNull(WriteMerge.insertRow(DELETE));
        String accepted = "UPDATE patron SET pin_failures = 0 WHERE id = ? AND pin_failures <> 0";
        assertEquals(2, WriteMerge.merge(List.of(w(accepted, 1L), w(accepted, 2L)), List.of(0, 1)).size(),
                "only a statement that ends in WHERE id = ?");
    }

    @Test
    void onlyPlainSingleRowInsertsAreMerged() {
        assertEquals("(?, ?)", WriteMerge.insertRow(AUDIT));
        assertNull(WriteMerge.insertRow(COUNT));
        assertNull(WriteMerge.insertRow(AUDIT + ", (?, ?)"), "already several rows");
        assertNull(WriteMerge.insertRow("INSERT INTO t (a) VALUES (?) ON DUPLICATE KEY UPDATE a = VALUES(a)"));
        assertNull(WriteMerge.insertRow("INSERT INTO t (a) SELECT a FROM u"));
        assertNull(WriteMerge.insertRow("INSERT INTO t (a) VALUES (?) RETURNING id"));
        assertNull(WriteMerge.insertRow("INSERT INTO t (a) VALUES (?); DELETE FROM t"));
        assertEquals("('it''s (odd)', ?)", WriteMerge.insertRow("INSERT INTO t (a, b) VALUES ('it''s (odd)', ?)"));
    }
}
