package org.circgate.server.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The few JDBC moves the repositories make, with positional binding only. Instants travel as UTC wall-clock
 * {@link LocalDateTime}s, which is how every DATETIME column is stored.
 */
public final class Sql {
    private Sql() {
    }

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    public static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    public static <T> Optional<T> one(Connection connection, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
            }
        }
    }

    public static long count(Connection connection, String sql, Object... params) throws SQLException {
        return one(connection, sql, row -> row.getLong(1), params).orElse(0L);
    }

    public static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    /**
     * An INSERT, UPDATE or DELETE whose row count nobody reads (audit rows, resend records, counters). Inside a
     * transaction that defers writes ({@link Transactions}) it is held back and sent in one round trip with the
     * others, at the commit or before the transaction's next statement; on any other connection it runs now.
     */
    public static void updateLater(Connection connection, String sql, Object... params) throws SQLException {
        DeferredWrites writes = DeferredWrites.of(connection);
        if (writes == null) {
            update(connection, sql, params);
        } else {
            writes.add(sql, params);
        }
    }

    /**
     * Ends a locking read that takes the rows no other transaction holds and leaves out the rest instead of waiting
     * for them; the caller deals with what is missing.
     */
    public static final String FOR_UPDATE_SKIP_LOCKED = " FOR UPDATE SKIP LOCKED";

    /**
     * Starts a statement that runs without MariaDB's subquery cache. The cache keeps each correlated subquery's
     * results in a temporary table of its own, made for every statement that reads more than one row: dearer than
     * the subqueries it spares when the rows seldom repeat a value (MariaDB only, as is all of circgate's SQL).
     */
    public static final String WITHOUT_SUBQUERY_CACHE = "SET STATEMENT optimizer_switch='subquery_cache=off' FOR ";

    /** The placeholders of an IN list of {@code count} values: {@code (?, ?, ?)}. */
    public static String inList(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("an IN list needs at least one value: " + count);
        }
        StringBuilder marks = new StringBuilder(count * 3 + 1).append('(');
        for (int i = 0; i < count; i++) {
            marks.append(i == 0 ? "?" : ", ?");
        }
        return marks.append(')').toString();
    }

    /** {@code first} followed by {@code rest}, as the parameters of a statement with an IN list. */
    public static Object[] params(Object first, Collection<?> rest) {
        Object[] params = new Object[rest.size() + 1];
        params[0] = first;
        int i = 1;
        for (Object value : rest) {
            params[i++] = value;
        }
        return params;
    }

    /** Runs an INSERT and returns the generated key. */
    public static long insert(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, params);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /** Binds by the value's type; typed setters skip the driver's search for a codec that setObject makes. */
    public static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            int index = i + 1;
            Object value = params[i];
            if (value == null) {
                statement.setNull(index, Types.NULL);
            } else if (value instanceof Long number) {
                statement.setLong(index, number);
            } else if (value instanceof Integer number) {
                statement.setInt(index, number);
            } else if (value instanceof String text) {
                statement.setString(index, text);
            } else if (value instanceof Boolean flag) {
                statement.setBoolean(index, flag);
            } else if (value instanceof byte[] bytes) {
                statement.setBytes(index, bytes);
            } else if (value instanceof Instant instant) {
                statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else {
                statement.setObject(index, value);
            }
        }
    }

    /** A DATETIME column read as the UTC instant it stores; null stays null. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    public static LocalDate date(ResultSet row, String column) throws SQLException {
        java.sql.Date value = row.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** True for a duplicate-key error (MariaDB 1062). */
    public static boolean isDuplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }
}
