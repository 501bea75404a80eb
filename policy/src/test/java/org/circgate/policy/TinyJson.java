package org.circgate.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader for tests only (the policy module has no parser in main code by design). It produces
 * the same generic tree as Jackson would and records the line of every value by its document path
 * ({@code profiles[2].chargeLimit}), which lets tests exercise the LineLocator.
 */
public final class TinyJson {

    private final String text;
    private int pos;
    private int line = 1;
    private final Map<String, Integer> lines = new HashMap<>();

    private TinyJson(String text) {
        this.text = text;
    }

    /** A parsed tree plus the line of each path. */
    public record Parsed(Object tree, Map<String, Integer> lines) {
        public int lineOf(String path) {
            return lines.getOrDefault(path, 0);
        }
    }

    public static Parsed parse(String text) {
        TinyJson parser = new TinyJson(text);
        parser.skipSpace();
        Object value = parser.value("");
        parser.skipSpace();
        if (parser.pos != text.length()) {
            throw parser.fail("trailing text");
        }
        return new Parsed(value, parser.lines);
    }

    public static Parsed parseResource(String resource) {
        try (InputStream in = TinyJson.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object value(String path) {
        lines.put(path, line);
        char c = peek();
        switch (c) {
            case '{': return object(path);
            case '[': return array(path);
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default: return number();
        }
    }

    private Map<String, Object> object(String path) {
        Map<String, Object> map = new LinkedHashMap<>();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            String child = path.isEmpty() ? key : path + "." + key;
            if (map.containsKey(key)) {
                throw fail("duplicate key " + key);
            }
            map.put(key, value(child));
            skipSpace();
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect('}');
            return map;
        }
    }

    private List<Object> array(String path) {
        List<Object> list = new ArrayList<>();
        expect('[');
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value(path + "[" + list.size() + "]"));
            skipSpace();
            if (peek() == ',') {
                pos++;
                continue;
            }
            expect(']');
            return list;
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                char e = next();
                switch (e) {
                    case 'n': out.append('\n'); break;
                    case 't': out.append('\t'); break;
                    case 'r': out.append('\r'); break;
                    case 'b': out.append('\b'); break;
                    case 'f': out.append('\f'); break;
                    case 'u':
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                        break;
                    default: out.append(e);
                }
            } else if (c < 0x20) {
                throw fail("control character in string");
            } else {
                out.append(c);
            }
        }
    }

    private Object number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (start == pos) {
            throw fail("unexpected character '" + peek() + "'");
        }
        String n = text.substring(start, pos);
        BigDecimal d = new BigDecimal(n);
        if (n.indexOf('.') < 0 && n.indexOf('e') < 0 && n.indexOf('E') < 0) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return d;
            }
        }
        return d;
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw fail("expected " + word);
        }
        pos += word.length();
        return value;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw fail("unexpected end");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw fail("expected '" + c + "'");
        }
    }

    private IllegalArgumentException fail(String message) {
        return new IllegalArgumentException("JSON line " + line + ": " + message);
    }
}
