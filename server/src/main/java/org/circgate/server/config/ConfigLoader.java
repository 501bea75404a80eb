package org.circgate.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the configuration: defaults, then the YAML file (if any), then environment variables, last one wins.
 * Nested YAML maps become dotted keys ({@code sip2: {port: 6001}} is {@code sip2.port}); an unknown key in the file
 * is an error, so a typo never silently falls back to a default.
 */
public final class ConfigLoader {
    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public ServerConfig load(Path configFile) {
        return ServerConfig.from(values(configFile));
    }

    ConfigValues values(Path configFile) {
        Map<String, ConfigValues.Source> values = new HashMap<>();
        if (configFile != null) {
            readFile(configFile, values);
        }
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            String env = environment.get(key.environmentVariable());
            if (env != null) {
                values.put(key.name(), new ConfigValues.Source(env, "environment variable " + key.environmentVariable()));
            }
        }
        return new ConfigValues(values);
    }

    private static void readFile(Path file, Map<String, ConfigValues.Source> values) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Configuration error: --config " + file + " is not a readable file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ConfigException("Configuration error: " + file + " is not valid YAML (line "
                    + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("Configuration error: cannot read " + file + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            throw new ConfigException("Configuration error: " + file + " must be a YAML mapping of keys to values");
        }
        Set<String> known = new TreeSet<>();
        ConfigKeys.ALL.forEach(k -> known.add(k.name()));
        flatten("", root, file.getFileName().toString(), known, values);
    }

    private static void flatten(String prefix, JsonNode node, String origin, Set<String> known,
            Map<String, ConfigValues.Source> values) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(name, value, origin, known, values);
            } else if (!known.contains(name)) {
                throw new ConfigException("Configuration error: " + name + " (" + origin + ") is not a known key");
            } else if (value.isArray()) {
                throw new ConfigException("Configuration error: " + name + " (" + origin + ") must be a single value");
            } else {
                values.put(name, new ConfigValues.Source(value.isNull() ? "" : value.asText(), origin));
            }
        }
    }
}
