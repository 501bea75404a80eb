package org.circgate.sip2.message;

import java.util.Objects;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.Sip2Command;

/**
 * A message to write together with the trailer it should carry. Write one of these instead of a bare message to
 * control error detection; the encoder computes the checksum over the encoded bytes.
 *
 * @param message        what to send
 * @param errorDetection which trailer to append; 96 and 97 never get an AY (short forms {@code 96AZFEF6},
 *                       {@code 97AZFEF5})
 */
public record Sip2Outbound(Sip2Message message, ErrorDetection errorDetection) {

    public Sip2Outbound {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(errorDetection, "errorDetection");
    }

    public static Sip2Outbound of(Sip2Message message, ErrorDetection errorDetection) {
        return new Sip2Outbound(message, errorDetection);
    }

    /**
     * The answer to a received frame with the same trailer style: the request's AY echoed (the spec's rule), AZ only
     * if it had AZ only, nothing if it had none. A 96 carries AZ exactly when the request had a checksum. Works for
     * {@link InvalidMessage}s too, so a frame that could not be parsed at all can still be answered.
     */
    public static Sip2Outbound replyTo(Sip2Inbound request, Sip2Message response) {
        ErrorDetection received = request.errorDetection();
        if (response.command() == Sip2Command.REQUEST_SC_RESEND || response.command() == Sip2Command.REQUEST_ACS_RESEND) {
            return new Sip2Outbound(response,
                    received.isEnabled() ? ErrorDetection.checksumOnly() : ErrorDetection.none());
        }
        return new Sip2Outbound(response, received);
    }
}
