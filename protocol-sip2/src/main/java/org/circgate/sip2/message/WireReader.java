package org.circgate.sip2.message;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.circgate.sip2.AlertType;
import org.circgate.sip2.CurrencyType;
import org.circgate.sip2.FeeType;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.HoldType;
import org.circgate.sip2.Language;
import org.circgate.sip2.MediaType;
import org.circgate.sip2.PatronStatus;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;
import org.circgate.sip2.SupportedMessages;
import org.circgate.sip2.Summary;
import org.circgate.sip2.Tristate;

/**
 * Reads the body of one frame (command code through the last field, trailer excluded) from a byte array. Fixed fields
 * are read in order; variable fields are iterated with {@link #next()}, and whatever a message type does not model is
 * kept, in order, by {@link #keep()}. Every content error becomes a {@link DecodeFailure}; nothing here indexes
 * outside {@code [pos, end)}. Not thread-safe; one per decoder.
 */
final class WireReader {

    private static final List<Sip2Field> NO_FIELDS = List.of();

    private byte[] buf;
    private int pos;
    private int end;
    private byte delimiter;
    private TextCodec text;

    private int key;
    private int valueStart;
    private int valueEnd;
    private ArrayList<Sip2Field> extensions;

    void reset(byte[] bytes, int bodyStart, int bodyEnd, byte fieldDelimiter, TextCodec textCodec) {
        this.buf = bytes;
        this.pos = bodyStart + 2; // after the command code
        this.end = bodyEnd;
        this.delimiter = fieldDelimiter;
        this.text = textCodec;
        this.extensions = null;
    }

    static DecodeFailure fail(Sip2DecodeError error, String detail) {
        return new DecodeFailure(error, detail);
    }

    // ---- fixed part -------------------------------------------------------------------------------------------

    private int take(int n, String field) {
        if (end - pos < n) {
            throw fail(Sip2DecodeError.SHORT_FIXED_PART, "message ends inside fixed field '" + field + "'");
        }
        int at = pos;
        pos += n;
        return at;
    }

    private DecodeFailure badFixed(String field, int at, int n) {
        return fail(Sip2DecodeError.BAD_FIXED_FIELD,
                "fixed field '" + field + "' has an invalid value '" + ascii(at, at + n) + "'");
    }

    /** Y/N (case-insensitive); a space reads as N, as several SCs send it for "no". */
    boolean yesNo(String field) {
        int at = take(1, field);
        switch (buf[at]) {
            case 'Y': case 'y': return true;
            case 'N': case 'n': case ' ': return false;
            default: throw badFixed(field, at, 1);
        }
    }

    /** The 1/0 "ok" flag; Y/N accepted too. */
    boolean okFlag(String field) {
        int at = take(1, field);
        switch (buf[at]) {
            case '1': case 'Y': case 'y': return true;
            case '0': case 'N': case 'n': return false;
            default: throw badFixed(field, at, 1);
        }
    }

    Tristate tristate(String field) {
        int at = take(1, field);
        Tristate value = Tristate.of(buf[at]);
        if (value == null) {
            throw badFixed(field, at, 1);
        }
        return value;
    }

    org.circgate.sip2.HoldMode holdMode() {
        int at = take(1, "hold mode");
        org.circgate.sip2.HoldMode mode = org.circgate.sip2.HoldMode.of(buf[at]);
        if (mode == null) {
            throw badFixed("hold mode", at, 1);
        }
        return mode;
    }

    char fixedChar(String field) {
        int at = take(1, field);
        int b = buf[at] & 0xFF;
        if (b < 0x20 || b >= 0x7F) {
            throw badFixed(field, at, 1);
        }
        return (char) b;
    }

    /** Printable ASCII text of fixed width. */
    String fixedText(int n, String field) {
        int at = take(n, field);
        for (int i = at; i < at + n; i++) {
            if (buf[i] < 0x20 || buf[i] == 0x7F) {
                throw badFixed(field, at, n);
            }
        }
        return ascii(at, at + n);
    }

    /** Decimal digits of fixed width; all spaces read as -1. */
    int digits(int n, String field) {
        int at = take(n, field);
        int value = parseDigits(at, at + n);
        if (value < 0) {
            if (isBlank(at, at + n)) {
                return -1;
            }
            throw badFixed(field, at, n);
        }
        return value;
    }

    /** A 4-digit count, or {@code null} for 4 spaces ("not supported"). */
    Integer count(String field) {
        int value = digits(4, field);
        return value < 0 ? null : value;
    }

    Language language() {
        int at = take(3, "language");
        return Language.of(parseDigits(at, at + 3)); // unknown or garbage: 000, the spec's "unknown"
    }

    PatronStatus patronStatus() {
        int at = take(PatronStatus.LENGTH, "patron status");
        int bits = 0;
        for (int i = 0; i < PatronStatus.LENGTH; i++) {
            byte b = buf[at + i];
            if (b == 'Y' || b == 'y') {
                bits |= 1 << i;
            }
        }
        return bits == 0 ? PatronStatus.NONE : new PatronStatus(bits);
    }

    Summary summary() {
        int at = take(Summary.LENGTH, "summary");
        int bits = 0;
        for (int i = 0; i < Summary.LENGTH; i++) {
            byte b = buf[at + i];
            if (b == 'Y' || b == 'y') {
                bits |= 1 << i;
            }
        }
        return bits == 0 ? Summary.NONE : new Summary(bits);
    }

    Sip2DateTime date(String field) {
        int at = take(Sip2DateTime.LENGTH, field);
        Sip2DateTime date = parseDate(at);
        if (date == null) {
            throw fail(Sip2DecodeError.BAD_DATE, "'" + field + "' is not a SIP2 date: '"
                    + ascii(at, at + Sip2DateTime.LENGTH) + "'");
        }
        return date;
    }

    /** A date, or {@code null} for 18 spaces. */
    Sip2DateTime dateOrBlank(String field) {
        if (end - pos >= Sip2DateTime.LENGTH && isBlank(pos, pos + Sip2DateTime.LENGTH)) {
            pos += Sip2DateTime.LENGTH;
            return null;
        }
        return date(field);
    }

    private Sip2DateTime parseDate(int at) {
        int year = parseDigits(at, at + 4);
        int month = parseDigits(at + 4, at + 6);
        int day = parseDigits(at + 6, at + 8);
        int hour = parseDigits(at + 12, at + 14);
        int minute = parseDigits(at + 14, at + 16);
        int second = parseDigits(at + 16, at + 18);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        String zone;
        if (isBlank(at + 8, at + 12)) {
            zone = Sip2DateTime.LOCAL;
        } else if (buf[at + 8] == ' ' && buf[at + 9] == ' ' && buf[at + 10] == ' ' && buf[at + 11] == 'Z') {
            zone = Sip2DateTime.UTC;
        } else {
            for (int i = at + 8; i < at + 12; i++) {
                if (buf[i] < 0x20 || buf[i] == 0x7F || buf[i] == '|') {
                    return null;
                }
            }
            zone = ascii(at + 8, at + 12);
        }
        return new Sip2DateTime(year, month, day, hour, minute, second, zone);
    }

    private int parseDigits(int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    private String ascii(int from, int to) {
        return new String(buf, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    // ---- variable part ----------------------------------------------------------------------------------------

    /**
     * Advances to the next field. Empty segments and segments that do not start with a two-character alphanumeric ID
     * are not fields and are skipped; a stray AY/AZ away from the tail is dropped, since the trailer is the codec's.
     */
    boolean next() {
        while (pos < end) {
            int start = pos;
            int stop = start;
            while (stop < end && buf[stop] != delimiter) {
                stop++;
            }
            pos = stop < end ? stop + 1 : end;
            if (stop - start < 2) {
                continue;
            }
            int a = buf[start];
            int b = buf[start + 1];
            if (!isIdChar(a) || !isIdChar(b)) {
                continue;
            }
            key = a << 8 | b;
            if (key == Keys.AY || key == Keys.AZ) {
                continue;
            }
            valueStart = start + 2;
            valueEnd = stop;
            return true;
        }
        return false;
    }

    private static boolean isIdChar(int c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /** The current field's ID as a {@link Keys} value. */
    int key() {
        return key;
    }

    /** Keeps the current field as an extension (not modelled by the message type). */
    void keep() {
        if (extensions == null) {
            extensions = new ArrayList<>(4);
        }
        extensions.add(new Sip2Field(FieldId.of(key >> 8, key & 0xFF), text()));
    }

    /** The extensions kept so far, immutable. */
    List<Sip2Field> extensions() {
        return extensions == null ? NO_FIELDS : List.copyOf(extensions);
    }

    /**
     * Reads the current field with {@code parser} unless the message already had it: then the first occurrence wins
     * and the duplicate is kept as an extension, so nothing is lost.
     */
    <T> T once(T previous, Function<WireReader, T> parser) {
        if (previous != null) {
            keep();
            return previous;
        }
        return parser.apply(this);
    }

    /** Adds the current field's text to a repeatable list (created on first use). */
    ArrayList<String> add(ArrayList<String> list) {
        ArrayList<String> target = list == null ? new ArrayList<>(4) : list;
        target.add(text());
        return target;
    }

    static List<String> list(ArrayList<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    String text() {
        return text.decode(buf, valueStart, valueEnd);
    }

    private String valueAscii() {
        return ascii(valueStart, valueEnd);
    }

    private DecodeFailure badValue(String what) {
        FieldId id = FieldId.of(key >> 8, key & 0xFF);
        return fail(Sip2DecodeError.BAD_FIELD_VALUE, "field " + id + " is not " + what + ": '" + valueAscii() + "'");
    }

    /** A Y/N field; empty reads as absent. */
    Boolean flag() {
        if (valueEnd == valueStart) {
            return null;
        }
        if (valueEnd - valueStart == 1) {
            switch (buf[valueStart]) {
                case 'Y': case 'y': return Boolean.TRUE;
                case 'N': case 'n': return Boolean.FALSE;
                default: break;
            }
        }
        throw badValue("Y or N");
    }

    /** A non-negative decimal of at most 9 digits, surrounding spaces ignored; empty reads as absent. */
    Integer number() {
        int from = valueStart;
        int to = valueEnd;
        while (from < to && buf[from] == ' ') {
            from++;
        }
        while (to > from && buf[to - 1] == ' ') {
            to--;
        }
        if (from == to) {
            return null;
        }
        int value = to - from <= 9 ? parseDigits(from, to) : -1;
        if (value < 0) {
            throw badValue("a number");
        }
        return value;
    }

    private int code(int width) {
        if (valueEnd - valueStart != width) {
            return -1;
        }
        return parseDigits(valueStart, valueEnd);
    }

    private int requiredCode(int width) {
        int value = code(width);
        if (value < 0) {
            throw badValue(width + " digits");
        }
        return value;
    }

    /** A date field (BW, CJ, CM); empty or blank reads as absent. */
    Sip2DateTime dateValue() {
        if (valueEnd == valueStart || isBlank(valueStart, valueEnd) && valueEnd - valueStart == Sip2DateTime.LENGTH) {
            return null;
        }
        Sip2DateTime date = valueEnd - valueStart == Sip2DateTime.LENGTH ? parseDate(valueStart) : null;
        if (date == null) {
            FieldId id = FieldId.of(key >> 8, key & 0xFF);
            throw fail(Sip2DecodeError.BAD_DATE, "field " + id + " is not a SIP2 date: '" + valueAscii() + "'");
        }
        return date;
    }

    FeeType feeType() {
        return valueEnd == valueStart ? null : FeeType.of(requiredCode(2));
    }

    MediaType mediaType() {
        return valueEnd == valueStart ? null : MediaType.of(requiredCode(3));
    }

    AlertType alertType() {
        return valueEnd == valueStart ? null : AlertType.of(requiredCode(2));
    }

    HoldType holdType() {
        return valueEnd == valueStart ? null : HoldType.of(requiredCode(1));
    }

    CurrencyType currency() {
        if (valueEnd == valueStart) {
            return null;
        }
        String code = text();
        if (code.length() != 3 || !isPrintableAscii(code)) {
            throw badValue("a 3-character currency code");
        }
        return CurrencyType.of(code);
    }

    SupportedMessages supportedMessages() {
        return SupportedMessages.parse(valueAscii());
    }

    private static boolean isPrintableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
