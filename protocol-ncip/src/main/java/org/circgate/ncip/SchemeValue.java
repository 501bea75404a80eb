package org.circgate.ncip;

import java.util.Objects;
import java.util.Optional;

import org.circgate.ncip.xml.SchemeValuePair;

/**
 * An NCIP scheme/value pair: a value with an optional {@code Scheme} URI, e.g. an AgencyId or a UserIdentifierType.
 *
 * @param value  the element text, never null
 * @param scheme the scheme URI, or null when the sender gave none
 */
public record SchemeValue(String value, String scheme) {

    public SchemeValue {
        Objects.requireNonNull(value, "value");
    }

    public static SchemeValue of(String value) {
        return new SchemeValue(value, null);
    }

    public static SchemeValue of(String value, String scheme) {
        return new SchemeValue(value, scheme);
    }

    public Optional<String> schemeIfPresent() {
        return Optional.ofNullable(scheme);
    }

    /** True when the value equals {@code other} ignoring case, the way initiators spell type values inconsistently. */
    public boolean valueEqualsIgnoreCase(String other) {
        return value.trim().equalsIgnoreCase(other);
    }

    /** Converts a parsed JAXB pair; returns null for a missing element or an element without text. */
    public static SchemeValue fromJaxb(SchemeValuePair pair) {
        if (pair == null || pair.getValue() == null) {
            return null;
        }
        String scheme = pair.getScheme();
        return new SchemeValue(pair.getValue().trim(), scheme == null || scheme.isBlank() ? null : scheme.trim());
    }

    /** Converts to a fresh JAXB pair for marshalling. */
    public SchemeValuePair toJaxb() {
        SchemeValuePair pair = new SchemeValuePair();
        pair.setValue(value);
        pair.setScheme(scheme);
        return pair;
    }

    /** Null-tolerant {@link #toJaxb()}. */
    public static SchemeValuePair toJaxb(SchemeValue value) {
        return value == null ? null : value.toJaxb();
    }
}
