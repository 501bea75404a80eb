package org.circgate.ncip;

import javax.xml.stream.XMLStreamException;

/** Thrown inside the StAX filter to stop a parse; the reader turns it into a {@link NcipReadError} value. */
final class RefusedInputException extends XMLStreamException {

    private static final long serialVersionUID = 1L;

    private final NcipReadError error;

    RefusedInputException(NcipReadError error, String message) {
        super(message);
        this.error = error;
    }

    NcipReadError error() {
        return error;
    }
}
