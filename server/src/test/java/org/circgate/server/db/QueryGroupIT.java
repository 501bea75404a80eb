package org.circgate.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5 (fewer round trips per checkout and checkin): a group of reads goes out as one request and each query gets
 * its own rows, in order, empty results and locking reads included; without multi-statement support they run one by
 * one with the same results.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class QueryGroupIT {
    private Database database;
    private RecordingDataSource recorded;

    @BeforeEach
    void table(TestDatabase test) throws Exception {
        database = test.database();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("CREATE TABLE IF NOT EXISTS group_probe (id INT PRIMARY KEY, note VARCHAR(20) NULL)");
            s.execute("REPLACE INTO group_probe VALUES (1, 'one'), (2, 'two'), (3, NULL)");
        }
        recorded = new RecordingDataSource(database.dataSource());
    }

    @Test
    @DisplayName("a group of reads is one request, and each query gets its own rows")
    void oneRequestForTheGroup() {
        Result result = read(new Transactions(recorded, 1, null, true));
        assertThat(recorded.statements).hasSize(1);
        assertThat(result.locked()).containsExactly("two");
        assertThat(result.none()).isEmpty();
        assertThat(result.count()).isEqualTo(3);
        assertThat(result.all()).containsExactly("1=one", "2=two", "3=null");
    }

    @Test
    @DisplayName("where several statements per request are not accepted, the queries run one by one, same rows")
    void oneByOneWithoutMultiStatements() {
        Result result = read(new Transactions(recorded));
        assertThat(recorded.statements).hasSize(4);
        assertThat(result).isEqualTo(read(new Transactions(database.dataSource(), 1, null, true)));
    }

    @Test
    @DisplayName("held-back writes go out before the group, so its reads see them")
    void readsSeeHeldBackWrites() {
        long count = new Transactions(recorded, 1, null, true).inTransaction(c -> {
            Sql.updateLater(c, "DELETE FROM group_probe WHERE id = ?", 3);
            QueryGroup group = new QueryGroup();
            QueryGroup.Rows<Long> rows = group.add("SELECT COUNT(*) FROM group_probe", r -> r.getLong(1));
            QueryGroup.Rows<Long> again = group.add("SELECT COUNT(*) FROM group_probe WHERE id = ?", r -> r.getLong(1),
                    3);
            group.run(c);
            assertThat(again.one()).contains(0L);
            c.rollback();
            return rows.one().orElseThrow();
        });
        assertThat(count).isEqualTo(2);
    }

    private record Result(java.util.List<String> locked, java.util.List<String> none, long count,
            java.util.List<String> all) {
    }

    private static Result read(Transactions transactions) {
        return transactions.inTransaction(c -> {
            QueryGroup group = new QueryGroup();
            QueryGroup.Rows<String> locked = group.add("SELECT note FROM group_probe WHERE id = ? FOR UPDATE",
                    r -> r.getString(1), 2);
            QueryGroup.Rows<String> none = group.add("SELECT note FROM group_probe WHERE id = ?", r -> r.getString(1),
                    99);
            QueryGroup.Rows<Long> count = group.add("SELECT COUNT(*) FROM group_probe", r -> r.getLong(1));
            QueryGroup.Rows<String> all = group.add("SELECT id, note FROM group_probe ORDER BY id",
                    r -> r.getInt(1) + "=" + r.getString(2));
            group.run(c);
            return new Result(locked.list(), none.list(), count.one().orElseThrow(), all.list());
        });
    }
}
