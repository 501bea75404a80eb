package org.circgate.bench.load;

import java.util.List;
import org.circgate.sip2.message.AcsStatusResponse;
import org.circgate.sip2.message.CheckinResponse;
import org.circgate.sip2.message.CheckoutResponse;
import org.circgate.sip2.message.DecodedMessage;
import org.circgate.sip2.message.FeePaidResponse;
import org.circgate.sip2.message.HoldResponse;
import org.circgate.sip2.message.PatronInformationResponse;
import org.circgate.sip2.message.PatronStatusResponse;
import org.circgate.sip2.message.RenewResponse;
import org.circgate.sip2.message.RequestScResend;
import org.circgate.sip2.message.Sip2Inbound;
import org.circgate.sip2.message.Sip2Message;

/**
 * How one answer counts: OK, ERROR (ok=0 or payment not accepted, an unknown patron, ACS off-line, a response of the wrong type or one that
 * did not decode) or RESEND (a 96: the server asked for the request again).
 */
enum Outcome {
    OK, ERROR, RESEND;

    static Outcome of(Step step, Sip2Inbound inbound) {
        if (!(inbound instanceof DecodedMessage decoded)) {
            return ERROR;
        }
        Sip2Message message = decoded.message();
        if (message instanceof RequestScResend) {
            return RESEND;
        }
        boolean ok = switch (step) {
            case SC_STATUS -> message instanceof AcsStatusResponse r && r.onlineStatus();
            case PATRON_STATUS -> message instanceof PatronStatusResponse r && Boolean.TRUE.equals(r.validPatron());
            case PATRON_INFORMATION -> message instanceof PatronInformationResponse r
                    && Boolean.TRUE.equals(r.validPatron());
            case CHECKOUT -> message instanceof CheckoutResponse r && r.ok();
            case CHECKIN -> message instanceof CheckinResponse r && r.ok();
            case RENEW -> message instanceof RenewResponse r && r.ok();
            case HOLD_PLACE, HOLD_CANCEL -> message instanceof HoldResponse r && r.ok();
            case FEE_PAID -> message instanceof FeePaidResponse r && r.paymentAccepted();
            case CHECKOUT_CHECKIN, CHECKOUT_RENEW_CHECKIN, HOLD_PLACE_CANCEL -> false;
        };
        return ok ? OK : ERROR;
    }

    /** The first screen message (AF) of an answer, to show why requests failed; "" when there is none. */
    static String screenMessage(Sip2Inbound inbound) {
        if (!(inbound instanceof DecodedMessage decoded)) {
            return "undecodable answer: " + inbound.decoderResult();
        }
        Sip2Message message = decoded.message();
        List<String> messages = List.of();
        if (message instanceof CheckoutResponse r) {
            messages = r.screenMessages();
        } else if (message instanceof CheckinResponse r) {
            messages = r.screenMessages();
        } else if (message instanceof PatronStatusResponse r) {
            messages = r.screenMessages();
        } else if (message instanceof PatronInformationResponse r) {
            messages = r.screenMessages();
        } else if (message instanceof AcsStatusResponse r) {
            messages = r.screenMessages();
        } else if (message instanceof RenewResponse r) {
            messages = r.screenMessages();
        } else if (message instanceof HoldResponse r) {
            messages = r.screenMessages();
        } else if (message instanceof FeePaidResponse r) {
            messages = r.screenMessages();
        }
        return decoded.command().code() + (messages.isEmpty() ? "" : " " + messages.get(0));
    }
}
