package org.circgate.sip2.message;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Sip2Field;

/** Validation and {@code toString} shared by the message records. */
final class Messages {

    /** Record components that hold secrets (AC, AD, CO). */
    private static final Set<String> SECRET_COMPONENTS = Set.of("terminalPassword", "patronPassword", "loginPassword");

    private Messages() {
    }

    /** Required variable fields are never {@code null}: absent reads and writes as empty. */
    static String required(String value) {
        return value == null ? "" : value;
    }

    static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static List<Sip2Field> extensions(List<Sip2Field> fields) {
        if (fields == null || fields.isEmpty()) {
            return List.of();
        }
        List<Sip2Field> copy = List.copyOf(fields);
        for (Sip2Field field : copy) {
            if (field.id() == FieldId.SEQUENCE_NUMBER || field.id() == FieldId.CHECKSUM) {
                throw new IllegalArgumentException("AY and AZ belong to the error-detection trailer, not to a message");
            }
        }
        return copy;
    }

    /** Fixed text fields are printable ASCII of exactly their width. */
    static void fixedAscii(String value, int width, String name) {
        if (value.length() != width) {
            throw new IllegalArgumentException(name + " is " + width + " characters: '" + value + "'");
        }
        for (int i = 0; i < width; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(name + " is printable ASCII: '" + value + "'");
            }
        }
    }

    static <T> T nonNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name);
        }
        return value;
    }

    /** {@code Name[component=value, ...]} with secret components shown as {@code ***}. */
    static String toString(Record message) {
        StringBuilder sb = new StringBuilder(message.getClass().getSimpleName()).append('[');
        RecordComponent[] components = message.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Object value;
            try {
                value = component.getAccessor().invoke(message);
            } catch (ReflectiveOperationException e) {
                value = "?";
            }
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(component.getName()).append('=');
            if (SECRET_COMPONENTS.contains(component.getName()) && value instanceof String
                    && !((String) value).isEmpty()) {
                sb.append("***");
            } else {
                sb.append(value);
            }
        }
        return sb.append(']').toString();
    }
}
