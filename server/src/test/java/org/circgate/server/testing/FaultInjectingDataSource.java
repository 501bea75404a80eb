package org.circgate.server.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The real database, except that the connection "drops" at the N-th statement, or at the first statement whose SQL
 * matches: every later statement fails as on a lost connection. Lets tests prove that a failure in the middle of a
 * transaction leaves no half-written rows.
 */
public final class FaultInjectingDataSource implements DataSource {
    private static final int DISARMED = Integer.MAX_VALUE;

    private final DataSource real;
    private final AtomicInteger statementsLeft;
    private final AtomicReference<Predicate<String>> failingSql = new AtomicReference<>();

    public FaultInjectingDataSource(DataSource real, int failAtStatement) {
        this.real = real;
        this.statementsLeft = new AtomicInteger(failAtStatement);
    }

    /** A data source that works until {@link #failAfter} arms it. */
    public static FaultInjectingDataSource disarmed(DataSource real) {
        return new FaultInjectingDataSource(real, DISARMED);
    }

    /** From now on, the {@code statements}-th statement and every one after it fails. */
    public void failAfter(int statements) {
        statementsLeft.set(statements);
    }

    /**
     * From now on, the first statement whose SQL matches fails, and every one after it. Transactions send several
     * statements in one request (grouped reads, held-back writes with the COMMIT), so matching the SQL picks a point
     * in the transaction more reliably than counting requests.
     */
    public void failWhen(Predicate<String> sql) {
        failingSql.set(sql);
    }

    public void disarm() {
        statementsLeft.set(DISARMED);
        failingSql.set(null);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(real.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(real.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    boolean statement = name.equals("prepareStatement") || name.equals("createStatement");
                    if (statement && statementsLeft.get() != DISARMED && statementsLeft.decrementAndGet() < 0) {
                        throw new SQLNonTransientConnectionException("injected: connection lost", "08S01");
                    }
                    Predicate<String> failing = failingSql.get();
                    if (statement && failing != null && args != null && args.length > 0
                            && args[0] instanceof String sql && failing.test(sql)) {
                        statementsLeft.set(0);
                        throw new SQLNonTransientConnectionException("injected: connection lost", "08S01");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return real.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        real.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        real.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return real.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return real.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return real.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return real.isWrapperFor(iface);
    }
}
