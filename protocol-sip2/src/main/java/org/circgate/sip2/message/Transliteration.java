package org.circgate.sip2.message;

import java.text.Normalizer;
import java.util.Map;

/**
 * Folds text to printable ASCII for legacy devices: canonical decomposition, combining marks dropped, a few letters
 * and typographic signs spelled out, anything else {@code ?} (the Evergreen and Koha behaviour: "béè♁ts" →
 * "bee?ts").
 */
final class Transliteration {

    private static final Map<Character, String> SPELLED = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('Æ', "AE"), Map.entry('ø', "o"),
            Map.entry('Ø', "O"), Map.entry('œ', "oe"), Map.entry('Œ', "OE"), Map.entry('ł', "l"),
            Map.entry('Ł', "L"), Map.entry('đ', "d"), Map.entry('Đ', "D"), Map.entry('ð', "d"),
            Map.entry('Ð', "D"), Map.entry('þ', "th"), Map.entry('Þ', "Th"), Map.entry('ı', "i"),
            Map.entry('\u2018', "'"), Map.entry('\u2019', "'"), Map.entry('\u201A', "'"), Map.entry('\u201C', "\""),
            Map.entry('\u201D', "\""), Map.entry('\u201E', "\""), Map.entry('\u2013', "-"), Map.entry('\u2014', "-"),
            Map.entry('\u2026', "..."), Map.entry('\u00A0', " "), Map.entry('€', "EUR"), Map.entry('£', "GBP"),
            Map.entry('«', "\""), Map.entry('»', "\""));

    private Transliteration() {
    }

    static boolean isAscii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static String toAscii(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c < 0x80) {
                sb.append(c);
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            String spelled = SPELLED.get(c);
            if (spelled != null) {
                sb.append(spelled);
            } else {
                sb.append('?');
                if (Character.isHighSurrogate(c) && i + 1 < decomposed.length()
                        && Character.isLowSurrogate(decomposed.charAt(i + 1))) {
                    i++;
                }
            }
        }
        return sb.toString();
    }
}
