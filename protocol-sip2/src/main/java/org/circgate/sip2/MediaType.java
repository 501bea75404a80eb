package org.circgate.sip2;

/** Media type (3 digits, field CK). */
public enum MediaType {
    OTHER(0),
    BOOK(1),
    MAGAZINE(2),
    BOUND_JOURNAL(3),
    AUDIO_TAPE(4),
    VIDEO_TAPE(5),
    CD_CD_ROM(6),
    DISKETTE(7),
    BOOK_WITH_DISKETTE(8),
    BOOK_WITH_CD(9),
    BOOK_WITH_AUDIO_TAPE(10);

    private static final MediaType[] BY_NUMBER = CodeTables.byNumber(values(), MediaType::number, 1000);

    private final int number;
    private final String code;

    MediaType(int number) {
        this.number = number;
        this.code = CodeTables.pad(number, 3);
    }

    /** The numeric value of the code. */
    public int number() {
        return number;
    }

    /** The 3-digit wire code. */
    public String code() {
        return code;
    }

    /** The value for a numeric code, or {@code null} when SIP2 does not define it. */
    public static MediaType ofNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : null;
    }

    /** The value for a numeric code; codes SIP2 does not define read as {@link #OTHER}, the spec's catch-all. */
    public static MediaType of(int number) {
        MediaType value = ofNumber(number);
        return value == null ? OTHER : value;
    }
}
