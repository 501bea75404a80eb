package org.circgate.sip2.message;

import org.circgate.sip2.Sip2Command;

/**
 * 96 Request SC Resend: the ACS could not use the SC's last message (bad checksum, unparsable). No fields; with error
 * detection it is the short form {@code 96AZFEF6}.
 */
public record RequestScResend() implements Sip2Response {

    public static final RequestScResend INSTANCE = new RequestScResend();

    @Override
    public Sip2Command command() {
        return Sip2Command.REQUEST_SC_RESEND;
    }
}
