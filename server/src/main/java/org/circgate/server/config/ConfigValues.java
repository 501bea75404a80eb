package org.circgate.server.config;

import java.util.Map;
import java.util.Objects;

/** Raw text values by key name, each remembering where it came from so an error can say so. */
public final class ConfigValues {
    /** A text value and its origin ("environment variable CIRCGATE_SIP2_PORT", "circgate.yml"). */
    record Source(String text, String origin) {
    }

    private final Map<String, Source> values;

    ConfigValues(Map<String, Source> values) {
        this.values = Map.copyOf(values);
    }

    public <T> T get(ConfigKey<T> key) {
        Source source = values.get(key.name());
        if (source == null || source.text().isBlank()) {
            return key.defaultValue();
        }
        try {
            return key.parse(source.text());
        } catch (IllegalArgumentException e) {
            String shown = key.isSecret() ? "***" : "'" + source.text() + "'";
            throw new ConfigException("Configuration error: " + key.name() + " (" + source.origin() + ") "
                    + e.getMessage() + ", got " + shown);
        }
    }

    /** The value, or the value of {@code fallback} when this key is unset. */
    public <T> T getOr(ConfigKey<T> key, ConfigKey<T> fallback) {
        T value = get(key);
        return value != null ? value : get(fallback);
    }

    boolean isSet(ConfigKey<?> key) {
        Source source = values.get(key.name());
        return source != null && !source.text().isBlank();
    }

    String origin(ConfigKey<?> key) {
        Source source = values.get(key.name());
        return source == null ? "default" : source.origin();
    }

    @Override
    public String toString() {
        return "ConfigValues" + Objects.toString(values.keySet());
    }
}
