package org.circgate.server.db;

/** A database operation failed for a reason the caller cannot fix by retrying the same transaction. */
public class PersistenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
