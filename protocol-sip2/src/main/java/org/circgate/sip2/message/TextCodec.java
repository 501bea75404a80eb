package org.circgate.sip2.message;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text of field values in one wire charset. ASCII is the fast path for every supported charset (they are all
 * ASCII-compatible, see {@code Sip2CodecSettings}); only bytes/chars beyond ASCII take a table (single-byte charsets)
 * or UTF-8 path. Instances are immutable, cached per charset and shared between threads.
 */
abstract class TextCodec {

    private static final ConcurrentHashMap<Charset, TextCodec> CACHE = new ConcurrentHashMap<>();

    static TextCodec of(Charset charset) {
        TextCodec codec = CACHE.get(charset);
        if (codec == null) {
            codec = CACHE.computeIfAbsent(charset,
                    cs -> cs.equals(StandardCharsets.UTF_8) ? new Utf8() : new SingleByte(cs));
        }
        return codec;
    }

    /** Decodes {@code bytes[from, to)}; never throws (unmappable bytes become U+FFFD). */
    final String decode(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return decodeNonAscii(bytes, from, to);
            }
        }
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    abstract String decodeNonAscii(byte[] bytes, int from, int to);

    /**
     * Encodes the non-ASCII char at {@code s[index]} (and its low surrogate, if it starts a pair) into
     * {@code target[at...]}; returns the number of chars consumed. Unmappable characters become {@code ?}.
     */
    abstract int encodeNonAscii(CharSequence s, int index, Sink target);

    /** The byte sink a writer encodes into. */
    interface Sink {
        void put(int b);
    }

    /** Any single-byte, ASCII-compatible charset: two lookup tables built once from the JDK charset. */
    static final class SingleByte extends TextCodec {
        private final char[] decodeTable = new char[256];
        private final byte[] encodeTable = new byte[65536];

        SingleByte(Charset charset) {
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CharsetEncoder encoder = charset.newEncoder();
            for (int b = 0; b < 256; b++) {
                char c = '\uFFFD';
                try {
                    CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(new byte[] {(byte) b}));
                    if (chars.length() == 1) {
                        c = chars.charAt(0);
                    }
                } catch (CharacterCodingException unmappable) {
                    // stays U+FFFD
                }
                decodeTable[b] = c;
                // Map each char back to the first byte that produces it; only non-ASCII chars use this table.
                if (b >= 0x80 && c != '\uFFFD' && c >= 0x80 && encodeTable[c] == 0 && encoder.canEncode(c)) {
                    encodeTable[c] = (byte) b;
                }
            }
        }

        @Override
        String decodeNonAscii(byte[] bytes, int from, int to) {
            char[] chars = new char[to - from];
            for (int i = from; i < to; i++) {
                chars[i - from] = decodeTable[bytes[i] & 0xFF];
            }
            return new String(chars);
        }

        @Override
        int encodeNonAscii(CharSequence s, int index, Sink target) {
            char c = s.charAt(index);
            byte b = encodeTable[c];
            target.put(b == 0 ? '?' : b);
            return Character.isHighSurrogate(c) && index + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(index + 1)) ? 2 : 1;
        }
    }

    /** UTF-8, encoded by hand so that no intermediate byte array is needed. */
    static final class Utf8 extends TextCodec {

        @Override
        String decodeNonAscii(byte[] bytes, int from, int to) {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }

        @Override
        int encodeNonAscii(CharSequence s, int index, Sink target) {
            char c = s.charAt(index);
            if (c < 0x800) {
                target.put(0xC0 | c >> 6);
                target.put(0x80 | c & 0x3F);
                return 1;
            }
            if (Character.isHighSurrogate(c)) {
                if (index + 1 < s.length() && Character.isLowSurrogate(s.charAt(index + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(index + 1));
                    target.put(0xF0 | cp >> 18);
                    target.put(0x80 | cp >> 12 & 0x3F);
                    target.put(0x80 | cp >> 6 & 0x3F);
                    target.put(0x80 | cp & 0x3F);
                    return 2;
                }
                target.put('?');
                return 1;
            }
            if (Character.isLowSurrogate(c)) {
                target.put('?');
                return 1;
            }
            target.put(0xE0 | c >> 12);
            target.put(0x80 | c >> 6 & 0x3F);
            target.put(0x80 | c & 0x3F);
            return 1;
        }
    }
}
