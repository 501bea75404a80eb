package org.circgate.sip2;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The 16-position supported-messages set of 98 (field BX, {@code Y}/{@code N}), one position per request command in
 * the spec's order. We always send exactly 16; decoding tolerates longer (some ILSs send 18) or shorter values.
 */
public record SupportedMessages(int bits) {

    /** The request commands in BX order. */
    public static final List<Sip2Command> ORDER = List.of(
            Sip2Command.PATRON_STATUS_REQUEST,
            Sip2Command.CHECKOUT,
            Sip2Command.CHECKIN,
            Sip2Command.BLOCK_PATRON,
            Sip2Command.SC_STATUS,
            Sip2Command.REQUEST_ACS_RESEND,
            Sip2Command.LOGIN,
            Sip2Command.PATRON_INFORMATION,
            Sip2Command.END_PATRON_SESSION,
            Sip2Command.FEE_PAID,
            Sip2Command.ITEM_INFORMATION,
            Sip2Command.ITEM_STATUS_UPDATE,
            Sip2Command.PATRON_ENABLE,
            Sip2Command.HOLD,
            Sip2Command.RENEW,
            Sip2Command.RENEW_ALL);

    /** Characters on the wire. */
    public static final int LENGTH = 16;
    private static final int ALL_BITS = (1 << LENGTH) - 1;

    public static final SupportedMessages NONE = new SupportedMessages(0);
    public static final SupportedMessages ALL = new SupportedMessages(ALL_BITS);

    public SupportedMessages {
        if ((bits & ~ALL_BITS) != 0) {
            throw new IllegalArgumentException("supported messages has 16 positions: " + Integer.toBinaryString(bits));
        }
    }

    public static SupportedMessages of(Sip2Command... commands) {
        return of(List.of(commands));
    }

    public static SupportedMessages of(Iterable<Sip2Command> commands) {
        int bits = 0;
        for (Sip2Command command : commands) {
            int index = ORDER.indexOf(command);
            if (index < 0) {
                throw new IllegalArgumentException(command + " has no position in the supported-messages set");
            }
            bits |= 1 << index;
        }
        return new SupportedMessages(bits);
    }

    /** Parses a BX value: position i is supported when it is {@code Y}/{@code y}; positions past 16 are ignored. */
    public static SupportedMessages parse(CharSequence wire) {
        int bits = 0;
        for (int i = 0; i < Math.min(LENGTH, wire.length()); i++) {
            char c = wire.charAt(i);
            if (c == 'Y' || c == 'y') {
                bits |= 1 << i;
            }
        }
        return new SupportedMessages(bits);
    }

    public boolean supports(Sip2Command command) {
        int index = ORDER.indexOf(command);
        return index >= 0 && (bits & 1 << index) != 0;
    }

    public Set<Sip2Command> commands() {
        EnumSet<Sip2Command> set = EnumSet.noneOf(Sip2Command.class);
        for (int i = 0; i < LENGTH; i++) {
            if ((bits & 1 << i) != 0) {
                set.add(ORDER.get(i));
            }
        }
        return set;
    }

    /** The 16 wire characters. */
    public String toWire() {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = (bits & 1 << i) != 0 ? 'Y' : 'N';
        }
        return new String(chars);
    }

    @Override
    public String toString() {
        return toWire();
    }
}
