package org.circgate.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool, opened together with the schema migrations: if a migration fails the pool is closed and
 * start-up stops with the migration's message.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    public static final String POOL_NAME = "circgate";

    private final HikariDataSource dataSource;
    private final String description;

    private Database(HikariDataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
    }

    /**
     * Connection settings; the password is never part of {@link #toString()}. {@code socketTimeout} bounds every
     * statement of the pool, {@code migrationTimeout} every statement of a schema migration at start.
     */
    public record Settings(String url, String user, String password, int poolSize, Duration connectTimeout,
            Duration socketTimeout, Duration migrationTimeout) {
        public static final Duration DEFAULT_MIGRATION_TIMEOUT = Duration.ofHours(1);

        public Settings {
            Objects.requireNonNull(url, "url");
            if (poolSize < 1) {
                throw new IllegalArgumentException("poolSize must be positive");
            }
        }

        public Settings(String url, String user, String password, int poolSize, Duration connectTimeout,
                Duration socketTimeout) {
            this(url, user, password, poolSize, connectTimeout, socketTimeout, DEFAULT_MIGRATION_TIMEOUT);
        }

        @Override
        public String toString() {
            return "Settings[url=" + url + ", user=" + user + ", password=***, poolSize=" + poolSize + "]";
        }
    }

    /** Opens the pool, waits until the database answers and migrates the schema. */
    public static Database open(Settings settings, MeterRegistry meters) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setJdbcUrl(withDriverTimeouts(settings, settings.socketTimeout()));
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        config.setValidationTimeout(Math.min(1_000, settings.connectTimeout().toMillis()));
        config.setMaxLifetime(Duration.ofMinutes(30).toMillis());
        // Every unit of work runs in a transaction (Transactions), so connections stay out of auto-commit mode: no
        // "set autocommit" round trips around each one. Hikari rolls back anything left open on return.
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // Lets a transaction send its held-back writes and its COMMIT as one request (DeferredWrites). Every
        // statement circgate sends binds its values as parameters, so no text from a request is ever run as SQL.
        config.addDataSourceProperty("allowMultiQueries", "true");
        // Fail fast at start: a wrong URL or password is reported now, not at the first kiosk request.
        config.setInitializationFailTimeout(settings.connectTimeout().toMillis());
        config.setThreadFactory(daemonThreads("hikari-" + POOL_NAME));
        if (meters != null) {
            config.setMetricRegistry(meters);
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseStartException("Cannot connect to the database at " + settings.url() + ": "
                    + rootMessage(e), e);
        }
        try {
            requireSeveralStatementsPerRequest(dataSource);
        } catch (SQLException e) {
            dataSource.close();
            throw new DatabaseStartException("The database connection must accept several statements in one request "
                    + "(circgate sets allowMultiQueries=true; db.url must not turn it off): "
                    + rootMessage(e), e);
        }
        try {
            migrate(settings);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new DatabaseStartException("Database migration failed, circgate will not start: " + rootMessage(e), e);
        }
        return new Database(dataSource, settings.url());
    }

    /** Transactions group their reads and send their writes with the COMMIT (QueryGroup, DeferredWrites). */
    private static void requireSeveralStatementsPerRequest(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT ?;\nSELECT ?")) {
            statement.setInt(1, 1);
            statement.setInt(2, 2);
            statement.execute();
            if (!statement.getMoreResults()) {
                throw new SQLException("the second statement of a request returned nothing");
            }
            try (ResultSet second = statement.getResultSet()) {
                if (!second.next() || second.getInt(1) != 2) {
                    throw new SQLException("the second statement of a request answered wrongly");
                }
            }
            connection.rollback();
        }
    }

    /**
     * Runs the migrations on connections of their own: a pooled connection gives up on a statement after the
     * request-sized {@code socketTimeout}, and a migration that rewrites a large library's tables may take minutes
     * (MariaDB cannot roll DDL back, so a cut-off migration leaves work half done; ours can run again over it).
     */
    private static void migrate(Settings settings) {
        try {
            var result = Flyway.configure()
                    .dataSource(withDriverTimeouts(settings, settings.migrationTimeout()), settings.user(),
                            settings.password())
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("Database schema migrated to version {} ({} migrations)", result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw e;
        }
    }

    /** Bounded driver timeouts so a dead database cannot hang a worker forever. */
    private static String withDriverTimeouts(Settings settings, Duration socketTimeout) {
        String url = settings.url();
        String separator = url.contains("?") ? "&" : "?";
        StringBuilder extra = new StringBuilder();
        if (!url.contains("connectTimeout=")) {
            extra.append("connectTimeout=").append(settings.connectTimeout().toMillis());
        }
        if (!url.contains("socketTimeout=")) {
            extra.append(extra.length() > 0 ? "&" : "").append("socketTimeout=").append(socketTimeout.toMillis());
        }
        return extra.length() == 0 ? url : url + separator + extra;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * True when the database answers a trivial query within the timeout, on a connection of its own: a pool busy
     * with kiosk traffic is not a dead database, and readiness must not say so.
     */
    public boolean isReachable(Duration timeout) {
        try (Connection connection = DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                dataSource.getPassword());
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            return connection.isValid((int) Math.max(1, timeout.toSeconds())) && statement.execute("SELECT 1");
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
