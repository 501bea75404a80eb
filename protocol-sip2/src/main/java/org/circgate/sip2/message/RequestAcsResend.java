package org.circgate.sip2.message;

import org.circgate.sip2.Sip2Command;

/**
 * 97 Request ACS Resend: the SC did not understand our last response. No fields; with error detection it is the
 * short form {@code 97AZFEF5}. The server answers by resending its last response, or 96 if it has none.
 */
public record RequestAcsResend() implements Sip2Request {

    public static final RequestAcsResend INSTANCE = new RequestAcsResend();

    @Override
    public Sip2Command command() {
        return Sip2Command.REQUEST_ACS_RESEND;
    }
}
