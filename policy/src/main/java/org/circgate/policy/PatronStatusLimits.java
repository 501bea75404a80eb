package org.circgate.policy;

/**
 * Library-wide limits behind the SIP2 patron-status flags that no User Profile attribute defines (DESIGN §4,
 * positions 9, 10 and 14). They only raise flags; they never deny a command. 0 means the flag is never raised.
 *
 * @param claimsReturned claims-returned count at or above which "too many claims of items returned" is set
 * @param lostItems      lost items at or above which "too many items lost" is set
 * @param billedItems    billed items at or above which "too many items billed" is set
 */
public record PatronStatusLimits(int claimsReturned, int lostItems, int billedItems) {

    public static final int MAX = 32_000;
    public static final PatronStatusLimits NONE = new PatronStatusLimits(0, 0, 0);

    public PatronStatusLimits {
        check(claimsReturned, "claimsReturned");
        check(lostItems, "lostItems");
        check(billedItems, "billedItems");
    }

    static boolean reached(int count, int limit) {
        return limit != 0 && count >= limit;
    }

    private static void check(int value, String what) {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("patron status limit " + what + " " + value + " is outside 0-" + MAX);
        }
    }
}
