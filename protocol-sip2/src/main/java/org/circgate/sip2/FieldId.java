package org.circgate.sip2;

/**
 * A two-character SIP2 variable-field identifier ({@code AA}, {@code AO}, {@code CV}, ...).
 *
 * <p>The set is open: vendors add their own IDs (3M extensions, Envisionware {@code PA}/{@code PB}, FOLIO
 * {@code FA}–{@code FG}, ...), and a decoder must pass those through instead of failing. So this is a value type with
 * named constants for the standard 2.00 IDs and the common extensions, and {@link #of} returns the one cached instance
 * for any pair of ASCII letters or digits (IDs outside that alphabet are not fields; see the decoder). Instances can
 * be compared with {@code ==}.
 */
public final class FieldId implements Comparable<FieldId> {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final FieldId[] TABLE = new FieldId[128 * 128];

    static {
        for (int i = 0; i < ALPHABET.length(); i++) {
            for (int j = 0; j < ALPHABET.length(); j++) {
                char a = ALPHABET.charAt(i);
                char b = ALPHABET.charAt(j);
                TABLE[a << 7 | b] = new FieldId(a, b);
            }
        }
    }

    // Standard SIP2 2.00 fields.
    public static final FieldId PATRON_IDENTIFIER = of("AA");
    public static final FieldId ITEM_IDENTIFIER = of("AB");
    public static final FieldId TERMINAL_PASSWORD = of("AC");
    public static final FieldId PATRON_PASSWORD = of("AD");
    public static final FieldId PERSONAL_NAME = of("AE");
    public static final FieldId SCREEN_MESSAGE = of("AF");
    public static final FieldId PRINT_LINE = of("AG");
    public static final FieldId DUE_DATE = of("AH");
    public static final FieldId TITLE_IDENTIFIER = of("AJ");
    public static final FieldId BLOCKED_CARD_MSG = of("AL");
    public static final FieldId LIBRARY_NAME = of("AM");
    public static final FieldId TERMINAL_LOCATION = of("AN");
    public static final FieldId INSTITUTION_ID = of("AO");
    public static final FieldId CURRENT_LOCATION = of("AP");
    public static final FieldId PERMANENT_LOCATION = of("AQ");
    public static final FieldId HOLD_ITEMS = of("AS");
    public static final FieldId OVERDUE_ITEMS = of("AT");
    public static final FieldId CHARGED_ITEMS = of("AU");
    public static final FieldId FINE_ITEMS = of("AV");
    public static final FieldId SEQUENCE_NUMBER = of("AY");
    public static final FieldId CHECKSUM = of("AZ");
    public static final FieldId HOME_ADDRESS = of("BD");
    public static final FieldId EMAIL_ADDRESS = of("BE");
    public static final FieldId HOME_PHONE_NUMBER = of("BF");
    public static final FieldId OWNER = of("BG");
    public static final FieldId CURRENCY_TYPE = of("BH");
    public static final FieldId CANCEL = of("BI");
    public static final FieldId TRANSACTION_ID = of("BK");
    public static final FieldId VALID_PATRON = of("BL");
    public static final FieldId RENEWED_ITEMS = of("BM");
    public static final FieldId UNRENEWED_ITEMS = of("BN");
    public static final FieldId FEE_ACKNOWLEDGED = of("BO");
    public static final FieldId START_ITEM = of("BP");
    public static final FieldId END_ITEM = of("BQ");
    public static final FieldId QUEUE_POSITION = of("BR");
    public static final FieldId PICKUP_LOCATION = of("BS");
    public static final FieldId FEE_TYPE = of("BT");
    public static final FieldId RECALL_ITEMS = of("BU");
    public static final FieldId FEE_AMOUNT = of("BV");
    public static final FieldId EXPIRATION_DATE = of("BW");
    public static final FieldId SUPPORTED_MESSAGES = of("BX");
    public static final FieldId HOLD_TYPE = of("BY");
    public static final FieldId HOLD_ITEMS_LIMIT = of("BZ");
    public static final FieldId OVERDUE_ITEMS_LIMIT = of("CA");
    public static final FieldId CHARGED_ITEMS_LIMIT = of("CB");
    public static final FieldId FEE_LIMIT = of("CC");
    public static final FieldId UNAVAILABLE_HOLD_ITEMS = of("CD");
    public static final FieldId HOLD_QUEUE_LENGTH = of("CF");
    public static final FieldId FEE_IDENTIFIER = of("CG");
    public static final FieldId ITEM_PROPERTIES = of("CH");
    public static final FieldId SECURITY_INHIBIT = of("CI");
    public static final FieldId RECALL_DATE = of("CJ");
    public static final FieldId MEDIA_TYPE = of("CK");
    public static final FieldId SORT_BIN = of("CL");
    public static final FieldId HOLD_PICKUP_DATE = of("CM");
    public static final FieldId LOGIN_USER_ID = of("CN");
    public static final FieldId LOGIN_PASSWORD = of("CO");
    public static final FieldId LOCATION_CODE = of("CP");
    public static final FieldId VALID_PATRON_PASSWORD = of("CQ");

    // 3M "SIP2 Extensions" rev 1.20 (checkin / AMH sorters).
    public static final FieldId COLLECTION_CODE = of("CR");
    public static final FieldId CALL_NUMBER = of("CS");
    public static final FieldId DESTINATION_LOCATION = of("CT");
    public static final FieldId ALERT_TYPE = of("CV");
    public static final FieldId HOLD_PATRON_ID = of("CY");
    public static final FieldId HOLD_PATRON_NAME = of("DA");

    // Envisionware patron extensions, also sent by Koha and Evergreen.
    public static final FieldId PATRON_EXPIRATION_DATE = of("PA");
    public static final FieldId PATRON_BIRTH_DATE = of("PB");
    public static final FieldId PATRON_CLASS = of("PC");
    public static final FieldId PATRON_INTERNET_PROFILE = of("PI");

    private final char first;
    private final char second;
    private final String code;

    private FieldId(char first, char second) {
        this.first = first;
        this.second = second;
        this.code = new String(new char[] {first, second});
    }

    /**
     * The identifier for two code characters, or {@code null} when either is not an ASCII letter or digit. Never
     * allocates.
     */
    public static FieldId of(int first, int second) {
        if ((first | second) >= 128 || first < 0 || second < 0) {
            return null;
        }
        return TABLE[first << 7 | second];
    }

    /**
     * The identifier for a two-character code.
     *
     * @throws IllegalArgumentException unless the code is exactly two ASCII letters or digits
     */
    public static FieldId of(String code) {
        FieldId id = code != null && code.length() == 2 ? of(code.charAt(0), code.charAt(1)) : null;
        if (id == null) {
            throw new IllegalArgumentException("a SIP2 field ID is two ASCII letters or digits: " + code);
        }
        return id;
    }

    /** The two-character code, e.g. {@code "AO"}. */
    public String code() {
        return code;
    }

    public char first() {
        return first;
    }

    public char second() {
        return second;
    }

    /**
     * Whether values under this ID are secrets (terminal password AC, patron password AD, login password CO) that
     * must never appear in logs or {@code toString}.
     */
    public boolean isSecret() {
        return this == TERMINAL_PASSWORD || this == PATRON_PASSWORD || this == LOGIN_PASSWORD;
    }

    @Override
    public int compareTo(FieldId other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
