package org.circgate.sip2;

/** Hold mode (1 character, fixed field of 15). */
public enum HoldMode {
    ADD('+'), DELETE('-'), CHANGE('*');

    private final char code;

    HoldMode(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    /** The mode for a wire character, or {@code null} if the character is not one. */
    public static HoldMode of(int code) {
        switch (code) {
            case '+': return ADD;
            case '-': return DELETE;
            case '*': return CHANGE;
            default: return null;
        }
    }
}
