package org.circgate.sip2;

/** Fee type (2 digits: fixed field of 18 and 37, field BT). */
public enum FeeType {
    OTHER(1),
    ADMINISTRATIVE(2),
    DAMAGE(3),
    OVERDUE(4),
    PROCESSING(5),
    RENTAL(6),
    REPLACEMENT(7),
    COMPUTER_ACCESS_CHARGE(8),
    HOLD_FEE(9);

    private static final FeeType[] BY_NUMBER = CodeTables.byNumber(values(), FeeType::number, 100);

    private final int number;
    private final String code;

    FeeType(int number) {
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
    public static FeeType ofNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    }

    /** The value for a numeric code; codes SIP2 does not define read as {@link #OTHER}, the spec's catch-all. */
    public static FeeType of(int number) {
        FeeType value = ofNumber(number);
        return value == null ? OTHER : value;
    }
}
