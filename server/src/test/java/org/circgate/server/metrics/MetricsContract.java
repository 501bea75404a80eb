package org.circgate.server.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics contract table of docs/metrics.md as data, read the same way deploy/tools/contract.py reads it for the
 * dashboard and alert lint: a row names metrics (`a_{x,y}` expands, a trailing `*` is a prefix) and its labels, as
 * `label` (`v1`,`v2`) for a closed set, `label` (words) for an open one, or "standard" for the binders' own labels.
 * The server's real scrape is checked against this, so the document cannot drift from the code.
 */
final class MetricsContract {
    /** One table row. {@code labels}: label → allowed values, or null when the values are open. */
    record Row(List<String> names, List<String> prefixes, Map<String, Set<String>> labels, boolean standard) {
        boolean matches(String name) {
            return names.contains(name) || prefixes.stream().anyMatch(name::startsWith);
        }
    }

    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern LABEL = Pattern.compile("`(\\w+)`(?:\\s*\\(([^)]*)\\))?");

    private final List<Row> rows;

    private MetricsContract(List<Row> rows) {
        this.rows = rows;
    }

    static MetricsContract read(Path markdown) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(markdown)) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.strip().replaceAll("^\\||\\|$", "").split("\\|", -1);
            if (cells.length < 4) {
                continue;
            }
            String labelCell = cells[2].strip();
            String meaning = String.join("|", java.util.Arrays.copyOfRange(cells, 3, cells.length));
            List<String> names = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            Matcher ticked = TICKED.matcher(cells[0]);
            while (ticked.find()) {
                for (String name : expand(ticked.group(1))) {
                    if (name.endsWith("*")) {
                        prefixes.add(name.substring(0, name.length() - 1));
                    } else {
                        names.add(name);
                    }
                }
            }
            boolean standard = labelCell.equals("standard");
            Map<String, Set<String>> labels = new LinkedHashMap<>();
            if (!standard && !labelCell.equals("—") && !labelCell.equals("-") && !labelCell.isEmpty()) {
                Matcher label = LABEL.matcher(labelCell);
                while (label.find()) {
                    String inner = label.group(2);
                    Set<String> values = inner == null ? new HashSet<>() : ticked(inner);
                    labels.put(label.group(1), inner != null && values.isEmpty() ? null : values);
                }
                for (Map.Entry<String, Set<String>> entry : labels.entrySet()) {
                    Set<String> prose = proseValues(meaning, entry.getKey());
                    if (entry.getValue() != null && !prose.isEmpty()) {
                        entry.getValue().addAll(prose);
                    }
                }
            }
            rows.add(new Row(names, prefixes, labels, standard));
        }
        // A label given without values in one row takes the values it has in the others.
        Map<String, Set<String>> known = new HashMap<>();
        for (Row row : rows) {
            row.labels().forEach((label, values) -> {
                if (values != null && !values.isEmpty()) {
                    known.computeIfAbsent(label, k -> new HashSet<>()).addAll(values);
                }
            });
        }
        for (Row row : rows) {
            row.labels().replaceAll((label, values) -> values != null && values.isEmpty() ? known.get(label) : values);
        }
        return new MetricsContract(rows);
    }

    List<Row> rows() {
        return rows;
    }

    Optional<Row> rowOf(String name) {
        return rows.stream().filter(row -> row.matches(name)).findFirst();
    }

    private static List<String> expand(String token) {
        Matcher m = Pattern.compile("^(.*)\\{([^}]*)\\}(.*)$").matcher(token);
        if (!m.matches()) {
            return List.of(token);
        }
        List<String> out = new ArrayList<>();
        for (String alternative : m.group(2).split(",")) {
            out.add(m.group(1) + alternative.strip() + m.group(3));
        }
        return out;
    }

    private static Set<String> ticked(String text) {
        Set<String> values = new HashSet<>();
        Matcher m = TICKED.matcher(text);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /** Values listed in prose: "`command` is the SIP2 message name (`login`, ...) or ... (`LookupUser`, ...)." */
    private static Set<String> proseValues(String meaning, String label) {
        Matcher sentence = Pattern.compile("`" + Pattern.quote(label) + "` is (.*?)(?:\\.\\s+`|\\.\\s*\\|?\\s*$)")
                .matcher(meaning.strip());
        Set<String> values = new HashSet<>();
        if (sentence.find()) {
            Matcher groups = Pattern.compile("\\(([^)]*)\\)").matcher(sentence.group(1));
            while (groups.find()) {
                values.addAll(ticked(groups.group(1)));
            }
        }
        return values;
    }
}
