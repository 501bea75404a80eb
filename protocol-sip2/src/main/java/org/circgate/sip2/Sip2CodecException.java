package org.circgate.sip2;

import io.netty.handler.codec.CodecException;

/**
 * The one codec exception of this module. Content errors are not thrown: they travel as values (an invalid decoded
 * message, whose {@code decoderResult()} wraps one of these as its cause). It is thrown only for programming errors on
 * the way out, e.g. a server asked to encode a request.
 */
public final class Sip2CodecException extends CodecException {

    private static final long serialVersionUID = 1L;

    public Sip2CodecException(String message) {
        super(message);
    }
}
