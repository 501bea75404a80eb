package org.circgate.sip2;

/** Item security marker (2 digits, fixed field of 18). */
public enum SecurityMarker {
    OTHER(0),
    NONE(1),
    TATTLE_TAPE(2),
    WHISPER_TAPE(3);

    private static final SecurityMarker[] BY_NUMBER = CodeTables.byNumber(values(), SecurityMarker::number, 100);

    private final int number;
    private final String code;

    SecurityMarker(int number) {
        this.number = number;
        this.code = CodeTables.pad(number, 2);
    }

    /** The numeric value of the code. */
    public int number() {
        return number;
    }

    /** The 2-digit wire code. */
    public String code() {
        return code;
    }

    /** The value for a numeric code, or {@code null} when SIP2 does not define it. */
    public static SecurityMarker ofNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    }

    /** The value for a numeric code; codes SIP2 does not define read as {@link #OTHER}, the spec's catch-all. */
    public static SecurityMarker of(int number) {
        SecurityMarker value = ofNumber(number);
        return value == null ? OTHER : value;
    }
}
