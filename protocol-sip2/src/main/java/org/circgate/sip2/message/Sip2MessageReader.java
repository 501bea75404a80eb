package org.circgate.sip2.message;

import io.netty.buffer.ByteBuf;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;
import org.circgate.sip2.ErrorDetection;
import org.circgate.sip2.ErrorDetectionMode;
import org.circgate.sip2.Sip2Checksum;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2Role;

/**
 * Decodes one frame (the bytes of one message, terminator excluded) into a {@link Sip2Inbound}. Never throws on
 * content: every malformed frame becomes an {@link InvalidMessage}. The trailer is read from the tail at fixed
 * offsets ({@code AY<d>AZ<hhhh>}, or {@code AZ<hhhh>} alone), so a value containing "AY" cannot confuse it, and the
 * checksum is verified over the received bytes.
 *
 * <p>Not thread-safe (it reuses buffers); use one per connection or per thread. The Netty decoder holds one.
 */
public final class Sip2MessageReader {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int TRAILER_AZ = 6; // "AZ" + 4 hex digits
    private static final int TRAILER_AY = 3; // "AY" + 1 digit

    private final Sip2Role role;
    private final WireReader reader = new WireReader();
    private byte[] scratch = new byte[256];
    private Sip2CodecSettings lastSettings;
    private TextCodec lastText;

    /** A reader for {@code role}: the server reads requests, the client reads responses. */
    public Sip2MessageReader(Sip2Role role) {
        this.role = Objects.requireNonNull(role, "role");
    }

    /** Decodes the readable bytes of {@code frame}; does not move its reader index or release it. */
    public Sip2Inbound read(ByteBuf frame, Sip2CodecSettings settings) {
        return read(frame, frame.readerIndex(), frame.readableBytes(), settings);
    }

    /** Decodes {@code buffer[index, index + length)} without moving its indexes (zero-copy for heap buffers). */
    public Sip2Inbound read(ByteBuf buffer, int index, int length, Sip2CodecSettings settings) {
        if (buffer.hasArray()) {
            return read(buffer.array(), buffer.arrayOffset() + index, length, settings);
        }
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        buffer.getBytes(index, scratch, 0, length);
        return read(scratch, 0, length, settings);
    }

    /** Decodes {@code bytes[offset, offset + length)}; the array is not kept. */
    public Sip2Inbound read(byte[] bytes, int offset, int length, Sip2CodecSettings settings) {
        TextCodec text = textFor(settings);
        int from = offset;
        int to = offset + length;
        long resendKey = hash(bytes, from, to);
        if (length < 2) {
            return invalid(Sip2Command.UNKNOWN, bytes, from, to, Sip2DecodeError.EMPTY,
                    "a message has at least a 2-character command code", ErrorDetection.none(),
                    Sip2Inbound.NO_CHECKSUM, resendKey, settings, text);
        }
        Sip2Command command = Sip2Command.of(bytes[from], bytes[from + 1]);

        // Trailer, read from the tail at fixed offsets.
        ErrorDetection trailer = ErrorDetection.none();
        int checksum = Sip2Inbound.NO_CHECKSUM;
        int bodyEnd = to;
        int az = to - TRAILER_AZ;
        if (az >= from + 2 && bytes[az] == 'A' && bytes[az + 1] == 'Z') {
            checksum = Sip2Checksum.parseHex(bytes, az + 2);
            if (checksum >= 0) {
                bodyEnd = az;
                trailer = ErrorDetection.checksumOnly();
                int ay = az - TRAILER_AY;
                byte delimiter = (byte) settings.fieldDelimiter();
                if (ay >= from + 2 && isSequence(bytes, ay)) {
                    trailer = ErrorDetection.sequence(bytes[ay + 2] - '0');
                    bodyEnd = ay;
                } else if (ay - 1 >= from + 2 && bytes[az - 1] == delimiter && isSequence(bytes, ay - 1)) {
                    // "AY1|AZxxxx": a delimiter after the sequence digit, seen from some SCs.
                    trailer = ErrorDetection.sequence(bytes[ay + 1] - '0');
                    bodyEnd = ay - 1;
                }
                if (!Sip2Checksum.verify(bytes, from, az + 2, checksum)) {
                    int expected = Sip2Checksum.compute(bytes, from, az + 2);
                    return invalid(command, bytes, from, to, Sip2DecodeError.BAD_CHECKSUM,
                            "checksum " + Sip2Checksum.toHex(checksum) + " does not match the bytes (expected "
                                    + Sip2Checksum.toHex(expected) + ")",
                            trailer, checksum, resendKey, settings, text);
                }
            }
        }
        if (!trailer.isEnabled() && settings.errorDetection() == ErrorDetectionMode.REQUIRED) {
            return invalid(command, bytes, from, to, Sip2DecodeError.MISSING_CHECKSUM,
                    "error detection is required on this connection and the message has no AZ checksum",
                    trailer, checksum, resendKey, settings, text);
        }
        if (command == Sip2Command.UNKNOWN) {
            return invalid(command, bytes, from, to, Sip2DecodeError.UNKNOWN_COMMAND,
                    "not a SIP2 2.00 command code", trailer, checksum, resendKey, settings, text);
        }
        if (!role.receives(command)) {
            return invalid(command, bytes, from, to, Sip2DecodeError.UNEXPECTED_COMMAND,
                    command + " is not sent to the " + role.name().toLowerCase(java.util.Locale.ROOT),
                    trailer, checksum, resendKey, settings, text);
        }
        reader.reset(bytes, from, bodyEnd, (byte) settings.fieldDelimiter(), text);
        try {
            Sip2Message message = readBody(command);
            return new DecodedMessage(message, trailer, checksum, resendKey);
        } catch (DecodeFailure failure) {
            return invalid(command, bytes, from, to, failure.error, failure.getMessage(), trailer, checksum,
                    resendKey, settings, text);
        }
    }

    private static boolean isSequence(byte[] bytes, int at) {
        return bytes[at] == 'A' && bytes[at + 1] == 'Y' && bytes[at + 2] >= '0' && bytes[at + 2] <= '9';
    }

    private TextCodec textFor(Sip2CodecSettings settings) {
        if (settings != lastSettings) {
            lastText = TextCodec.of(settings.charset());
            lastSettings = settings;
        }
        return lastText;
    }

    private Sip2Message readBody(Sip2Command command) {
        WireReader r = reader;
        switch (command) {
            case LOGIN: return LoginRequest.read(r);
            case LOGIN_RESPONSE: return LoginResponse.read(r);
            case SC_STATUS: return ScStatusRequest.read(r);
            case ACS_STATUS: return AcsStatusResponse.read(r);
            case PATRON_STATUS_REQUEST: return PatronStatusRequest.read(r);
            case PATRON_STATUS_RESPONSE: return PatronStatusResponse.read(r);
            case PATRON_INFORMATION: return PatronInformationRequest.read(r);
            case PATRON_INFORMATION_RESPONSE: return PatronInformationResponse.read(r);
            case CHECKOUT: return CheckoutRequest.read(r);
            case CHECKOUT_RESPONSE: return CheckoutResponse.read(r);
            case CHECKIN: return CheckinRequest.read(r);
            case CHECKIN_RESPONSE: return CheckinResponse.read(r);
            case BLOCK_PATRON: return BlockPatronRequest.read(r);
            case ITEM_INFORMATION: return ItemInformationRequest.read(r);
            case ITEM_INFORMATION_RESPONSE: return ItemInformationResponse.read(r);
            case ITEM_STATUS_UPDATE: return ItemStatusUpdateRequest.read(r);
            case ITEM_STATUS_UPDATE_RESPONSE: return ItemStatusUpdateResponse.read(r);
            case PATRON_ENABLE: return PatronEnableRequest.read(r);
            case PATRON_ENABLE_RESPONSE: return PatronEnableResponse.read(r);
            case HOLD: return HoldRequest.read(r);
            case HOLD_RESPONSE: return HoldResponse.read(r);
            case RENEW: return RenewRequest.read(r);
            case RENEW_RESPONSE: return RenewResponse.read(r);
            case RENEW_ALL: return RenewAllRequest.read(r);
            case RENEW_ALL_RESPONSE: return RenewAllResponse.read(r);
            case FEE_PAID: return FeePaidRequest.read(r);
            case FEE_PAID_RESPONSE: return FeePaidResponse.read(r);
            case END_PATRON_SESSION: return EndPatronSessionRequest.read(r);
            case END_SESSION_RESPONSE: return EndSessionResponse.read(r);
            case REQUEST_ACS_RESEND: return RequestAcsResend.INSTANCE;
            case REQUEST_SC_RESEND: return RequestScResend.INSTANCE;
            default: throw new AssertionError("no reader for " + command);
        }
    }

    private static InvalidMessage invalid(Sip2Command command, byte[] bytes, int from, int to, Sip2DecodeError error,
            String detail, ErrorDetection trailer, int checksum, long resendKey, Sip2CodecSettings settings,
            TextCodec text) {
        String code = text.decode(bytes, from, Math.min(to, from + 2));
        return new InvalidMessage(command, code, error, detail, trailer, checksum, resendKey,
                maskedText(bytes, from, to, (byte) settings.fieldDelimiter(), text));
    }

    /**
     * The frame as text, with everything from any {@code AC}, {@code AD} or {@code CO} after the command code up to
     * the next delimiter replaced by {@code ***}. Deliberately over-masks (a malformed frame's fixed part cannot be
     * trusted to say where fields start), because this text goes to logs.
     */
    static String maskedText(byte[] bytes, int from, int to, byte delimiter, TextCodec text) {
        StringBuilder sb = new StringBuilder(to - from + 8);
        int plainFrom = from;
        int i = Math.min(to, from + 2);
        while (i + 1 < to) {
            byte a = bytes[i];
            byte b = bytes[i + 1];
            if (a == 'A' && (b == 'C' || b == 'D') || a == 'C' && b == 'O') {
                int stop = i + 2;
                while (stop < to && bytes[stop] != delimiter) {
                    stop++;
                }
                if (stop > i + 2) {
                    sb.append(text.decode(bytes, plainFrom, i + 2)).append("***");
                    plainFrom = stop;
                }
                i = stop;
            } else {
                i++;
            }
        }
        return sb.append(text.decode(bytes, plainFrom, to)).toString();
    }

    /** A fast 64-bit hash of the frame, 8 bytes per step (resend detection, not security). */
    static long hash(byte[] bytes, int from, int to) {
        long h = 0x9E3779B97F4A7C15L ^ (to - from);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = Long.rotateLeft(h ^ (long) LONGS.get(bytes, i) * 0xC2B2AE3D27D4EB4FL, 31) * 0x9E3779B97F4A7C15L;
        }
        long tail = 0;
        for (int shift = 0; i < to; i++, shift += 8) {
            tail |= (bytes[i] & 0xFFL) << shift;
        }
        h = Long.rotateLeft(h ^ tail * 0xC2B2AE3D27D4EB4FL, 31) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 29;
        return h;
    }
}
