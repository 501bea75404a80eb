package org.circgate.sip2;

/** Hold type (1 digit, field BY). */
public enum HoldType {
    OTHER(1),
    ANY_COPY_OF_TITLE(2),
    SPECIFIC_COPY(3),
    ANY_COPY_AT_LOCATION(4);

    private static final HoldType[] BY_NUMBER = CodeTables.byNumber(values(), HoldType::number, 10);

    private final int number;
    private final String code;

    HoldType(int number) {
        this.number = number;
        this.code = CodeTables.pad(number, 1);
    }

    /** The numeric value of the code. */
    public int number() {
        return number;
    }

    /** The 1-digit wire code. */
    public String code() {
        return code;
    }

    /** The value for a numeric code, or {@code null} when SIP2 does not define it. */
    public static HoldType ofNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    }

    /** The value for a numeric code; codes SIP2 does not define read as {@link #OTHER}, the spec's catch-all. */
    public static HoldType of(int number) {
        HoldType value = ofNumber(number);
        return value == null ? OTHER : value;
    }
}
