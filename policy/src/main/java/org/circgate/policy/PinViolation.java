package org.circgate.policy;

/** Why a new PIN is refused. */
public enum PinViolation {
    EMPTY("A PIN is required"),
    ONLY_ASTERISKS("A PIN may not consist only of asterisks"),
    TOO_SHORT("The PIN is too short"),
    TOO_LONG("The PIN is too long"),
    INVALID_CHARACTER("The PIN contains a character that is not allowed"),
    MISSING_UPPERCASE("The PIN needs more uppercase letters"),
    MISSING_LOWERCASE("The PIN needs more lowercase letters"),
    MISSING_DIGIT("The PIN needs more digits"),
    MISSING_SPECIAL("The PIN needs more special characters");

    private final String message;

    PinViolation(String message) {
        this.message = message;
    }

    /** A sentence for a screen message. */
    public String message() {
        return message;
    }
}
