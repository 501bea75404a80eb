package org.circgate.server.config;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One typed configuration key: its dotted name in the file, its environment variable, its default and how a text
 * value is parsed and checked. Parsers throw {@link IllegalArgumentException} with a short reason; the loader turns
 * that into a {@link ConfigException} naming the key and where the value came from.
 */
public final class ConfigKey<T> {
    private final String name;
    private final String description;
    private final T defaultValue;
    private final Function<String, T> parser;
    private final boolean secret;

    private ConfigKey(String name, String description, T defaultValue, Function<String, T> parser, boolean secret) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.defaultValue = defaultValue;
        this.parser = Objects.requireNonNull(parser, "parser");
        this.secret = secret;
    }

    public static ConfigKey<String> string(String name, String defaultValue, String description) {
        return new ConfigKey<>(name, description, defaultValue, s -> s, false);
    }

    public static ConfigKey<String> secret(String name, String description) {
        return new ConfigKey<>(name, description, null, s -> s, true);
    }

    public static ConfigKey<Integer> integer(String name, int defaultValue, int min, int max, String description) {
        return new ConfigKey<>(name, description, defaultValue, s -> parseInt(s, min, max), false);
    }

    public static ConfigKey<Integer> port(String name, int defaultValue, String description) {
        return integer(name, defaultValue, 0, 65_535, description);
    }

    public static ConfigKey<Boolean> bool(String name, boolean defaultValue, String description) {
        return new ConfigKey<>(name, description, defaultValue, ConfigKey::parseBoolean, false);
    }

    public static <E extends Enum<E>> ConfigKey<E> enumeration(String name, E defaultValue, String description) {
        Class<E> type = defaultValue.getDeclaringClass();
        return new ConfigKey<>(name, description, defaultValue, s -> parseEnum(type, s), false);
    }

    /** The environment variable that overrides this key: {@code sip2.maxFrameLength → CIRCGATE_SIP2_MAX_FRAME_LENGTH}. */
    public String environmentVariable() {
        StringBuilder env = new StringBuilder("CIRCGATE_");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                env.append('_');
            } else if (Character.isUpperCase(c)) {
                env.append('_').append(c);
            } else {
                env.append(Character.toUpperCase(c));
            }
        }
        return env.toString();
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public boolean isSecret() {
        return secret;
    }

    T parse(String text) {
        return parser.apply(text.trim());
    }

    private static int parseInt(String s, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max);
        }
        return value;
    }

    private static boolean parseBoolean(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": case "1":
                return true;
            case "false": case "no": case "off": case "0":
                return false;
            default:
                throw new IllegalArgumentException("must be true or false");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String s) {
        String normalized = s.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalized)) {
                return constant;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("must be one of " + allowed);
    }

    @Override
    public String toString() {
        return name;
    }
}
