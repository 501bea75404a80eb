package org.circgate.sip2;

/** Item circulation status (2 digits, fixed field of 18). */
public enum CirculationStatus {
    OTHER(1),
    ON_ORDER(2),
    AVAILABLE(3),
    CHARGED(4),
    CHARGED_NOT_TO_BE_RECALLED(5),
    IN_PROCESS(6),
    RECALLED(7),
    WAITING_ON_HOLD_SHELF(8),
    WAITING_TO_BE_RESHELVED(9),
    IN_TRANSIT(10),
    CLAIMED_RETURNED(11),
    LOST(12),
    MISSING(13);

    private static final CirculationStatus[] BY_NUMBER = CodeTables.byNumber(values(), CirculationStatus::number, 100);

    private final int number;
    private final String code;

    CirculationStatus(int number) {
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
    public static CirculationStatus ofNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    }

    /** The value for a numeric code; codes SIP2 does not define read as {@link #OTHER}, the spec's catch-all. */
    public static CirculationStatus of(int number) {
        CirculationStatus value = ofNumber(number);
        return value == null ? OTHER : value;
    }
}
