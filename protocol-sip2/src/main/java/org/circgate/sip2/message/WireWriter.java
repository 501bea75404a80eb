package org.circgate.sip2.message;

import java.util.Arrays;
import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.PatronStatus;
import org.circgate.sip2.Sip2CodecSettings;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;
import org.circgate.sip2.Summary;
import org.circgate.sip2.Tristate;

/**
 * Builds one message into a reusable byte array (so the checksum is a plain loop and the message reaches the
 * {@code ByteBuf} in one copy). Owns the output-safety rules: a value never contains the delimiter, CR, LF or any
 * other control character (each becomes a space), and a variable value is cut to {@value #MAX_VALUE_CHARS} chars.
 * Not thread-safe; one per encoder.
 */
final class WireWriter implements TextCodec.Sink {

    /** The spec's limit for a variable field value. */
    static final int MAX_VALUE_CHARS = 255;
    private static final byte[] SPACES = "                  ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final int[] MAX_FOR_WIDTH = {0, 9, 99, 999, 9999, 99_999, 999_999, 9_999_999, 99_999_999,
        999_999_999};

    byte[] buf = new byte[512];
    int len;
    private TextCodec text;
    private byte delimiter;
    private boolean transliterate;

    void reset(Sip2CodecSettings settings) {
        len = 0;
        text = TextCodec.of(settings.charset());
        delimiter = (byte) settings.fieldDelimiter();
        transliterate = settings.asciiTransliteration();
    }

    @Override
    public void put(int b) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[len++] = (byte) b;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    // ---- fixed part -------------------------------------------------------------------------------------------

    void command(Sip2Command command) {
        String code = command.code();
        put(code.charAt(0));
        put(code.charAt(1));
    }

    /** A fixed ASCII char; control characters become spaces so they cannot end the message. */
    void fixedChar(char c) {
        put(c < 0x20 || c >= 0x7F ? ' ' : c);
    }

    /** A fixed ASCII text of exactly {@code width} chars (space-padded or cut). */
    void fixedText(String s, int width) {
        for (int i = 0; i < width; i++) {
            fixedChar(i < s.length() ? s.charAt(i) : ' ');
        }
    }

    void yesNo(boolean value) {
        put(value ? 'Y' : 'N');
    }

    /** The 1/0 flag of the "ok" fields. */
    void okFlag(boolean value) {
        put(value ? '1' : '0');
    }

    void tristate(Tristate value) {
        put(value.code());
    }

    /** Zero-padded decimal, clamped to the width (9999 for 4). */
    void digits(int value, int width) {
        ensure(width);
        int max = width >= MAX_FOR_WIDTH.length ? Integer.MAX_VALUE : MAX_FOR_WIDTH[width];
        int v = Math.max(0, Math.min(value, max));
        for (int i = len + width - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len += width;
    }

    /** A 4-digit count, or 4 spaces for "not supported" ({@code null}). */
    void count(Integer value) {
        if (value == null) {
            fixedText("", 4);
        } else {
            digits(value, 4);
        }
    }

    void date(Sip2DateTime date) {
        ensure(Sip2DateTime.LENGTH);
        digits(date.year(), 4);
        digits(date.month(), 2);
        digits(date.day(), 2);
        fixedText(date.zone(), 4);
        digits(date.hour(), 2);
        digits(date.minute(), 2);
        digits(date.second(), 2);
    }

    /** A date, or 18 spaces where the spec allows a blank one. */
    void dateOrBlank(Sip2DateTime date) {
        if (date == null) {
            ensure(Sip2DateTime.LENGTH);
            System.arraycopy(SPACES, 0, buf, len, Sip2DateTime.LENGTH);
            len += Sip2DateTime.LENGTH;
        } else {
            date(date);
        }
    }

    void patronStatus(PatronStatus status) {
        int bits = status.bits();
        for (int i = 0; i < PatronStatus.LENGTH; i++) {
            put((bits & 1 << i) != 0 ? 'Y' : ' ');
        }
    }

    void summary(Summary summary) {
        int bits = summary.bits();
        for (int i = 0; i < Summary.LENGTH; i++) {
            put((bits & 1 << i) != 0 ? 'Y' : ' ');
        }
    }

    // ---- variable part ----------------------------------------------------------------------------------------

    private void id(FieldId id) {
        put(id.first());
        put(id.second());
    }

    /** A required field: written even when empty ({@code null} counts as empty). */
    void required(FieldId id, String value) {
        id(id);
        value(value == null ? "" : value);
        put(delimiter);
    }

    /** An optional field: omitted when {@code null}. */
    void optional(FieldId id, String value) {
        if (value != null) {
            id(id);
            value(value);
            put(delimiter);
        }
    }

    void optional(FieldId id, Boolean value) {
        if (value != null) {
            id(id);
            yesNo(value);
            put(delimiter);
        }
    }

    /** A number without padding (BP, BQ). */
    void optional(FieldId id, Integer value) {
        if (value != null) {
            id(id);
            int width = 1;
            for (int v = value; v >= 10; v /= 10) {
                width++;
            }
            digits(value, width);
            put(delimiter);
        }
    }

    /** A number zero-padded to {@code width} (BZ, CA, CB). */
    void optional(FieldId id, Integer value, int width) {
        if (value != null) {
            id(id);
            digits(value, width);
            put(delimiter);
        }
    }

    void optional(FieldId id, Sip2DateTime value) {
        if (value != null) {
            id(id);
            date(value);
            put(delimiter);
        }
    }

    void repeated(FieldId id, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            required(id, values.get(i));
        }
    }

    void extensions(List<Sip2Field> fields) {
        for (int i = 0; i < fields.size(); i++) {
            Sip2Field field = fields.get(i);
            required(field.id(), field.value());
        }
    }

    /** Encodes a value: capped at 255 chars, delimiter and controls replaced, charset or ASCII folding applied. */
    void value(String s) {
        int end = Math.min(s.length(), MAX_VALUE_CHARS);
        if (end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--; // do not split a surrogate pair at the cap
        }
        if (transliterate && !Transliteration.isAscii(s)) {
            s = Transliteration.toAscii(s.substring(0, end));
            end = Math.min(s.length(), MAX_VALUE_CHARS);
        }
        ensure(end);
        int i = 0;
        while (i < end) {
            char c = s.charAt(i);
            if (c < 0x80) {
                put(c < 0x20 || c == 0x7F || c == delimiter ? ' ' : c);
                i++;
            } else {
                i += text.encodeNonAscii(s, i, this);
            }
        }
    }

    // ---- trailer ----------------------------------------------------------------------------------------------

    /** Appends {@code AY<n>} (if n >= 0) and {@code AZ<checksum>} computed over everything written so far. */
    void trailer(int sequenceNumber) {
        if (sequenceNumber >= 0) {
            put('A');
            put('Y');
            put('0' + sequenceNumber);
        }
        put('A');
        put('Z');
        int checksum = org.circgate.sip2.Sip2Checksum.compute(buf, 0, len);
        ensure(4);
        org.circgate.sip2.Sip2Checksum.writeHex(checksum, buf, len);
        len += 4;
    }
}
