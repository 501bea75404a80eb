package org.circgate.sip2;

import java.nio.charset.Charset;

/**
 * The SIP2 error-detection checksum: the 16-bit two's complement of the sum of the message <em>bytes</em> from the
 * first command character through the {@code AZ} of the trailer, written as 4 uppercase, zero-padded hex digits.
 * Always computed over the encoded bytes, never over Java chars, so a name in CP850 and in UTF-8 checks differently.
 */
public final class Sip2Checksum {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Sip2Checksum() {
    }

    /** The unsigned byte sum of {@code bytes[from, to)}, modulo 2^16. */
    public static int sum(byte[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += bytes[i] & 0xFF;
        }
        return sum & 0xFFFF;
    }

    /** The checksum of {@code bytes[from, to)}: {@code (-sum) & 0xFFFF}. */
    public static int compute(byte[] bytes, int from, int to) {
        return -sum(bytes, from, to) & 0xFFFF;
    }

    /**
     * The checksum of a message text up to and including {@code AZ}, encoded in {@code charset}; e.g.
     * {@code compute("990 402.00AY1AZ", IBM850)} is {@code 0xFCB4}.
     */
    public static int compute(String messageThroughAz, Charset charset) {
        byte[] bytes = messageThroughAz.getBytes(charset);
        return compute(bytes, 0, bytes.length);
    }

    /** Whether {@code checksum} is right for {@code bytes[from, to)}. */
    public static boolean verify(byte[] bytes, int from, int to, int checksum) {
        return (sum(bytes, from, to) + checksum & 0xFFFF) == 0;
    }

    /** The 4 uppercase, zero-padded hex digits. */
    public static String toHex(int checksum) {
        byte[] digits = new byte[4];
        writeHex(checksum, digits, 0);
        return new String(digits, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Writes the 4 hex digits of {@code checksum} at {@code offset}. */
    public static void writeHex(int checksum, byte[] target, int offset) {
        target[offset] = HEX[checksum >>> 12 & 0xF];
        target[offset + 1] = HEX[checksum >>> 8 & 0xF];
        target[offset + 2] = HEX[checksum >>> 4 & 0xF];
        target[offset + 3] = HEX[checksum & 0xF];
    }

    /** The hex digit byte for a 4-bit value (uppercase). */
    static byte hexDigit(int nibble) {
        return HEX[nibble & 0xF];
    }

    /**
     * Parses 4 hex digits at {@code bytes[offset]} (upper or lower case, as some SCs send lower case); -1 if they are
     * not 4 hex digits.
     */
    public static int parseHex(byte[] bytes, int offset) {
        int value = 0;
        for (int i = offset; i < offset + 4; i++) {
            int digit = Character.digit(bytes[i] & 0xFF, 16);
            if (digit < 0 || (bytes[i] & 0x80) != 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }
}
