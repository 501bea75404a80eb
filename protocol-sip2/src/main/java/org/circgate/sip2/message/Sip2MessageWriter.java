package org.circgate.sip2.message;

import io.netty.buffer.ByteBuf;
import java.util.Objects;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.Sip2CodecException;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2Role;

/**
 * Encodes messages to wire bytes: fixed fields, variable fields in spec order then extensions, the optional
 * {@code AY<d>AZ<hhhh>} trailer (checksum over the encoded bytes), and the CR terminator. Values are made safe here: a
 * value can never contain the delimiter, CR or LF, and is capped at 255 characters.
 *
 * <p>Not thread-safe (it reuses a buffer); use one per connection or per thread. The Netty encoder holds one.
 */
public final class Sip2MessageWriter {

    /** The message terminator. */
    public static final byte CR = '\r';

    private final Sip2Role role;
    private final WireWriter writer = new WireWriter();

    /** A writer for {@code role}: the server writes responses, the client writes requests. */
    public Sip2MessageWriter(Sip2Role role) {
        this.role = Objects.requireNonNull(role, "role");
    }

    /**
     * Appends one message and its CR to {@code out}.
     *
     * @throws Sip2CodecException if this role does not send messages of that command
     */
    public void write(Sip2Message message, ErrorDetection errorDetection, Sip2CodecSettings settings, ByteBuf out) {
        encode(message, errorDetection, settings);
        out.ensureWritable(writer.len + 1);
        out.writeBytes(writer.buf, 0, writer.len);
        out.writeByte(CR);
    }

    /** The message as wire bytes, CR included (tests and tools). */
    public byte[] toBytes(Sip2Message message, ErrorDetection errorDetection, Sip2CodecSettings settings) {
        encode(message, errorDetection, settings);
        byte[] bytes = java.util.Arrays.copyOf(writer.buf, writer.len + 1);
        bytes[writer.len] = CR;
        return bytes;
    }

    /** The length {@link #write} would append, CR included (for exact buffer sizing). */
    public int encodedLength(Sip2Message message, ErrorDetection errorDetection, Sip2CodecSettings settings) {
        encode(message, errorDetection, settings);
        return writer.len + 1;
    }

    private void encode(Sip2Message message, ErrorDetection errorDetection, Sip2CodecSettings settings) {
        Sip2Command command = message.command();
        if (!role.sends(command)) {
            throw new Sip2CodecException("the " + role.name().toLowerCase(java.util.Locale.ROOT) + " does not send "
                    + command + " (" + command.code() + ")");
        }
        WireWriter w = writer;
        w.reset(settings);
        w.command(command);
        writeBody(message, w);
        if (errorDetection.isEnabled()) {
            boolean shortForm = command == Sip2Command.REQUEST_ACS_RESEND
                    || command == Sip2Command.REQUEST_SC_RESEND;
            w.trailer(shortForm ? -1 : errorDetection.sequenceNumber());
        }
    }

    private static void writeBody(Sip2Message message, WireWriter w) {
        switch (message.command()) {
            case LOGIN: ((LoginRequest) message).write(w); break;
            case LOGIN_RESPONSE: ((LoginResponse) message).write(w); break;
            case SC_STATUS: ((ScStatusRequest) message).write(w); break;
            case ACS_STATUS: ((AcsStatusResponse) message).write(w); break;
            case PATRON_STATUS_REQUEST: ((PatronStatusRequest) message).write(w); break;
            case PATRON_STATUS_RESPONSE: ((PatronStatusResponse) message).write(w); break;
            case PATRON_INFORMATION: ((PatronInformationRequest) message).write(w); break;
            case PATRON_INFORMATION_RESPONSE: ((PatronInformationResponse) message).write(w); break;
            case CHECKOUT: ((CheckoutRequest) message).write(w); break;
            case CHECKOUT_RESPONSE: ((CheckoutResponse) message).write(w); break;
            case CHECKIN: ((CheckinRequest) message).write(w); break;
            case CHECKIN_RESPONSE: ((CheckinResponse) message).write(w); break;
            case BLOCK_PATRON: ((BlockPatronRequest) message).write(w); break;
            case ITEM_INFORMATION: ((ItemInformationRequest) message).write(w); break;
            case ITEM_INFORMATION_RESPONSE: ((ItemInformationResponse) message).write(w); break;
            case ITEM_STATUS_UPDATE: ((ItemStatusUpdateRequest) message).write(w); break;
            case ITEM_STATUS_UPDATE_RESPONSE: ((ItemStatusUpdateResponse) message).write(w); break;
            case PATRON_ENABLE: ((PatronEnableRequest) message).write(w); break;
            case PATRON_ENABLE_RESPONSE: ((PatronEnableResponse) message).write(w); break;
            case HOLD: ((HoldRequest) message).write(w); break;
            case HOLD_RESPONSE: ((HoldResponse) message).write(w); break;
            case RENEW: ((RenewRequest) message).write(w); break;
            case RENEW_RESPONSE: ((RenewResponse) message).write(w); break;
            case RENEW_ALL: ((RenewAllRequest) message).write(w); break;
            case RENEW_ALL_RESPONSE: ((RenewAllResponse) message).write(w); break;
            case FEE_PAID: ((FeePaidRequest) message).write(w); break;
            case FEE_PAID_RESPONSE: ((FeePaidResponse) message).write(w); break;
            case END_PATRON_SESSION: ((EndPatronSessionRequest) message).write(w); break;
            case END_SESSION_RESPONSE: ((EndSessionResponse) message).write(w); break;
            case REQUEST_ACS_RESEND:
            case REQUEST_SC_RESEND:
                break;
            default: throw new Sip2CodecException("cannot encode " + message.command());
        }
    }
}
