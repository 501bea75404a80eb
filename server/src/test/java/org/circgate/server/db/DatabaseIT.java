package org.circgate.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedDatabaseExtension.class)
class DatabaseIT {

    @Test
    void migrationsCreateTheCoreSchemaWithAPrimaryKeyOnEveryTable(TestDatabase test) throws Exception {
        Database database = test.database();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery("""
                        SELECT t.table_name, t.engine,
                               (SELECT COUNT(*) FROM information_schema.table_constraints c
                                 WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                                   AND c.constraint_type = 'PRIMARY KEY') AS pks
                          FROM information_schema.tables t
                         WHERE t.table_schema = DATABASE()""")) {
            int count = 0;
            while (tables.next()) {
                count++;
                assertThat(tables.getString("engine")).as(tables.getString(1)).isEqualTo("InnoDB");
                assertThat(tables.getInt("pks")).as("primary key of " + tables.getString(1)).isEqualTo(1);
            }
            assertThat(count).isGreaterThanOrEqualTo(10);
        }
        assertThat(database.isReachable(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void aWrongPasswordStopsStartUpWithOneClearMessage(TestDatabase test) {
        Database.Settings wrong = new Database.Settings(test.settings().url(), test.settings().user(), "wrong", 2,
                Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThatThrownBy(() -> Database.open(wrong, null))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessageStartingWith("Cannot connect to the database at " + test.settings().url())
                .hasMessageNotContaining("wrong");
    }

    @Test
    void aUrlThatRefusesSeveralStatementsPerRequestStopsStartUp(TestDatabase test) {
        // Grouped reads and writes sent with the COMMIT (issue 5) need them; better a clear stop than failing checkouts.
        Database.Settings single = new Database.Settings(test.settings().url() + "?allowMultiQueries=false",
                test.settings().user(), test.settings().password(), 2, Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThatThrownBy(() -> Database.open(single, null))
                .isInstanceOf(DatabaseStartException.class)
                .hasMessageStartingWith("The database connection must accept several statements in one request");
    }

    @Test
    void serverSidePreparedStatementsStillCarrySeveralStatementsPerRequest(TestDatabase test) {
        // A db.url asking for server-side prepared statements: grouped reads and held-back writes must still work.
        Database.Settings server = new Database.Settings(test.settings().url() + "?useServerPrepStmts=true",
                test.settings().user(), test.settings().password(), 2, Duration.ofSeconds(2), Duration.ofSeconds(5));
        try (Database database = Database.open(server, null)) {
            Transactions transactions = new Transactions(database.dataSource(), 1, null, true);
            long rows = transactions.inTransaction(c -> {
                Sql.updateLater(c, "CREATE TEMPORARY TABLE IF NOT EXISTS prep_probe (id INT PRIMARY KEY)");
                Sql.updateLater(c, "INSERT INTO prep_probe VALUES (?)", 1);
                QueryGroup group = new QueryGroup();
                QueryGroup.Rows<Long> count = group.add("SELECT COUNT(*) FROM prep_probe", r -> r.getLong(1));
                QueryGroup.Rows<Long> one = group.add("SELECT ?", r -> r.getLong(1), 1L);
                group.run(c);
                return count.one().orElseThrow() + one.one().orElseThrow();
            });
            assertThat(rows).isEqualTo(2);
        }
    }
}
