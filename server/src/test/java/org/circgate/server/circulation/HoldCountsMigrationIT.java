package org.circgate.server.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.circgate.server.db.Database;
import org.circgate.server.testing.EmbeddedDatabaseExtension;
import org.circgate.server.testing.ServerFixture;
import org.circgate.server.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * V11__hold_counters.sql on a database that already has holds: MariaDB cannot roll DDL back, so a migration cut
 * short (a timeout, a restart) leaves its columns and some triggers behind without recording the migration, and the
 * next start runs it again. It must then finish: the triggers in place and every count recounted.
 */
@ExtendWith(EmbeddedDatabaseExtension.class)
class HoldCountsMigrationIT {

    @Test
    @DisplayName("a hold-count migration cut short runs again over what it left and recounts")
    void rerunsOverAPartialRun(TestDatabase database) throws SQLException {
        ServerFixture.start(database).close(); // migrates and imports the demo library, which has holds
        try (Database first = Database.open(database.settings(), null);
                Connection c = first.dataSource().getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            // What a run cut off after the columns and one trigger leaves: no history row, wrong counts.
            s.execute("DELETE FROM flyway_schema_history WHERE version = '11'");
            s.execute("DROP TRIGGER hold_counts_after_update");
            s.execute("DROP TRIGGER hold_counts_after_delete");
            s.execute("UPDATE item SET active_holds = 7");
            s.execute("UPDATE patron SET active_holds = 0");
        }
        try (Database again = Database.open(database.settings(), null);
                Connection c = again.dataSource().getConnection();
                Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '11' AND success"))
                    .isEqualTo(1);
            assertThat(single(s, "SELECT COUNT(*) FROM information_schema.triggers"
                    + " WHERE trigger_schema = DATABASE() AND trigger_name LIKE 'hold_counts_after_%'")).isEqualTo(3);
            assertThat(single(s, "SELECT COUNT(*) FROM hold WHERE status IN ('WAITING', 'IN_TRANSIT', 'AVAILABLE')"))
                    .isPositive();
            assertThat(single(s, """
                    SELECT COUNT(*) FROM item i WHERE i.active_holds <> (SELECT COUNT(*) FROM hold h
                     WHERE h.item_id = i.id AND h.status IN ('WAITING', 'IN_TRANSIT', 'AVAILABLE'))""")).isZero();
            assertThat(single(s, """
                    SELECT COUNT(*) FROM patron p WHERE p.active_holds <> (SELECT COUNT(*) FROM hold h
                     WHERE h.patron_id = p.id AND h.status IN ('WAITING', 'IN_TRANSIT', 'AVAILABLE'))""")).isZero();
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
