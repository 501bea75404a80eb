package org.circgate.sip2;

/**
 * The error-detection trailer of one message: none, {@code AZ} only (the 96/97 short forms), or {@code AY<digit>AZ}.
 * The checksum itself is always computed by the encoder from the bytes; this only says which trailer to write (or
 * which one was read). Instances are cached; compare with {@code equals} or {@code ==}.
 */
public final class ErrorDetection {

    private static final ErrorDetection NONE = new ErrorDetection(false, -1);
    private static final ErrorDetection CHECKSUM_ONLY = new ErrorDetection(true, -1);
    private static final ErrorDetection[] SEQUENCES = new ErrorDetection[10];

    static {
        for (int i = 0; i < SEQUENCES.length; i++) {
            SEQUENCES[i] = new ErrorDetection(true, i);
        }
    }

    private final boolean enabled;
    private final int sequenceNumber;

    private ErrorDetection(boolean enabled, int sequenceNumber) {
        this.enabled = enabled;
        this.sequenceNumber = sequenceNumber;
    }

    /** No trailer. */
    public static ErrorDetection none() {
        return NONE;
    }

    /** {@code AZ<checksum>} without a sequence number (the 96 and 97 short forms). */
    public static ErrorDetection checksumOnly() {
        return CHECKSUM_ONLY;
    }

    /** {@code AY<digit>AZ<checksum>}. */
    public static ErrorDetection sequence(int sequenceNumber) {
        if (sequenceNumber < 0 || sequenceNumber > 9) {
            throw new IllegalArgumentException("a SIP2 sequence number is one digit: " + sequenceNumber);
        }
        return SEQUENCES[sequenceNumber];
    }

    /** Whether there is a checksum ({@code AZ}). */
    public boolean isEnabled() {
        return enabled;
    }

    /** Whether there is a sequence number ({@code AY}). */
    public boolean hasSequenceNumber() {
        return sequenceNumber >= 0;
    }

    /** The sequence digit 0–9, or -1 when there is none. */
    public int sequenceNumber() {
        return sequenceNumber;
    }

    /** The trailer with the next sequence number (9 wraps to 0, as SirsiDynix expects). */
    public ErrorDetection next() {
        return sequence(hasSequenceNumber() ? (sequenceNumber + 1) % 10 : 0);
    }

    @Override
    public String toString() {
        if (!enabled) {
            return "ErrorDetection[none]";
        }
        return hasSequenceNumber() ? "ErrorDetection[AY" + sequenceNumber + "]" : "ErrorDetection[AZ only]";
    }
}
