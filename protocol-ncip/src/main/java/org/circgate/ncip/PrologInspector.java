package org.circgate.ncip;

/**
 * Decides about a DOCTYPE before the parser sees the document, on the decoded text. Policy:
 * <ul>
 * <li>no DOCTYPE: nothing to do (entity references are then refused by the stream filter or are not well-formed);</li>
 * <li>a DOCTYPE with an internal subset ({@code [...]}): refused — that is where entity bombs, XXE and parameter
 * entities live, and NCIP never needs one;</li>
 * <li>a DOCTYPE line naming only an external DTD (what NCIP 1 clients send): accepted, the DTD is never read; but
 * since a non-validating parser then lets undeclared entities in attribute values pass as empty text, the document
 * is scanned and any entity reference other than the five predefined ones and character references is refused.</li>
 * </ul>
 * The JDK parser's own DTD event text is not relied on: it garbles some DOCTYPEs.
 */
final class PrologInspector {

    private static final String DOCTYPE = "<!DOCTYPE";

    private PrologInspector() {
    }

    /** Null when the document may be parsed, else the refusal. */
    static RefusedInputException inspect(String text) {
        int doctype = findDoctype(text);
        if (doctype < 0) {
            return null;
        }
        int end = doctypeEnd(text, doctype + DOCTYPE.length());
        if (end < 0) {
            return new RefusedInputException(NcipReadError.DTD_REFUSED, "DOCTYPE with an internal subset refused");
        }
        String entity = firstEntityReference(text, end);
        if (entity != null) {
            return new RefusedInputException(NcipReadError.ENTITY_REFUSED,
                    "entity reference &" + clip(entity) + "; refused: DTDs are not read");
        }
        return null;
    }

    /** Index of a DOCTYPE in the prolog (after declaration, comments, PIs, whitespace), or -1. */
    private static int findDoctype(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (text.startsWith("<?", i)) {
                i = skipPast(text, i + 2, "?>");
            } else if (text.startsWith("<!--", i)) {
                i = skipPast(text, i + 4, "-->");
            } else if (text.startsWith(DOCTYPE, i)) {
                return i;
            } else {
                return -1;
            }
        }
        return -1;
    }

    /** Index just past the DOCTYPE's closing '>', or -1 if an internal subset opens first. */
    private static int doctypeEnd(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                return -1;
            } else if (c == '>') {
                return i + 1;
            }
        }
        // Unterminated DOCTYPE: let the parser report the syntax error.
        return text.length();
    }

    /** Name of the first entity reference outside comments, CDATA and PIs that only a DTD could define. */
    private static String firstEntityReference(String text, int from) {
        int i = from;
        int n = text.length();
        while (i < n) {
            if (text.startsWith("<!--", i)) {
                i = skipPast(text, i + 4, "-->");
            } else if (text.startsWith("<![CDATA[", i)) {
                i = skipPast(text, i + 9, "]]>");
            } else if (text.startsWith("<?", i)) {
                i = skipPast(text, i + 2, "?>");
            } else if (text.charAt(i) == '&') {
                int semicolon = text.indexOf(';', i);
                String name = semicolon < 0 ? text.substring(i + 1, Math.min(n, i + 33))
                        : text.substring(i + 1, semicolon);
                if (!isPredefined(name)) {
                    return name;
                }
                i = semicolon < 0 ? n : semicolon + 1;
            } else {
                i++;
            }
        }
        return null;
    }

    private static boolean isPredefined(String name) {
        return name.startsWith("#") || name.equals("amp") || name.equals("lt") || name.equals("gt")
                || name.equals("quot") || name.equals("apos");
    }

    private static int skipPast(String text, int from, String terminator) {
        int end = text.indexOf(terminator, from);
        return end < 0 ? text.length() : end + terminator.length();
    }

    private static String clip(String name) {
        return name.length() <= 32 ? name : name.substring(0, 32) + "...";
    }
}
