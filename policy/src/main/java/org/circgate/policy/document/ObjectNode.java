package org.circgate.policy.document;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.circgate.policy.Limit;
import org.circgate.policy.Money;
import org.circgate.policy.PolicyNames;

/**
 * Typed, path-aware access to one object of a generic document tree ({@code Map<String, Object>} with lists,
 * strings, numbers, booleans and nulls, as any JSON or YAML parser produces). Each accessor records a
 * {@link PolicyError} at the field's path instead of throwing; {@link #finish()} reports fields nobody asked for, so
 * typos do not pass silently.
 */
final class ObjectNode {

    private final Map<?, ?> map;
    private final String path;
    private final Problems problems;
    private final Set<String> read = new HashSet<>();

    private ObjectNode(Map<?, ?> map, String path, Problems problems) {
        this.map = map;
        this.path = path;
        this.problems = problems;
    }

    /** The object at {@code path}, or null (with an error) when {@code value} is not an object. */
    static ObjectNode of(Object value, String path, Problems problems) {
        if (value instanceof Map) {
            return new ObjectNode((Map<?, ?>) value, path, problems);
        }
        problems.add(path, "expected an object, found " + describe(value));
        return null;
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Problems problems() {
        return problems;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    private Object take(String key) {
        read.add(key);
        return map.get(key);
    }

    private Object required(String key) {
        Object value = take(key);
        if (value == null) {
            problems.add(pathOf(key), "is required");
        }
        return value;
    }

    void error(String key, String message) {
        problems.add(pathOf(key), message);
    }

    String string(String key, String fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String)) {
            error(key, "expected text, found " + describe(value));
            return fallback;
        }
        return (String) value;
    }

    String requiredString(String key) {
        if (!has(key)) {
            required(key);
            return null;
        }
        return string(key, null);
    }

    /** A policy name (≤ 10 of letters, digits, {@code - _ $}). */
    String requiredName(String key) {
        String name = requiredString(key);
        if (name != null) {
            PolicyNames.problemWithName(name).ifPresent(p -> error(key, p));
        }
        return name;
    }

    /** A reference to another policy by name, or null when absent. */
    String optionalName(String key) {
        String name = string(key, null);
        if (name != null) {
            PolicyNames.problemWithName(name).ifPresent(p -> error(key, p));
        }
        return name;
    }

    /** A policy name or {@code *}; {@code *} when absent. */
    String nameOrAny(String key) {
        String name = string(key, "*");
        if (!"*".equals(name)) {
            PolicyNames.problemWithName(name).ifPresent(p -> error(key, p));
        }
        return name;
    }

    String description(String key) {
        String description = string(key, "");
        PolicyNames.problemWithDescription(description).ifPresent(p -> error(key, p));
        return description;
    }

    boolean bool(String key, boolean fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean)) {
            error(key, "expected true or false, found " + describe(value));
            return fallback;
        }
        return (Boolean) value;
    }

    int integer(String key, int min, int max, int fallback) {
        Object value = take(key);
        return value == null ? fallback : toInt(value, key, min, max, fallback);
    }

    int requiredInteger(String key, int min, int max) {
        Object value = required(key);
        return value == null ? min : toInt(value, key, min, max, min);
    }

    private int toInt(Object value, String key, int min, int max, int fallback) {
        BigDecimal number = number(value);
        if (number == null) {
            error(key, "expected a whole number, found " + describe(value));
            return fallback;
        }
        try {
            int n = number.intValueExact();
            if (n < min || n > max) {
                error(key, "must be " + min + "-" + max + ", found " + n);
                return fallback;
            }
            return n;
        } catch (ArithmeticException e) {
            error(key, "expected a whole number " + min + "-" + max + ", found " + number.toPlainString());
            return fallback;
        }
    }

    /** An amount of money as text ({@code "5.00"}) or a number, converted exactly to cents. */
    long money(String key, long maxCents, long fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        BigDecimal amount = value instanceof String ? parseDecimal((String) value) : number(value);
        if (amount == null) {
            error(key, "expected an amount such as \"5.00\", found " + describe(value));
            return fallback;
        }
        long cents;
        try {
            cents = Money.toCents(amount);
        } catch (IllegalArgumentException e) {
            error(key, "amount " + amount.toPlainString() + " has more than two decimals");
            return fallback;
        }
        if (cents < 0 || cents > maxCents) {
            error(key, "must be 0.00-" + Money.format(maxCents) + ", found " + amount.toPlainString());
            return fallback;
        }
        return cents;
    }

    /** A count limit: a number 0–25,000 or {@code "UNLIMITED"} (25,000 also means UNLIMITED). */
    Limit limit(String key, Limit fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String && "UNLIMITED".equalsIgnoreCase(((String) value).trim())) {
            return Limit.UNLIMITED;
        }
        if (number(value) == null) {
            error(key, "expected a number 0-" + Limit.MAX_EXPLICIT + " or \"UNLIMITED\", found " + describe(value));
            return fallback;
        }
        return Limit.of(toInt(value, key, 0, Limit.UNLIMITED_VALUE, fallback.value()));
    }

    /**
     * An enum constant by name; case, spaces and dashes are forgiven so the wizard's labels ("Web Services DS",
     * "Allow Override") work too.
     */
    <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        Object value = take(key);
        if (value == null || (value instanceof String && ((String) value).isBlank())) {
            return fallback;
        }
        return toEnum(value, pathOf(key), type, fallback);
    }

    <E extends Enum<E>> E requiredEnum(String key, Class<E> type) {
        Object value = required(key);
        return value == null ? null : toEnum(value, pathOf(key), type, null);
    }

    <E extends Enum<E>> E toEnum(Object value, String at, Class<E> type, E fallback) {
        if (value instanceof String) {
            String wanted = ((String) value).trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(wanted)) {
                    return constant;
                }
            }
        }
        problems.add(at, "expected one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")) + ", found " + describe(value));
        return fallback;
    }

    /** An ISO date ({@code 2024-12-15}), or null when absent. */
    LocalDate date(String key) {
        Object value = take(key);
        return value == null ? null : toDate(value, pathOf(key));
    }

    LocalDate requiredDate(String key) {
        Object value = required(key);
        return value == null ? null : toDate(value, pathOf(key));
    }

    LocalDate toDate(Object value, String at) {
        if (value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof String) {
            try {
                return LocalDate.parse(((String) value).trim());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problems.add(at, "expected a date such as \"2024-12-15\", found " + describe(value));
        return null;
    }

    /** The list at {@code key}: empty when absent, null (with an error) when not a list. */
    List<?> list(String key) {
        Object value = take(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            error(key, "expected a list, found " + describe(value));
            return null;
        }
        return (List<?>) value;
    }

    /** The objects of the list at {@code key}; elements that are not objects are reported and skipped. */
    List<ObjectNode> objects(String key) {
        List<?> values = list(key);
        List<ObjectNode> nodes = new ArrayList<>();
        if (values == null) {
            return nodes;
        }
        for (int i = 0; i < values.size(); i++) {
            ObjectNode node = of(values.get(i), pathOf(key) + "[" + i + "]", problems);
            if (node != null) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    /** The object at {@code key}, or null when absent (no error) or not an object (error). */
    ObjectNode object(String key) {
        Object value = take(key);
        return value == null ? null : of(value, pathOf(key), problems);
    }

    /** Raw value of {@code key} (marks it read). */
    Object raw(String key) {
        return take(key);
    }

    /** Reports every field that no accessor read. */
    void finish() {
        for (Object key : map.keySet()) {
            if (!read.contains(String.valueOf(key))) {
                problems.add(pathOf(String.valueOf(key)), "unknown field");
            }
        }
    }

    static BigDecimal number(Object value) {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // toString gives the shortest decimal that round-trips, so 5.1 stays 5.1 rather than 5.0999...
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
        }
        return null;
    }

    private static BigDecimal parseDecimal(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String) {
            String s = (String) value;
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        return String.valueOf(value);
    }
}
