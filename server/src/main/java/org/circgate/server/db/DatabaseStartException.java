package org.circgate.server.db;

/** The database could not be started, reached or migrated; start-up stops with this message. */
public final class DatabaseStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
