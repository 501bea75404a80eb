package org.circgate.ncip;

/** A response could not be marshalled: a defect in how it was built, never caused by input. */
public final class NcipWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NcipWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
