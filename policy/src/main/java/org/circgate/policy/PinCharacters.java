package org.circgate.policy;

/**
 * Character classes for PINs. PINs are limited to printable ASCII without the pipe, which SIP2 uses as its field
 * separator, so a PIN typed on any kiosk in any charset means the same thing.
 */
final class PinCharacters {

    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String DIGITS = "0123456789";
    static final String SPECIAL = "!#$%&()*+,-./:;<=>?@[]^_{}~";

    private PinCharacters() {
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isAsciiLetter(char c) {
        return isUpper(c) || isLower(c);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Printable ASCII other than space, letters, digits and the pipe. */
    static boolean isSpecial(char c) {
        return c > ' ' && c < 0x7f && c != '|' && !isAsciiLetter(c) && !isDigit(c);
    }
}
