package org.circgate.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money in circgate's policy is a {@code long} count of minor units (cents) of the library's one currency. Plain longs
 * keep facts cheap to build and decisions allocation-free; this class converts at the edges.
 */
public final class Money {

    /** Largest bill threshold (seed 001: "$.00–$10000.00"), in cents. */
    public static final long MAX_BILL_THRESHOLD_CENTS = 1_000_000L;

    private Money() {
    }

    /**
     * Exact conversion of a decimal amount such as {@code "5.00"} to cents.
     *
     * @throws IllegalArgumentException when the amount has more than two decimals or does not fit
     */
    public static long toCents(BigDecimal amount) {
        try {
            return amount.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + amount.toPlainString()
                    + " is not a whole number of cents", e);
        }
    }

    /** Renders cents as a plain decimal amount with two decimals, e.g. {@code 500 → "5.00"}. */
    public static String format(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    static long requireCents(long cents, long max, String what) {
        if (cents < 0 || cents > max) {
            throw new IllegalArgumentException(what + " " + format(cents) + " is outside 0.00-" + format(max));
        }
        return cents;
    }
}
