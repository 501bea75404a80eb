package org.circgate.sip2.message;

import io.netty.handler.codec.DecoderResult;
import java.util.Objects;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.Sip2CodecException;
import org.circgate.sip2.Sip2Command;

/**
 * A frame that did not decode: bad checksum, unknown command, short fixed part, bad date, ... It is emitted like any
 * message so the server can answer it (a 96 via {@code Sip2Outbound.replyTo(invalid, RequestScResend.INSTANCE)}, or
 * an ok=0 reply of the recognised command) and keep the SC connected.
 *
 * @param command          the command if the code was recognised, else {@link Sip2Command#UNKNOWN}
 * @param commandCode      the first two characters as received (for logs and metrics; may be shorter)
 * @param error            why it failed
 * @param detail           a human-readable reason (never contains AC/AD/CO values)
 * @param errorDetection   the trailer as received
 * @param receivedChecksum the AZ value, or {@link Sip2Inbound#NO_CHECKSUM}
 * @param resendKey        see {@link Sip2Inbound#resendKey()}
 * @param maskedText       the frame as text with AC, AD and CO values replaced by {@code ***}, safe to log
 */
public record InvalidMessage(Sip2Command command, String commandCode, Sip2DecodeError error, String detail,
        ErrorDetection errorDetection, int receivedChecksum, long resendKey, String maskedText)
        implements Sip2Inbound {

    public InvalidMessage {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(commandCode, "commandCode");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(errorDetection, "errorDetection");
        Objects.requireNonNull(maskedText, "maskedText");
    }

    /** A failed result whose cause is a {@link Sip2CodecException} naming the error and detail. */
    @Override
    public DecoderResult decoderResult() {
        return DecoderResult.failure(new Sip2CodecException(error + ": " + detail));
    }
}
