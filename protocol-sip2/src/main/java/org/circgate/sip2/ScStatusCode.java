package org.circgate.sip2;

/** SC status code (1 digit, fixed field of 99). Unknown values read as {@link #OK}: a kiosk's keep-alive must never be refused. */
public enum ScStatusCode {
    OK(0),
    PRINTER_OUT_OF_PAPER(1),
    ABOUT_TO_SHUT_DOWN(2);

    private static final ScStatusCode[] BY_NUMBER = CodeTables.byNumber(values(), ScStatusCode::number, 10);

    private final int number;
    private final String code;

    ScStatusCode(int number) {
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
    public static ScStatusCode ofNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    }

    /** The value for a numeric code; codes SIP2 does not define read as {@link #OK}, the spec's catch-all. */
    public static ScStatusCode of(int number) {
        ScStatusCode value = ofNumber(number);
        return value == null ? OK : value;
    }
}
