package org.circgate.server.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.TestDatabase;
import org.circgate.server.testing.TestLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5 (11+09 rate), V11__hold_counters.sql: checkouts and checkins skip the hold queries when the item's and the
 * patron's hold counts are zero, so those counts must never say zero while a hold exists. The triggers must keep them
 * equal to a recount whatever writes the hold rows: the importer, the server, a rolled-back transaction, or any
 * UPDATE an operator might run (status, copy, title, patron, type) and DELETE.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class HoldCountsIT {
    private static final String ACTIVE = "('WAITING', 'IN_TRANSIT', 'AVAILABLE')";
    /** Rows whose count differs from a recount; zero when the triggers did their work. */
    private static final String MISCOUNTED = """
            SELECT (SELECT COUNT(*) FROM item i WHERE i.active_holds <>
                        (SELECT COUNT(*) FROM hold h WHERE h.item_id = i.id AND h.status IN %1$s))
                 + (SELECT COUNT(*) FROM title t WHERE t.waiting_title_holds <>
                        (SELECT COUNT(*) FROM hold h WHERE h.title_id = t.id AND h.status = 'WAITING'
                                                       AND h.item_id IS NULL AND h.hold_type <> '3'))
                 + (SELECT COUNT(*) FROM patron p WHERE p.active_holds <>
                        (SELECT COUNT(*) FROM hold h WHERE h.patron_id = p.id AND h.status IN %1$s))""".formatted(ACTIVE);
    private static final String[] STATUSES = {"WAITING", "IN_TRANSIT", "AVAILABLE", "FILLED", "CANCELLED", "EXPIRED"};
    private static final String[] TYPES = {"1", "2", "3"};

    private static ServerFixture server;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        server = ServerFixture.start(database);
        TestLibrary.load(server.server());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @DisplayName("the demo and test libraries' imported holds are counted")
    void importedHoldsAreCounted() throws SQLException {
        try (Connection c = server.jdbc()) {
            assertThat(single(c, "SELECT COUNT(*) FROM hold WHERE status IN " + ACTIVE)).isPositive();
            assertThat(single(c, MISCOUNTED)).isZero();
            assertThat(single(c, "SELECT SUM(active_holds) FROM patron"))
                    .isEqualTo(single(c, "SELECT COUNT(*) FROM hold WHERE status IN " + ACTIVE));
        }
    }

    @Test
    @DisplayName("400 random hold writes, some rolled back: every count equals a recount after each")
    void randomWritesKeepCountsExact() throws SQLException {
        Random random = new Random(20261123);
        try (Connection c = server.jdbc()) {
            long institution = single(c, "SELECT MIN(id) FROM institution");
            long pickup = single(c, "SELECT MIN(id) FROM location WHERE institution_id = " + institution);
            List<Long> patrons = ids(c, "SELECT id FROM patron WHERE institution_id = " + institution);
            List<long[]> items = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT id, title_id FROM item WHERE institution_id = "
                            + institution)) {
                while (rows.next()) {
                    items.add(new long[] {rows.getLong(1), rows.getLong(2)});
                }
            }
            c.setAutoCommit(false);
            for (int step = 0; step < 400; step++) {
                List<Long> holds = ids(c, "SELECT id FROM hold");
                int kind = holds.isEmpty() ? 0 : random.nextInt(7);
                long hold = holds.isEmpty() ? 0 : holds.get(random.nextInt(holds.size()));
                long[] item = items.get(random.nextInt(items.size()));
                switch (kind) {
                    case 0 -> insert(c, institution, pickup, patrons.get(random.nextInt(patrons.size())), item,
                            random.nextBoolean(), pick(random, TYPES), pick(random, STATUSES));
                    case 1 -> update(c, "UPDATE hold SET status = ? WHERE id = ?", pick(random, STATUSES), hold);
                    case 2 -> update(c, "UPDATE hold SET item_id = ?, title_id = ? WHERE id = ?", item[0], item[1],
                            hold);
                    case 3 -> update(c, "UPDATE hold SET item_id = NULL WHERE id = ?", hold);
                    case 4 -> update(c, "UPDATE hold SET hold_type = ? WHERE id = ?", pick(random, TYPES), hold);
                    case 5 -> update(c, "UPDATE hold SET patron_id = ? WHERE id = ?",
                            patrons.get(random.nextInt(patrons.size())), hold);
                    default -> update(c, "DELETE FROM hold WHERE id = ?", hold);
                }
                if (random.nextInt(5) == 0) {
                    c.rollback();
                } else {
                    c.commit();
                }
                assertThat(single(c, MISCOUNTED)).as("miscounted rows after step %d (kind %d)", step, kind).isZero();
            }
            c.commit();
        }
    }

    private static void insert(Connection c, long institution, long pickup, long patron, long[] item,
            boolean onCopy, String type, String status) throws SQLException {
        update(c, """
                INSERT INTO hold (institution_id, patron_id, title_id, item_id, pickup_location_id, hold_type, status,
                                  placed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, NOW(3))""", institution, patron, item[1], onCopy ? item[0] : null,
                pickup, type, status);
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<Long> ids(Connection c, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
