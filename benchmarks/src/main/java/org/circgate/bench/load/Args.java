package org.circgate.bench.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * {@code --name value} and {@code --flag} command-line options. Every option must be read by the tool, so a typo is
 * an error instead of a silently ignored setting.
 */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> read = new HashSet<>();

    Args(String[] args, Set<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("expected an option (--name), got '" + arg + "'");
            }
            String name = arg.substring(2);
            int equals = name.indexOf('=');
            if (equals > 0) {
                values.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (flags.contains(name)) {
                values.put(name, "true");
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
        }
    }

    boolean has(String name) {
        read.add(name);
        return values.containsKey(name);
    }

    String text(String name, String fallback) {
        read.add(name);
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String value = text(name, null);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /**
     * {@code --password}, or else the password of {@code user} ("app" or "root") in the embedded database's
     * credentials file named by {@code --credentials}; null when neither is given.
     */
    String databasePassword(String user) {
        String password = text("password", null);
        String credentials = text("credentials", null);
        if (password != null || credentials == null) {
            return password;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(credentials), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + credentials + ": " + e.getMessage(), e);
        }
        String stored = properties.getProperty(user + ".password");
        if (stored == null) {
            throw new IllegalArgumentException(credentials + " has no " + user + ".password");
        }
        return stored;
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(text(name, "false"));
    }

    int integer(String name, int fallback, int min) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (parsed < min) {
                throw new IllegalArgumentException("--" + name + " must be at least " + min + ", got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'", e);
        }
    }

    double decimal(String name, double fallback) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value.replace("_", "").replace(",", ""));
            if (parsed < 0 || Double.isNaN(parsed) || Double.isInfinite(parsed)) {
                throw new IllegalArgumentException("--" + name + " must not be negative, got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + value + "'", e);
        }
    }

    /** {@code 30s}, {@code 2m}, {@code 500ms}, or a number of seconds. */
    Duration duration(String name, Duration fallback) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a duration such as 30s, 2m or 500ms, got '"
                    + value + "'", e);
        }
    }

    /** Fails on any option the tool did not ask for. */
    void rejectUnknown() {
        for (String name : values.keySet()) {
            if (!read.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
    }
}
