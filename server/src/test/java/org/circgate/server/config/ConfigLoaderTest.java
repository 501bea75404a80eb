package org.circgate.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("defaults: SIP2 6001, NCIP 8080, admin 9090 on 127.0.0.1, embedded database under ./data (issue 2)")
    void defaults() {
        ServerConfig config = new ConfigLoader(Map.of()).load(null);
        assertThat(config.sip2().address().getPort()).isEqualTo(6001);
        assertThat(config.ncip().address().getPort()).isEqualTo(8080);
        assertThat(config.admin().address().getPort()).isEqualTo(9090);
        assertThat(config.sip2().address().getHostString()).isEqualTo("127.0.0.1");
        assertThat(config.database().embedded()).isTrue();
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    @DisplayName("the environment overrides the file, the file overrides defaults")
    void environmentOverridesFile() throws IOException {
        Path file = write("sip2:\n  port: 7001\n  idleTimeoutSeconds: 600\nadmin:\n  port: 9191\n");
        ServerConfig config = new ConfigLoader(Map.of("CIRCGATE_SIP2_PORT", "7002", "CIRCGATE_DB_URL",
                "jdbc:mariadb://db:3306/circgate", "CIRCGATE_DB_PASSWORD", "pw")).load(file);
        assertThat(config.sip2().address().getPort()).isEqualTo(7002);
        assertThat(config.sip2().idleTimeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(config.admin().address().getPort()).isEqualTo(9191);
        assertThat(config.database().embedded()).isFalse();
        assertThat(config.database().toString()).doesNotContain("pw");
    }

    @Test
    @DisplayName("a bad value stops start-up with one line naming the key and where it came from")
    void badValueNamesTheKey() throws IOException {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("CIRCGATE_SIP2_PORT", "70000")).load(null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Configuration error: sip2.port (environment variable CIRCGATE_SIP2_PORT) must be between "
                        + "0 and 65535, got '70000'");
        Path file = write("sip2:\n  idleTimeoutSeconds: soon\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
                .hasMessage("Configuration error: sip2.idleTimeoutSeconds (circgate.yml) must be a whole number "
                        + "between 10 and 86400, got 'soon'");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("CIRCGATE_DB_PASSWORD", "hunter2", "CIRCGATE_DB_POOL_SIZE",
                "many")).load(null)).hasMessageNotContaining("hunter2");
    }

    @Test
    @DisplayName("an unknown key in the file is an error, so a typo never falls back to a default")
    void unknownKeyIsAnError() throws IOException {
        Path file = write("sip2:\n  prot: 7001\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
                .hasMessage("Configuration error: sip2.prot (circgate.yml) is not a known key");
    }

    @Test
    @DisplayName("db.url must be a MariaDB JDBC URL; db.passwordFile is read when no password is given")
    void databaseSettings() throws IOException {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("CIRCGATE_DB_URL", "jdbc:postgresql://x/y")).load(null))
                .hasMessageStartingWith("Configuration error: db.url (environment variable CIRCGATE_DB_URL) must");
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "from-file\n");
        ServerConfig config = new ConfigLoader(Map.of("CIRCGATE_DB_URL", "jdbc:mariadb://x/y",
                "CIRCGATE_DB_PASSWORD_FILE", secret.toString())).load(null);
        assertThat(config.database().password()).isEqualTo("from-file");
    }

    @Test
    @DisplayName("every key maps to its documented environment variable")
    void environmentVariableNames() {
        assertThat(ConfigKeys.SIP2_MAX_FRAME_LENGTH.environmentVariable()).isEqualTo("CIRCGATE_SIP2_MAX_FRAME_LENGTH");
        assertThat(ConfigKeys.DATA_DIR.environmentVariable()).isEqualTo("CIRCGATE_DATA_DIR");
        assertThat(ConfigKeys.DB_URL.environmentVariable()).isEqualTo("CIRCGATE_DB_URL");
    }

    @Test
    @DisplayName("the README's configuration table lists every key with its environment variable")
    void readmeListsEveryKey() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            assertThat(readme).as(key.name()).contains("| `" + key.name() + "` | `" + key.environmentVariable() + "` |");
        }
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("circgate.yml");
        Files.writeString(file, yaml);
        return file;
    }
}
