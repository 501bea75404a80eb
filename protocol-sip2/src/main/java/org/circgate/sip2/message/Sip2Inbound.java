package org.circgate.sip2.message;

import io.netty.handler.codec.DecoderResult;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.Sip2Command;

/**
 * What the decoder emits for each frame: a {@link DecodedMessage} or an {@link InvalidMessage}. Both carry the
 * error-detection trailer as received, so the server can echo the sequence number ({@link Sip2Outbound#replyTo}) and
 * recognise an exact resend ({@link #resendKey()}).
 */
public sealed interface Sip2Inbound permits DecodedMessage, InvalidMessage {

    /** No checksum was received. */
    int NO_CHECKSUM = -1;

    /** The command, as far as it could be recognised ({@link Sip2Command#UNKNOWN} otherwise). */
    Sip2Command command();

    /** The trailer as received: none, AZ only, or AY + AZ. */
    ErrorDetection errorDetection();

    /** The received AZ value (0–0xFFFF), or {@link #NO_CHECKSUM}. */
    int receivedChecksum();

    /**
     * A 64-bit hash of the exact frame bytes (terminator excluded). Two frames with the same key are, with
     * overwhelming probability, byte-identical, i.e. the same message sent again with the same sequence number and
     * checksum; use it to replay the stored response to a resent checkout, renew or fee paid instead of doing it twice.
     */
    long resendKey();

    /** {@link DecoderResult#SUCCESS} for a decoded message, a failure with the reason for an invalid one. */
    DecoderResult decoderResult();
}
