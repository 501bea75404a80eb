package org.circgate.sip2;

import java.util.EnumSet;
import java.util.Set;

/**
 * The 10-position summary of 63: at most one {@code Y}, selecting which item list the 64 returns. Positions 7–10 are
 * undefined in 2.00 (FOLIO uses 7 for its extended fee list) and are kept as flags so nothing is lost.
 */
public record Summary(int bits) {

    /** One position, in wire order. */
    public enum Item {
        HOLD_ITEMS,
        OVERDUE_ITEMS,
        CHARGED_ITEMS,
        FINE_ITEMS,
        RECALL_ITEMS,
        UNAVAILABLE_HOLDS,
        POSITION_7,
        POSITION_8,
        POSITION_9,
        POSITION_10;

        /** 1-based position on the wire. */
        public int position() {
            return ordinal() + 1;
        }
    }

    /** Characters on the wire. */
    public static final int LENGTH = 10;
    private static final int ALL = (1 << LENGTH) - 1;

    /** No list requested: 10 spaces. */
    public static final Summary NONE = new Summary(0);

    public Summary {
        if ((bits & ~ALL) != 0) {
            throw new IllegalArgumentException("summary has 10 positions: " + Integer.toBinaryString(bits));
        }
    }

    public static Summary of(Item... items) {
        int bits = 0;
        for (Item item : items) {
            bits |= 1 << item.ordinal();
        }
        return new Summary(bits);
    }

    /** Parses 10 characters; {@code Y} or {@code y} sets a position. */
    public static Summary parse(CharSequence wire) {
        if (wire.length() != LENGTH) {
            throw new IllegalArgumentException("summary is 10 characters: '" + wire + "'");
        }
        int bits = 0;
        for (int i = 0; i < LENGTH; i++) {
            char c = wire.charAt(i);
            if (c == 'Y' || c == 'y') {
                bits |= 1 << i;
            }
        }
        return new Summary(bits);
    }

    public boolean has(Item item) {
        return (bits & 1 << item.ordinal()) != 0;
    }

    /** The requested list: the first set position, or {@code null} for none. */
    public Item requested() {
        return bits == 0 ? null : Item.values()[Integer.numberOfTrailingZeros(bits)];
    }

    public Set<Item> items() {
        EnumSet<Item> set = EnumSet.noneOf(Item.class);
        for (Item item : Item.values()) {
            if (has(item)) {
                set.add(item);
            }
        }
        return set;
    }

    /** The 10 wire characters. */
    public String toWire() {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = (bits & 1 << i) != 0 ? 'Y' : ' ';
        }
        return new String(chars);
    }

    @Override
    public String toString() {
        return "Summary" + items();
    }
}
