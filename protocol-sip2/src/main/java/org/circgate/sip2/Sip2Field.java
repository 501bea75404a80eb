package org.circgate.sip2;

import java.util.Objects;

/**
 * One variable field as it appeared on the wire: its ID and its (decoded) text value. Used for fields a message type
 * does not model (vendor extensions, or a standard ID where the spec does not list it) so they survive a decode and
 * can be written back. {@code toString} masks secret IDs (AC, AD, CO).
 */
public record Sip2Field(FieldId id, String value) {

    public Sip2Field {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
    }

    public static Sip2Field of(String id, String value) {
        return new Sip2Field(FieldId.of(id), value);
    }

    @Override
    public String toString() {
        return id.code() + '=' + (id.isSecret() && !value.isEmpty() ? "***" : value);
    }
}
