package org.circgate.sip2;

import java.util.EnumSet;
import java.util.Set;

/**
 * The 14-position patron status of 24, 26 and 64: {@code Y} = the condition is true (privilege denied), space =
 * false. Positions 1–4 are privileges, 5–14 are reasons. Decoding reads {@code Y}/{@code y} as set and anything else
 * as clear, as clients do.
 */
public record PatronStatus(int bits) {

    /** One position, in wire order. */
    public enum Flag {
        CHARGE_PRIVILEGES_DENIED,
        RENEWAL_PRIVILEGES_DENIED,
        RECALL_PRIVILEGES_DENIED,
        HOLD_PRIVILEGES_DENIED,
        CARD_REPORTED_LOST,
        TOO_MANY_ITEMS_CHARGED,
        TOO_MANY_ITEMS_OVERDUE,
        TOO_MANY_RENEWALS,
        TOO_MANY_CLAIMS_OF_ITEMS_RETURNED,
        TOO_MANY_ITEMS_LOST,
        EXCESSIVE_OUTSTANDING_FINES,
        EXCESSIVE_OUTSTANDING_FEES,
        RECALL_OVERDUE,
        TOO_MANY_ITEMS_BILLED;

        /** 1-based position on the wire. */
        public int position() {
            return ordinal() + 1;
        }
    }

    /** Characters on the wire. */
    public static final int LENGTH = 14;
    private static final int ALL = (1 << LENGTH) - 1;

    /** No condition: 14 spaces. */
    public static final PatronStatus NONE = new PatronStatus(0);

    /** What SIP servers send for an unknown patron: {@code YYYY} and 10 spaces (all privileges denied). */
    public static final PatronStatus UNKNOWN_PATRON = of(Flag.CHARGE_PRIVILEGES_DENIED, Flag.RENEWAL_PRIVILEGES_DENIED,
            Flag.RECALL_PRIVILEGES_DENIED, Flag.HOLD_PRIVILEGES_DENIED);

    public PatronStatus {
        if ((bits & ~ALL) != 0) {
            throw new IllegalArgumentException("patron status has 14 positions: " + Integer.toBinaryString(bits));
        }
    }

    public static PatronStatus of(Flag... flags) {
        int bits = 0;
        for (Flag flag : flags) {
            bits |= 1 << flag.ordinal();
        }
        return new PatronStatus(bits);
    }

    public static PatronStatus of(Set<Flag> flags) {
        return of(flags.toArray(new Flag[0]));
    }

    /** Parses 14 characters; {@code Y} or {@code y} sets a position. */
    public static PatronStatus parse(CharSequence wire) {
        if (wire.length() != LENGTH) {
            throw new IllegalArgumentException("patron status is 14 characters: '" + wire + "'");
        }
        int bits = 0;
        for (int i = 0; i < LENGTH; i++) {
            char c = wire.charAt(i);
            if (c == 'Y' || c == 'y') {
                bits |= 1 << i;
            }
        }
        return new PatronStatus(bits);
    }

    public boolean has(Flag flag) {
        return (bits & 1 << flag.ordinal()) != 0;
    }

    public PatronStatus with(Flag flag) {
        return new PatronStatus(bits | 1 << flag.ordinal());
    }

    public Set<Flag> flags() {
        EnumSet<Flag> set = EnumSet.noneOf(Flag.class);
        for (Flag flag : Flag.values()) {
            if (has(flag)) {
                set.add(flag);
            }
        }
        return set;
    }

    /** The 14 wire characters. */
    public String toWire() {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = (bits & 1 << i) != 0 ? 'Y' : ' ';
        }
        return new String(chars);
    }

    @Override
    public String toString() {
        return "PatronStatus" + flags();
    }
}
