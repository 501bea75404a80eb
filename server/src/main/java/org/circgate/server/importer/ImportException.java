package org.circgate.server.importer;

/** The file was not imported; the message names the record and the field. Nothing of the file was applied. */
public final class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
