package org.circgate.sip2;

/** A Y/N/U flag: magnetic media and desensitize in 12 and 30, magnetic media in 10. */
public enum Tristate {
    YES('Y'), NO('N'), UNKNOWN('U');

    private final char code;

    Tristate(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static Tristate of(boolean value) {
        return value ? YES : NO;
    }

    /** The value for a wire character (case-insensitive), or {@code null} if it is not Y, N or U. */
    public static Tristate of(int code) {
        switch (code) {
            case 'Y': case 'y': return YES;
            case 'N': case 'n': return NO;
            case 'U': case 'u': return UNKNOWN;
            default: return null;
        }
    }
}
