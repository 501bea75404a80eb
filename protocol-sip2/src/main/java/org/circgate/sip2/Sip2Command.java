package org.circgate.sip2;

/**
 * Every SIP2 2.00 command, with its two-character wire code and direction.
 *
 * <p>Requests go from the SC (kiosk, sorter, third-party client) to the ACS (our server); responses go back. 97
 * (request ACS resend) is sent by the SC and 96 (request SC resend) by the ACS, so they count as a request and a
 * response respectively. Lookup by code is a table built once; unknown codes map to {@link #UNKNOWN}.
 */
public enum Sip2Command {
    LOGIN("93", 2, Direction.REQUEST),
    LOGIN_RESPONSE("94", 1, Direction.RESPONSE),
    SC_STATUS("99", 8, Direction.REQUEST),
    ACS_STATUS("98", 34, Direction.RESPONSE),
    PATRON_STATUS_REQUEST("23", 21, Direction.REQUEST),
    PATRON_STATUS_RESPONSE("24", 35, Direction.RESPONSE),
    PATRON_INFORMATION("63", 31, Direction.REQUEST),
    PATRON_INFORMATION_RESPONSE("64", 59, Direction.RESPONSE),
    CHECKOUT("11", 38, Direction.REQUEST),
    CHECKOUT_RESPONSE("12", 22, Direction.RESPONSE),
    CHECKIN("09", 37, Direction.REQUEST),
    CHECKIN_RESPONSE("10", 22, Direction.RESPONSE),
    BLOCK_PATRON("01", 19, Direction.REQUEST),
    ITEM_INFORMATION("17", 18, Direction.REQUEST),
    ITEM_INFORMATION_RESPONSE("18", 24, Direction.RESPONSE),
    ITEM_STATUS_UPDATE("19", 18, Direction.REQUEST),
    ITEM_STATUS_UPDATE_RESPONSE("20", 19, Direction.RESPONSE),
    PATRON_ENABLE("25", 18, Direction.REQUEST),
    PATRON_ENABLE_RESPONSE("26", 35, Direction.RESPONSE),
    HOLD("15", 19, Direction.REQUEST),
    HOLD_RESPONSE("16", 20, Direction.RESPONSE),
    RENEW("29", 38, Direction.REQUEST),
    RENEW_RESPONSE("30", 22, Direction.RESPONSE),
    RENEW_ALL("65", 18, Direction.REQUEST),
    RENEW_ALL_RESPONSE("66", 27, Direction.RESPONSE),
    FEE_PAID("37", 25, Direction.REQUEST),
    FEE_PAID_RESPONSE("38", 19, Direction.RESPONSE),
    END_PATRON_SESSION("35", 18, Direction.REQUEST),
    END_SESSION_RESPONSE("36", 19, Direction.RESPONSE),
    REQUEST_ACS_RESEND("97", 0, Direction.REQUEST),
    REQUEST_SC_RESEND("96", 0, Direction.RESPONSE),
    /** A code that is not part of SIP2 2.00; never encoded. */
    UNKNOWN("??", 0, Direction.NONE);

    /** Who sends a command. */
    public enum Direction {
        /** SC to ACS. */
        REQUEST,
        /** ACS to SC. */
        RESPONSE,
        /** Only {@link #UNKNOWN}. */
        NONE
    }

    private static final Sip2Command[] BY_NUMBER = new Sip2Command[100];

    static {
        for (Sip2Command command : values()) {
            if (command == UNKNOWN) {
                continue;
            }
            int number = Integer.parseInt(command.code);
            if (BY_NUMBER[number] != null) {
                throw new AssertionError("code already in use: " + command.code);
            }
            BY_NUMBER[number] = command;
        }
    }

    private final String code;
    private final int fixedLength;
    private final Direction direction;

    Sip2Command(String code, int fixedLength, Direction direction) {
        this.code = code;
        this.fixedLength = fixedLength;
        this.direction = direction;
    }

    /** Characters of fixed-length fields between the command code and the first variable field. */
    public int fixedLength() {
        return fixedLength;
    }

    /** The two-digit wire code, e.g. {@code "93"}. */
    public String code() {
        return code;
    }

    public Direction direction() {
        return direction;
    }

    public boolean isRequest() {
        return direction == Direction.REQUEST;
    }

    public boolean isResponse() {
        return direction == Direction.RESPONSE;
    }

    /** Looks a command up by its two code bytes; anything else than two known digits gives {@link #UNKNOWN}. */
    public static Sip2Command of(int first, int second) {
        if (first < '0' || first > '9' || second < '0' || second > '9') {
            return UNKNOWN;
        }
        Sip2Command command = BY_NUMBER[(first - '0') * 10 + (second - '0')];
        return command == null ? UNKNOWN : command;
    }

    /** Looks a command up by its code; {@link #UNKNOWN} for anything that is not a SIP2 2.00 code. */
    public static Sip2Command of(CharSequence code) {
        if (code == null || code.length() != 2) {
            return UNKNOWN;
        }
        return of(code.charAt(0), code.charAt(1));
    }
}
