package org.circgate.server.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A transaction's connection that holds back writes whose outcome nobody reads (audit rows, resend records, counters)
 * and sends them in one round trip: with the COMMIT when the transaction ends, or just before the next statement
 * of the transaction, so the transaction still reads its own writes in order. Every request costs a network round
 * trip and a thread wake-up on both sides; an 11+09 pair sent 25 of them before, 4 now (README, Measurements).
 *
 * <p>Needs a connection that accepts several statements in one request ({@code allowMultiQueries}); the pool sets
 * that. A held-back write that fails fails the flush, and so the transaction, which then rolls back as a whole. The
 * failure may surface at an unrelated statement whose caller expects errors of its own (a duplicate-key catch), so
 * it is also remembered: the transaction cannot commit after it, whatever the caller did with the exception.
 */
final class DeferredWrites implements InvocationHandler {
    private final Connection target;
    private final List<WriteMerge.Write> pending = new ArrayList<>();
    /** Where the units of a shared transaction begin in {@link #pending} ({@link WriteMerge}). */
    private final List<Integer> unitStarts = new ArrayList<>();
    /** Objects the transaction's code shares for its duration, by type. */
    private final Map<Class<?>, Object> attachments = new HashMap<>();
    private SQLException failedFlush;

    private DeferredWrites(Connection target) {
        this.target = target;
    }

    /** {@code target} as seen by a transaction's work. */
    static Connection wrap(Connection target) {
        return (Connection) Proxy.newProxyInstance(DeferredWrites.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new DeferredWrites(target));
    }

    /** The deferring handler behind {@code connection}, or null for a plain connection. */
    static DeferredWrites of(Connection connection) {
        return Proxy.isProxyClass(connection.getClass())
                && Proxy.getInvocationHandler(connection) instanceof DeferredWrites writes ? writes : null;
    }

    void add(String sql, Object... params) {
        pending.add(new WriteMerge.Write(sql, params.clone()));
    }

    /** The writes from here on are one unit's, until the next call (see {@link Transactions#startUnit}). */
    void startUnit() {
        unitStarts.add(pending.size());
    }

    <T> void attach(Class<T> type, T value) {
        attachments.put(type, value);
    }

    <T> T attachment(Class<T> type) {
        return type.cast(attachments.get(type));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "prepareStatement", "prepareCall", "createStatement", "setAutoCommit", "setSavepoint" -> flush(false);
            case "commit" -> flush(true);
            case "rollback", "close", "abort" -> {
                pending.clear();
                unitStarts.clear();
                attachments.clear();
                failedFlush = null;
            }
            case "toString" -> {
                return "DeferredWrites[" + pending.size() + " pending, " + target + "]";
            }
            case "equals" -> {
                return proxy == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            default -> {
                // Everything else goes straight to the pooled connection.
            }
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Sends what is held back, as one request; with {@code commit}, the COMMIT goes in the same request. */
    private void flush(boolean commit) throws SQLException {
        if (failedFlush != null) {
            throw new SQLException("held-back writes of this transaction failed: " + failedFlush.getMessage(),
                    failedFlush.getSQLState(), failedFlush.getErrorCode(), failedFlush);
        }
        if (pending.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (WriteMerge.Write write : WriteMerge.merge(pending, unitStarts)) {
            sql.append(write.sql()).append(";\n");
            params.addAll(Arrays.asList(write.params()));
        }
        if (commit) {
            sql.append("COMMIT");
        } else {
            sql.setLength(sql.length() - 2);
        }
        pending.clear();
        unitStarts.clear();
        try (PreparedStatement statement = target.prepareStatement(sql.toString())) {
            Sql.bind(statement, params.toArray());
            // The driver reads every result of the request here and throws at the first error; MariaDB runs none
            // of the statements after a failed one, so the COMMIT never runs after a failure.
            statement.execute();
        } catch (SQLException e) {
            failedFlush = e;
            throw e;
        }
    }
}
