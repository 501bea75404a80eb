package org.circgate.server.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The real database, except that the connection "drops" at the N-th statement: every later call fails as a lost
 * connection would. Lets tests prove that a failure in the middle of a transaction leaves no half-written rows.
 */
public final class FaultInjectingDataSource implements DataSource {
    private static final int DISARMED = Integer.MAX_VALUE;

    private final DataSource real;
    private final AtomicInteger statementsLeft;

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

    public void disarm() {
        statementsLeft.set(DISARMED);
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
