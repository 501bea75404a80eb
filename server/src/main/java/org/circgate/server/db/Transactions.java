package org.circgate.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Runs units of work in one short transaction each. A deadlock (1213) or lock-wait timeout (1205) rolls back and
 * runs the whole unit again, a bounded number of times; nothing relies on the driver replaying statements. Any other
 * failure rolls back and surfaces as {@link PersistenceException}, so a request never leaves half-written rows.
 */
public final class Transactions {
    /** Why a transaction was run again; the metrics label. */
    public enum RetryCause {
        DEADLOCK, LOCK_WAIT, CONNECTION
    }

    /** Told about each retry (metrics). */
    @FunctionalInterface
    public interface RetryListener {
        void retried(RetryCause cause);
    }

    /** The body of a transaction; it may run more than once, so it must not have effects outside the database. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public static final int DEFAULT_MAX_ATTEMPTS = 4;

    private final DataSource dataSource;
    private final int maxAttempts;
    private final RetryListener listener;
    private final boolean deferWrites;

    /**
     * @param deferWrites hold back {@link Sql#updateLater} writes and send them with the commit (see
     *                    {@link DeferredWrites}); the data source must accept several statements in one request
     */
    public Transactions(DataSource dataSource, int maxAttempts, RetryListener listener, boolean deferWrites) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.listener = listener == null ? cause -> { } : listener;
        this.deferWrites = deferWrites;
    }

    public Transactions(DataSource dataSource, int maxAttempts, RetryListener listener) {
        this(dataSource, maxAttempts, listener, false);
    }

    public Transactions(DataSource dataSource) {
        this(dataSource, DEFAULT_MAX_ATTEMPTS, null);
    }

    public <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            Connection pooled;
            try {
                pooled = dataSource.getConnection();
            } catch (SQLException e) {
                // Nothing has run yet, so getting a connection may be tried again safely.
                if (attempt < maxAttempts && e instanceof SQLTransientConnectionException) {
                    listener.retried(RetryCause.CONNECTION);
                    backOff(attempt);
                    continue;
                }
                throw new PersistenceException("database unavailable: " + Database.rootMessage(e), e);
            }
            Connection connection = deferWrites ? DeferredWrites.wrap(pooled) : pooled;
            try (connection) {
                // The pool hands out connections with auto-commit off, so this costs no round trip there; a plain
                // DataSource (tests, tools) gets it switched off here and back on afterwards.
                boolean switched = connection.getAutoCommit();
                if (switched) {
                    connection.setAutoCommit(false);
                }
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (Throwable e) {
                    rollbackQuietly(connection, e);
                    RetryCause cause = retryCause(e);
                    if (cause != null && attempt < maxAttempts) {
                        listener.retried(cause);
                        backOff(attempt);
                        continue;
                    }
                    throw e;
                } finally {
                    if (switched) {
                        restoreAutoCommit(connection);
                    }
                }
            } catch (SQLException e) {
                throw new PersistenceException("database error: " + Database.rootMessage(e), e);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new PersistenceException("transaction failed: " + e.getMessage(), e);
            }
        }
    }

    /** Runs {@code work} in a transaction that returns nothing. */
    public void execute(VoidWork work) {
        inTransaction(connection -> {
            work.run(connection);
            return null;
        });
    }

    @FunctionalInterface
    public interface VoidWork {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Marks the start of one unit's writes in a transaction shared by several units that touch disjoint rows: their
     * held-back writes may then be merged across units ({@link WriteMerge}). Does nothing on a connection that does
     * not hold writes back.
     */
    public static void startUnit(Connection connection) {
        DeferredWrites writes = DeferredWrites.of(connection);
        if (writes != null) {
            writes.startUnit();
        }
    }

    /**
     * Shares {@code value} with the code that runs in this transaction (rows read ahead for its units, for example);
     * it is dropped when the transaction ends. Returns false on a connection that does not hold writes back, which
     * cannot carry it.
     */
    public static <T> boolean attach(Connection connection, Class<T> type, T value) {
        DeferredWrites writes = DeferredWrites.of(connection);
        if (writes == null) {
            return false;
        }
        writes.attach(type, value);
        return true;
    }

    /** What {@link #attach} shared under {@code type} in this transaction, or null. */
    public static <T> T attachment(Connection connection, Class<T> type) {
        DeferredWrites writes = DeferredWrites.of(connection);
        return writes == null ? null : writes.attachment(type);
    }

    static RetryCause retryCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                if (sql.getErrorCode() == 1213 || "40001".equals(sql.getSQLState())) {
                    return RetryCause.DEADLOCK;
                }
                if (sql.getErrorCode() == 1205) {
                    return RetryCause.LOCK_WAIT;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static void backOff(int attempt) {
        long millis = ThreadLocalRandom.current().nextLong(1, 5L << attempt);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PersistenceException("interrupted while retrying a transaction", e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // The pool discards a broken connection on return.
        }
    }
}
