package org.circgate.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DESIGN.md 5: one short transaction per request, a deadlock retried as a whole, never half-written rows. */
@ExtendWith(EmbeddedDatabaseExtension.class)
class TransactionsIT {

    @Test
    @DisplayName("a real InnoDB deadlock (1213) is retried as a whole transaction and both units complete")
    void deadlockIsRetried(TestDatabase test) throws Exception {
        Database database = test.database();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("CREATE TABLE IF NOT EXISTS deadlock_probe (id INT PRIMARY KEY, n INT NOT NULL)");
            s.execute("REPLACE INTO deadlock_probe VALUES (1, 0), (2, 0)");
        }
        List<Transactions.RetryCause> retries = new CopyOnWriteArrayList<>();
        Transactions transactions = new Transactions(database.dataSource(), 4, retries::add);
        CyclicBarrier bothHoldFirstRow = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> forward = pool.submit(() -> transactions.execute(c -> lockInOrder(c, 1, 2, bothHoldFirstRow,
                    attempts)));
            Future<?> backward = pool.submit(() -> transactions.execute(c -> lockInOrder(c, 2, 1, bothHoldFirstRow,
                    attempts)));
            forward.get(60, TimeUnit.SECONDS);
            backward.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(retries).contains(Transactions.RetryCause.DEADLOCK);
        assertThat(attempts.get()).isGreaterThan(2);
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                var rows = s.executeQuery("SELECT SUM(n) FROM deadlock_probe")) {
            rows.next();
            assertThat(rows.getInt(1)).as("each unit committed exactly once: 2 rows x 2 units").isEqualTo(4);
        }
    }

    @Test
    @DisplayName("any other failure rolls the whole unit back and surfaces as PersistenceException")
    void failureRollsBack(TestDatabase test) throws Exception {
        Database database = test.database();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS rollback_probe (id INT PRIMARY KEY)");
        }
        Transactions transactions = new Transactions(database.dataSource());
        assertThatThrownBy(() -> transactions.execute(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO rollback_probe VALUES (1)");
                s.execute("INSERT INTO rollback_probe VALUES (1)");
            }
        })).isInstanceOf(PersistenceException.class).hasMessageContaining("Duplicate entry");
        int stored = transactions.inTransaction(c -> {
            try (Statement s = c.createStatement(); var rows = s.executeQuery("SELECT COUNT(*) FROM rollback_probe")) {
                rows.next();
                return rows.getInt(1);
            }
        });
        assertThat(stored).isZero();
    }

    @Test
    @DisplayName("a failed migration stops start-up with a clear message (issue 2)")
    void failedMigrationStopsStartUp(TestDatabase test) throws Exception {
        String name = test.name() + "_broken";
        test.server().createDatabase(name);
        Database.Settings settings = new Database.Settings(test.server().jdbcUrl(name), test.settings().user(),
                test.settings().password(), 2, Duration.ofSeconds(5), Duration.ofSeconds(10));
        // A table in the way of V1, and no schema history: Flyway refuses to migrate a non-empty schema.
        try (Connection c = java.sql.DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE institution (id INT PRIMARY KEY)");
        }
        assertThatThrownBy(() -> Database.open(settings, null))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessageStartingWith("Database migration failed, circgate will not start:");
    }

    private static void lockInOrder(Connection c, int first, int second, CyclicBarrier barrier, AtomicInteger attempts)
            throws java.sql.SQLException {
        int attempt = attempts.incrementAndGet();
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE deadlock_probe SET n = n + 1 WHERE id = " + first);
            if (attempt <= 2) {
                try {
                    barrier.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // the other side already retried; go on
                }
            }
            s.execute("UPDATE deadlock_probe SET n = n + 1 WHERE id = " + second);
        }
    }
}
