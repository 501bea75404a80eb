package org.circgate.server.lifecycle;

/** Start-up stopped for a reason the operator can fix (a port in use, an unreadable certificate, ...). */
public final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
