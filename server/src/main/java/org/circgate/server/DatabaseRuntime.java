package org.circgate.server;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.circgate.server.config.ServerConfig;
import org.circgate.server.db.Database;
import org.circgate.server.db.EmbeddedMariaDb;
import org.circgate.server.db.Transactions;
import org.circgate.server.security.SecretHasher;

/**
 * The database side of a running circgate: the embedded MariaDB when no URL is configured, the migrated pool, the
 * transaction template. Closing it closes the pool first, then stops the embedded server.
 */
public final class DatabaseRuntime implements AutoCloseable {
    private final EmbeddedMariaDb embedded;
    private final Database database;
    private final Transactions transactions;
    private final SecretHasher hasher;

    private DatabaseRuntime(EmbeddedMariaDb embedded, Database database, Transactions transactions,
            SecretHasher hasher) {
        this.embedded = embedded;
        this.database = database;
        this.transactions = transactions;
        this.hasher = hasher;
    }

    public static DatabaseRuntime open(ServerConfig config, MeterRegistry meters) {
        return open(config, meters, null);
    }

    public static DatabaseRuntime open(ServerConfig config, MeterRegistry meters,
            Transactions.RetryListener retries) {
        return open(config, meters, retries, UnaryOperator.identity());
    }

    /**
     * {@code decorator} wraps the pool for every transaction; only tests pass anything but identity (to make the
     * database fail in the middle of a request).
     */
    public static DatabaseRuntime open(ServerConfig config, MeterRegistry meters,
            Transactions.RetryListener retries, UnaryOperator<DataSource> decorator) {
        ServerConfig.DatabaseConfig db = config.database();
        EmbeddedMariaDb embedded = null;
        Database.Settings settings;
        if (db.embedded()) {
            embedded = EmbeddedMariaDb.start(config.dataDir().resolve("mariadb"), db.embeddedPort());
            settings = new Database.Settings(embedded.jdbcUrl(), embedded.user(), embedded.password(), db.poolSize(),
                    db.connectTimeout(), db.socketTimeout(), db.migrationTimeout());
        } else {
            settings = new Database.Settings(db.url(), db.user(), db.password(), db.poolSize(), db.connectTimeout(),
                    db.socketTimeout(), db.migrationTimeout());
        }
        try {
            Database database = Database.open(settings, meters);
            return new DatabaseRuntime(embedded, database,
                    new Transactions(decorator.apply(database.dataSource()), Transactions.DEFAULT_MAX_ATTEMPTS,
                            retries, true), SecretHasher.withLimits(config.maxConcurrentHashes(),
                            config.hashWait()));
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    public Transactions transactions() {
        return transactions;
    }

    public SecretHasher hasher() {
        return hasher;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Where the data lives, for the start-up line. */
    public String describe() {
        return embedded != null ? "embedded MariaDB on 127.0.0.1:" + embedded.port() : database.description();
    }

    /** True when no institution has been loaded yet. */
    public boolean isEmpty() {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM institution");
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 0;
            }
        });
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
