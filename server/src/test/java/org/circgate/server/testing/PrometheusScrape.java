package org.circgate.server.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed Prometheus text exposition (format 0.0.4): the declared type of each family and every sample with its
 * labels, read strictly enough that a malformed line fails the test instead of being skipped.
 */
public final class PrometheusScrape {
    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
        public String label(String key) {
            return labels.get(key);
        }
    }

    private final Map<String, String> types;
    private final List<Sample> samples;

    private PrometheusScrape(Map<String, String> types, List<Sample> samples) {
        this.types = types;
        this.samples = samples;
    }

    public static PrometheusScrape parse(String text) {
        Map<String, String> types = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("line " + lineNumber + ": bad TYPE line: " + line);
                }
                types.put(parts[0], parts[1]);
            } else if (!line.startsWith("#")) {
                samples.add(sample(line, lineNumber));
            }
        }
        return new PrometheusScrape(types, samples);
    }

    /** Family name → declared type (counter, gauge, histogram, summary, untyped). */
    public Map<String, String> types() {
        return types;
    }

    public List<Sample> samples() {
        return samples;
    }

    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of the sample with exactly these labels (a subset match: other labels may exist). */
    public Optional<Double> value(String name, Map<String, String> labels) {
        return samples(name).stream().filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .map(Sample::value).reduce(Double::sum);
    }

    private static Sample sample(String line, int lineNumber) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String key = line.substring(i, eq);
                if (line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("line " + lineNumber + ": label value not quoted: " + line);
                }
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                if (labels.put(key, value.toString()) != null) {
                    throw new IllegalArgumentException("line " + lineNumber + ": duplicate label " + key);
                }
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        String[] rest = line.substring(i).trim().split(" ");
        double value = switch (rest[0]) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(rest[0]);
        };
        return new Sample(name, labels, value);
    }
}
