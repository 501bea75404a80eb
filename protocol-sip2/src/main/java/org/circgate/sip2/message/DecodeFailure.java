package org.circgate.sip2.message;

/** Internal control flow of the reader: a content error, caught by {@link Sip2MessageReader}. Stackless. */
final class DecodeFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final transient Sip2DecodeError error;

    DecodeFailure(Sip2DecodeError error, String detail) {
        super(detail, null, false, false);
        this.error = error;
    }
}
