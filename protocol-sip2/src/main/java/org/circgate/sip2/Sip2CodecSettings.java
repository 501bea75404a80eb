package org.circgate.sip2;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Per-connection codec settings: charset, field delimiter, error-detection mode, ASCII transliteration of output, and
 * the maximum frame length.
 *
 * <h2>Where they live and how to change them</h2>
 * The settings of a connection are held in the channel attribute {@link #ATTRIBUTE}. The codec handlers
 * ({@code Sip2ServerCodec}, {@code Sip2ClientCodec}, or the separate decoder/encoder) seed it with the settings they
 * were constructed with when they are added to the pipeline (unless it is already set), and read it again for every
 * frame and every message they write. So the server can switch a connection to the account's settings after login
 * with one call:
 * <pre>{@code
 * Sip2CodecSettings.apply(channel, Sip2CodecSettings.of(channel).withCharset(StandardCharsets.UTF_8));
 * ctx.writeAndFlush(Sip2Outbound.replyTo(request, LoginResponse.OK));
 * }</pre>
 * A change applies to every frame decoded and every message encoded after it; the attribute is thread-safe, so it may
 * be called from a business executor as well as from the event loop. The usual pattern is to apply the settings and
 * then write the 94, which then already goes out in the new charset.
 *
 * <h2>Limits</h2>
 * Charsets must be ASCII-compatible and either single-byte (IBM850 default, ISO-8859-1, windows-1252, US-ASCII, ...)
 * or UTF-8, so that command codes, field IDs, delimiter and terminator are single ASCII bytes in every charset. The
 * delimiter is a printable ASCII character that is neither a letter, a digit nor a space. The maximum frame length is
 * between {@value #MIN_FRAME_LENGTH} and {@value #MAX_FRAME_LENGTH} bytes and is enforced before the terminator
 * arrives.
 *
 * @param charset              wire charset of field values
 * @param fieldDelimiter       variable-field terminator, {@code '|'} by default
 * @param errorDetection       how received AY/AZ trailers are treated
 * @param asciiTransliteration whether outgoing text is folded to ASCII ({@code é} → {@code e}, {@code ß} →
 *                             {@code ss}, anything else → {@code ?}) for legacy devices
 * @param maxFrameLength       the longest frame accepted, terminator excluded
 */
public record Sip2CodecSettings(Charset charset, char fieldDelimiter, ErrorDetectionMode errorDetection,
        boolean asciiTransliteration, int maxFrameLength) {

    /** IBM code page 850, "English 850" in the spec. */
    public static final Charset DEFAULT_CHARSET = Charset.forName("IBM850");
    public static final char DEFAULT_FIELD_DELIMITER = '|';
    /** A few KiB: the longest real request is a few hundred bytes. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 4096;
    public static final int MIN_FRAME_LENGTH = 64;
    public static final int MAX_FRAME_LENGTH = 1 << 20;

    /** IBM850, {@code |}, error detection AUTO, no transliteration, 4096 bytes. */
    public static final Sip2CodecSettings DEFAULTS = new Sip2CodecSettings(DEFAULT_CHARSET, DEFAULT_FIELD_DELIMITER,
            ErrorDetectionMode.AUTO, false, DEFAULT_MAX_FRAME_LENGTH);

    /** The channel attribute the codec handlers read for every frame and message. */
    public static final AttributeKey<Sip2CodecSettings> ATTRIBUTE =
            AttributeKey.valueOf(Sip2CodecSettings.class, "settings");

    public Sip2CodecSettings {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(errorDetection, "errorDetection");
        checkCharset(charset);
        if (fieldDelimiter <= ' ' || fieldDelimiter >= 0x7F || Character.isLetterOrDigit(fieldDelimiter)) {
            throw new IllegalArgumentException(
                    "field delimiter must be printable ASCII, not a letter, digit or space: " + (int) fieldDelimiter);
        }
        if (maxFrameLength < MIN_FRAME_LENGTH || maxFrameLength > MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("maxFrameLength must be in [" + MIN_FRAME_LENGTH + ", "
                    + MAX_FRAME_LENGTH + "]: " + maxFrameLength);
        }
    }

    private static void checkCharset(Charset charset) {
        if (!charset.canEncode()) {
            throw new IllegalArgumentException("charset cannot encode: " + charset);
        }
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        if (!utf8 && charset.newEncoder().maxBytesPerChar() != 1.0f) {
            throw new IllegalArgumentException("charset must be single-byte or UTF-8: " + charset);
        }
        byte[] ascii = new byte[128];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) i;
        }
        String decoded = new String(ascii, charset);
        byte[] encoded = decoded.getBytes(charset);
        if (decoded.length() != 128 || !java.util.Arrays.equals(ascii, encoded)) {
            throw new IllegalArgumentException("charset must be ASCII-compatible: " + charset);
        }
        for (int i = 0; i < 128; i++) {
            if (decoded.charAt(i) != i) {
                throw new IllegalArgumentException("charset must be ASCII-compatible: " + charset);
            }
        }
    }

    public Sip2CodecSettings withCharset(Charset newCharset) {
        return new Sip2CodecSettings(newCharset, fieldDelimiter, errorDetection, asciiTransliteration,
                maxFrameLength);
    }

    public Sip2CodecSettings withFieldDelimiter(char newDelimiter) {
        return new Sip2CodecSettings(charset, newDelimiter, errorDetection, asciiTransliteration, maxFrameLength);
    }

    public Sip2CodecSettings withErrorDetection(ErrorDetectionMode newMode) {
        return new Sip2CodecSettings(charset, fieldDelimiter, newMode, asciiTransliteration, maxFrameLength);
    }

    public Sip2CodecSettings withAsciiTransliteration(boolean enabled) {
        return new Sip2CodecSettings(charset, fieldDelimiter, errorDetection, enabled, maxFrameLength);
    }

    public Sip2CodecSettings withMaxFrameLength(int newMaxFrameLength) {
        return new Sip2CodecSettings(charset, fieldDelimiter, errorDetection, asciiTransliteration,
                newMaxFrameLength);
    }

    /** The settings of a channel: its {@link #ATTRIBUTE}, or {@link #DEFAULTS} when no codec has set it yet. */
    public static Sip2CodecSettings of(Channel channel) {
        Sip2CodecSettings settings = channel.attr(ATTRIBUTE).get();
        return settings == null ? DEFAULTS : settings;
    }

    /** Replaces the settings of a channel; applies to every frame decoded and message encoded afterwards. */
    public static void apply(Channel channel, Sip2CodecSettings settings) {
        channel.attr(ATTRIBUTE).set(Objects.requireNonNull(settings, "settings"));
    }
}
