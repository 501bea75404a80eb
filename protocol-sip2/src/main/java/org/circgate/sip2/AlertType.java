package org.circgate.sip2;

/** Checkin alert type (3M extension field CV, 2 digits); 98 is Koha's "data corrupted". */
public enum AlertType {
    NONE(0),
    HOLD_FOR_THIS_LIBRARY(1),
    HOLD_FOR_ANOTHER_LIBRARY(2),
    HOLD_FOR_ILL(3),
    SEND_TO_ANOTHER_LIBRARY(4),
    DATA_CORRUPTED(98),
    OTHER(99);

    private static final AlertType[] BY_NUMBER = CodeTables.byNumber(values(), AlertType::number, 100);

    private final int number;
    private final String code;

    AlertType(int number) {
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
    public static AlertType ofNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    }

    /** The value for a numeric code; codes SIP2 does not define read as {@link #OTHER}, the spec's catch-all. */
    public static AlertType of(int number) {
        AlertType value = ofNumber(number);
        return value == null ? OTHER : value;
    }
}
