package org.circgate.sip2;

/** Language (3 digits, fixed field of 23, 24, 26, 63, 64). Unknown codes decode as {@link #UNKNOWN} (000). */
public enum Language {
    UNKNOWN, ENGLISH, FRENCH, GERMAN, ITALIAN, DUTCH, SWEDISH, FINNISH, SPANISH, DANISH, PORTUGUESE,
    CANADIAN_FRENCH, NORWEGIAN, HEBREW, JAPANESE, RUSSIAN, ARABIC, POLISH, GREEK, CHINESE, KOREAN,
    NORTH_AMERICAN_SPANISH, TAMIL, MALAY, UNITED_KINGDOM, ICELANDIC, BELGIAN, TAIWANESE;

    private static final Language[] VALUES = values();

    private final String code = CodeTables.pad(ordinal(), 3);

    /** The 3-digit wire code ({@code "000"} ... {@code "027"}). */
    public String code() {
        return code;
    }

    /** The language for a numeric code, {@link #UNKNOWN} for codes SIP2 2.00 does not define. */
    public static Language of(int code) {
        return code >= 0 && code < VALUES.length ? VALUES[code] : UNKNOWN;
    }
}
