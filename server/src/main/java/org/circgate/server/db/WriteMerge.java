package org.circgate.server.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the held-back writes of a shared transaction into fewer statements. The writes come in units (one kiosk
 * request each) that touch disjoint rows, so statements of different units may run in any order; within a unit the
 * order stays. Units that wrote the same statements in the same order are merged position by position, and a
 * single-row {@code INSERT ... VALUES (...)} repeated across them becomes one multi-row INSERT, and an UPDATE or
 * DELETE of one row by its {@code id} with the same other parameters becomes one statement for all their ids: MariaDB
 * parses and plans each once, which is most of what a one-row statement costs it.
 */
final class WriteMerge {
    /** One statement and its parameters. */
    record Write(String sql, Object[] params) {
    }

    /** {@code INSERT INTO table (columns) VALUES (...)} and nothing after the row. */
    private static final Pattern SINGLE_ROW_INSERT = Pattern.compile(
            "(?is)\\s*INSERT\\s+INTO\\s+[\\w`.]+\\s*\\([^()]*\\)\\s*VALUES\\s*(\\(.*\\))\\s*");

    /** An UPDATE or DELETE ending in {@code WHERE id = ?}: one row by its primary key. */
    private static final Pattern BY_ID = Pattern.compile(
            "(?is)\\s*(UPDATE|DELETE)\\s.*\\sWHERE\\s+(id\\s*=\\s*\\?)\\s*");

    private WriteMerge() {
    }

    /**
     * @param writes     in the order they were made
     * @param unitStarts ascending indexes into {@code writes} where a unit begins; writes before the first belong to
     *                   no unit and keep their place at the front
     */
    static List<Write> merge(List<Write> writes, List<Integer> unitStarts) {
        if (unitStarts.isEmpty()) {
            return writes;
        }
        List<Write> merged = new ArrayList<>(writes.subList(0, unitStarts.get(0)));
        Map<List<String>, List<List<Write>>> byShape = new LinkedHashMap<>();
        for (int u = 0; u < unitStarts.size(); u++) {
            int end = u + 1 < unitStarts.size() ? unitStarts.get(u + 1) : writes.size();
            List<Write> unit = writes.subList(unitStarts.get(u), end);
            if (unit.isEmpty()) {
                continue;
            }
            List<String> shape = unit.stream().map(Write::sql).toList();
            byShape.computeIfAbsent(shape, s -> new ArrayList<>()).add(unit);
        }
        for (Map.Entry<List<String>, List<List<Write>>> group : byShape.entrySet()) {
            List<String> shape = group.getKey();
            List<List<Write>> units = group.getValue();
            for (int k = 0; k < shape.size(); k++) {
                String row = units.size() > 1 ? insertRow(shape.get(k)) : null;
                Write byIds = units.size() > 1 && row == null ? byIds(units, k) : null;
                if (byIds != null) {
                    merged.add(byIds);
                    continue;
                }
                if (row == null) {
                    for (List<Write> unit : units) {
                        merged.add(unit.get(k));
                    }
                    continue;
                }
                StringBuilder sql = new StringBuilder(shape.get(k));
                List<Object> params = new ArrayList<>(Arrays.asList(units.get(0).get(k).params()));
                for (List<Write> unit : units.subList(1, units.size())) {
                    sql.append(",\n").append(row);
                    params.addAll(Arrays.asList(unit.get(k).params()));
                }
                merged.add(new Write(sql.toString(), params.toArray()));
            }
        }
        return merged;
    }

    /**
     * The k-th statements of {@code units} as one {@code ... WHERE id IN (...)}, when each is an UPDATE or DELETE of
     * one row by id, all have the same other parameters, and the ids differ (a repeated id must stay two statements:
     * {@code SET n = n + 1} twice is not once); otherwise null.
     */
    private static Write byIds(List<List<Write>> units, int k) {
        String sql = units.get(0).get(k).sql();
        Matcher matcher = BY_ID.matcher(sql);
        if (!matcher.matches()) {
            return null;
        }
        Object[] first = units.get(0).get(k).params();
        if (first.length == 0) {
            return null;
        }
        List<Object> others = Arrays.asList(first).subList(0, first.length - 1);
        Set<Object> ids = new HashSet<>();
        for (List<Write> unit : units) {
            Object[] params = unit.get(k).params();
            Object id = params[params.length - 1];
            if (params.length != first.length || id == null || !ids.add(id)
                    || !Arrays.asList(params).subList(0, params.length - 1).equals(others)) {
                return null;
            }
        }
        List<Object> params = new ArrayList<>(others);
        for (List<Write> unit : units) {
            params.add(unit.get(k).params()[first.length - 1]);
        }
        String in = "id IN " + Sql.inList(units.size());
        return new Write(sql.substring(0, matcher.start(2)) + in + sql.substring(matcher.end(2)), params.toArray());
    }

    /** The row of a single-row INSERT ({@code (?, ?, ...)}), or null when the statement is anything else. */
    static String insertRow(String sql) {
        Matcher matcher = SINGLE_ROW_INSERT.matcher(sql);
        if (!matcher.matches()) {
            return null;
        }
        String row = matcher.group(1);
        return closesAtEnd(row) ? row : null;
    }

    /** True when the parenthesis opening {@code row} closes at its last character (one row, not several). */
    private static boolean closesAtEnd(String row) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '\'') {
                    quoted = false;
                }
            } else if (c == '\'') {
                quoted = true;
            } else if (c == ';' || c == '"' || c == '`') {
                return false; // never guess about a second statement or quoted names
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i != row.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0 && !quoted;
    }
}
