package org.circgate.sip2.message;

import io.netty.handler.codec.DecoderResult;
import java.util.Objects;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.Sip2Command;

/**
 * A frame that decoded into a message (a {@link Sip2Request} on the server, a {@link Sip2Response} on the client),
 * with its trailer as received.
 *
 * @param message          the typed message
 * @param errorDetection   the trailer as received
 * @param receivedChecksum the AZ value, or {@link Sip2Inbound#NO_CHECKSUM}
 * @param resendKey        see {@link Sip2Inbound#resendKey()}
 */
public record DecodedMessage(Sip2Message message, ErrorDetection errorDetection, int receivedChecksum,
        long resendKey) implements Sip2Inbound {

    public DecodedMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(errorDetection, "errorDetection");
    }

    /** A message as if received without a trailer (tests, in-process use). */
    public static DecodedMessage of(Sip2Message message) {
        return new DecodedMessage(message, ErrorDetection.none(), NO_CHECKSUM, 0L);
    }

    @Override
    public Sip2Command command() {
        return message.command();
    }

    @Override
    public DecoderResult decoderResult() {
        return DecoderResult.SUCCESS;
    }

    /** The message as a request (server role). */
    public Sip2Request request() {
        return (Sip2Request) message;
    }

    /** The message as a response (client role). */
    public Sip2Response response() {
        return (Sip2Response) message;
    }
}
