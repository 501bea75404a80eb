package org.circgate.policy;

import java.util.Optional;

/**
 * The naming rules every Symphony policy shares (seeds 001, 003, 004): a name of at most ten characters from letters,
 * digits, dash, underscore and dollar sign; a description of at most sixty characters without the pipe character.
 *
 * <p>The {@code problemWith...} methods return the problem as text so that both record constructors (which throw)
 * and the policy-file reader (which collects errors) say the same thing.
 */
public final class PolicyNames {

    /** Longest policy name (seed 001: "ten characters or less"). */
    public static final int MAX_NAME_LENGTH = 10;
    /** Longest description (seed 001: "up to 60 characters"). */
    public static final int MAX_DESCRIPTION_LENGTH = 60;

    private PolicyNames() {
    }

    public static Optional<String> problemWithName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("a name is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of("name '" + name + "' is longer than " + MAX_NAME_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isNameCharacter(c)) {
                return Optional.of("name '" + name + "' contains '" + c
                        + "'; only letters, digits, '-', '_' and '$' are allowed");
            }
        }
        return Optional.empty();
    }

    public static Optional<String> problemWithDescription(String description) {
        if (description == null) {
            return Optional.of("a description may be empty but not missing");
        }
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            return Optional.of("description is longer than " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        if (description.indexOf('|') >= 0) {
            return Optional.of("description contains the pipe character '|'");
        }
        return Optional.empty();
    }

    /** Throws {@link IllegalArgumentException} naming {@code what} when the name breaks the rule. */
    public static String requireName(String name, String what) {
        problemWithName(name).ifPresent(p -> {
            throw new IllegalArgumentException(what + ": " + p);
        });
        return name;
    }

    /** A reference to another policy that may be absent: null passes, anything else must be a valid name. */
    public static String requireOptionalName(String name, String what) {
        return name == null ? null : requireName(name, what);
    }

    public static String requireDescription(String description, String what) {
        problemWithDescription(description).ifPresent(p -> {
            throw new IllegalArgumentException(what + ": " + p);
        });
        return description;
    }

    private static boolean isNameCharacter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '$';
    }
}
