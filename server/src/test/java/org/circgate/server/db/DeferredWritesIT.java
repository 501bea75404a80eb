package org.circgate.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5 (durable 11+09 pairs, fewer round trips) without giving up DESIGN.md 5 (one transaction per request, never
 * half-written rows): held-back writes go out with the commit in one request, in order, visible to the transaction's
 * own later reads, and fail or roll back with the whole transaction.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class DeferredWritesIT {
    private Database database;
    private RecordingDataSource recorded;
    private Transactions transactions;

    @BeforeEach
    void table(TestDatabase test) throws Exception {
        database = test.database();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("CREATE TABLE IF NOT EXISTS deferred_probe (id INT PRIMARY KEY, note VARCHAR(20) NULL)");
            s.execute("DELETE FROM deferred_probe");
        }
        recorded = new RecordingDataSource(database.dataSource());
        transactions = new Transactions(recorded, 1, null, true);
    }

    @Test
    @DisplayName("writes held back go out with the COMMIT as one request, and are committed")
    void writesGoOutWithTheCommit() throws Exception {
        transactions.execute(c -> {
            Sql.updateLater(c, "INSERT INTO deferred_probe (id, note) VALUES (?, ?)", 1, "first");
            Sql.updateLater(c, "INSERT INTO deferred_probe (id, note) VALUES (?, ?)", 2, null);
            Sql.updateLater(c, "UPDATE deferred_probe SET note = ? WHERE id = ?", "changed", 1);
            assertThat(recorded.statements).as("nothing sent before the commit").isEmpty();
        });
        assertThat(recorded.statements).hasSize(1);
        assertThat(recorded.statements.get(0)).contains("INSERT", "UPDATE").endsWith("COMMIT");
        assertThat(rows()).containsExactly("1=changed", "2=null");
    }

    @Test
    @DisplayName("a read after held-back writes sees them: they are sent first, in order")
    void theTransactionReadsItsOwnWrites() {
        long seen = transactions.inTransaction(c -> {
            Sql.updateLater(c, "INSERT INTO deferred_probe (id) VALUES (?)", 7);
            return Sql.count(c, "SELECT COUNT(*) FROM deferred_probe WHERE id = ?", 7);
        });
        assertThat(seen).isEqualTo(1);
        assertThat(recorded.statements).hasSize(2);
        assertThat(recorded.statements.get(0)).doesNotContain("COMMIT");
    }

    @Test
    @DisplayName("a held-back write that fails fails the transaction, and nothing of it stays")
    void aFailingWriteRollsBackTheWholeTransaction() throws Exception {
        assertThatThrownBy(() -> transactions.execute(c -> {
            Sql.update(c, "INSERT INTO deferred_probe (id, note) VALUES (?, ?)", 1, "immediate");
            Sql.updateLater(c, "INSERT INTO deferred_probe (id, note) VALUES (?, ?)", 2, "later");
            Sql.updateLater(c, "INSERT INTO deferred_probe (id, note) VALUES (?, ?)", 1, "duplicate");
            Sql.updateLater(c, "INSERT INTO deferred_probe (id, note) VALUES (?, ?)", 3, "after");
        })).isInstanceOf(PersistenceException.class).hasMessageContaining("Duplicate entry");
        assertThat(rows()).isEmpty();
    }

    @Test
    @DisplayName("a failed flush stays failed: a caller that swallows the error cannot commit half the writes")
    void aSwallowedFlushFailureStillFailsTheCommit() throws Exception {
        assertThatThrownBy(() -> transactions.execute(c -> {
            Sql.update(c, "INSERT INTO deferred_probe (id, note) VALUES (?, ?)", 1, "immediate");
            Sql.updateLater(c, "INSERT INTO deferred_probe (id, note) VALUES (?, ?)", 2, "later");
            Sql.updateLater(c, "INSERT INTO deferred_probe (id, note) VALUES (?, ?)", 1, "duplicate");
            try {
                // As a duplicate-key catch around an unrelated insert would do.
                Sql.update(c, "INSERT INTO deferred_probe (id, note) VALUES (?, ?)", 9, "own");
            } catch (SQLException expected) {
                assertThat(Sql.isDuplicateKey(expected)).isTrue();
            }
        })).isInstanceOf(PersistenceException.class).hasMessageContaining("Duplicate entry");
        assertThat(rows()).isEmpty();
    }

    @Test
    @DisplayName("work that throws discards what it held back")
    void aFailedUnitSendsNothing() throws Exception {
        assertThatThrownBy(() -> transactions.execute(c -> {
            Sql.updateLater(c, "INSERT INTO deferred_probe (id) VALUES (?)", 1);
            throw new SQLException("refused by the work itself");
        })).isInstanceOf(PersistenceException.class);
        assertThat(recorded.statements).isEmpty();
        assertThat(rows()).isEmpty();
    }

    @Test
    @DisplayName("without deferral (plain data sources) a write runs at once")
    void plainTransactionsWriteAtOnce() throws Exception {
        new Transactions(recorded).execute(c -> {
            Sql.updateLater(c, "INSERT INTO deferred_probe (id) VALUES (?)", 1);
            assertThat(recorded.statements).hasSize(1);
        });
        assertThat(rows()).containsExactly("1=null");
    }

    private List<String> rows() throws SQLException {
        return new Transactions(database.dataSource()).inTransaction(c -> Sql.list(c,
                "SELECT id, note FROM deferred_probe ORDER BY id", r -> r.getInt(1) + "=" + r.getString(2)));
    }
}
