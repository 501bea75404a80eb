package org.circgate.ncip;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a body into text before any XML parsing. Decoding here, strictly, means the parser only ever sees
 * characters: invalid bytes become a clean refusal instead of the JDK parser's stderr chatter, and the transport's
 * charset can override a wrong XML declaration (the ILLiad add-ons declare ISO-8859-1 and send UTF-8; RFC 7303 gives
 * the HTTP charset precedence).
 * <p>
 * Encoding choice: a byte order mark, else the transport charset, else the XML declaration, else UTF-16 by its
 * {@code <} pattern, else UTF-8 (XML 1.0 appendix F).
 */
final class XmlText {

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._\\-]*)[\"']");
    private static final int DECLARATION_SCAN_BYTES = 256;

    private XmlText() {
    }

    /**
     * @param transportCharset charset from the HTTP Content-Type, or null
     * @throws CharacterCodingException if the bytes are not valid text in the chosen encoding
     * @throws IllegalArgumentException  if the declared encoding is unknown to the JVM
     */
    static String decode(byte[] body, Charset transportCharset) throws CharacterCodingException {
        int bomLength = 0;
        Charset charset;
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bomLength = 3;
        } else if (startsWith(body, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bomLength = 2;
        } else if (startsWith(body, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bomLength = 2;
        } else if (transportCharset != null) {
            charset = transportCharset;
        } else if (startsWith(body, 0x00, 0x3C, 0x00, 0x3F)) {
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(body, 0x3C, 0x00, 0x3F, 0x00)) {
            charset = StandardCharsets.UTF_16LE;
        } else {
            charset = declaredCharset(body);
        }
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body, bomLength, body.length - bomLength))
                .toString();
    }

    private static Charset declaredCharset(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, DECLARATION_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher matcher = DECLARED_ENCODING.matcher(head);
        if (!matcher.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(matcher.group(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unsupported encoding " + matcher.group(1), e);
        }
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
