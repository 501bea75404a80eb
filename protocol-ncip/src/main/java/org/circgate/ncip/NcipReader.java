package org.circgate.ncip;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;

import org.circgate.ncip.request.NcipRequest;
import org.circgate.ncip.request.NcipRequests;
import org.circgate.ncip.xml.NCIPMessage;

/**
 * Reads NCIP 2 request bodies leniently and safely; immutable and thread-safe.
 * <p>
 * Lenient: namespace-less messages, a wrong root namespace, unqualified {@code version}/{@code Scheme}, any
 * {@code version} value, unknown elements and elements out of schema order are accepted (real initiators send all
 * of these; input is never schema-validated). A DOCTYPE line without an internal subset is skipped unread.
 * <p>
 * Safe: DTDs are never processed, no entity is ever resolved, no external resource is ever fetched; a DOCTYPE with
 * an internal subset, entity references, nesting beyond {@code maxDepth} and bodies beyond {@code maxBodyBytes} are
 * refused. Every content problem comes back as a {@link NcipReadResult.Failed} value, never as an exception.
 */
public final class NcipReader {

    /** 1 MiB: NCIP requests are a few KiB; generous for AcceptItem with bibliographic data. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Real requests nest about 8 deep (NCIPMessage/AcceptItem/ItemOptionalFields/.../BibliographicItemId/...). */
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** Upper bound for the configurable body limit: the whole body is held in memory. */
    public static final int MAX_BODY_BYTES_LIMIT = 64 * 1024 * 1024;
    /** NCIPMessage / service / InitiationHeader / FromAgencyId / AgencyId needs five levels. */
    public static final int MIN_DEPTH = 5;

    private static final int MAX_DETAIL_CHARS = 200;

    private final int maxBodyBytes;
    private final int maxDepth;

    public NcipReader() {
        this(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_DEPTH);
    }

    /**
     * @param maxBodyBytes largest accepted body, 1..{@link #MAX_BODY_BYTES_LIMIT}
     * @param maxDepth     deepest accepted element nesting, at least {@link #MIN_DEPTH}
     */
    public NcipReader(int maxBodyBytes, int maxDepth) {
        if (maxBodyBytes <= 0 || maxBodyBytes > MAX_BODY_BYTES_LIMIT) {
            throw new IllegalArgumentException(
                    "maxBodyBytes must be in 1.." + MAX_BODY_BYTES_LIMIT + ": " + maxBodyBytes);
        }
        if (maxDepth < MIN_DEPTH) {
            throw new IllegalArgumentException("maxDepth must be at least " + MIN_DEPTH + ": " + maxDepth);
        }
        this.maxBodyBytes = maxBodyBytes;
        this.maxDepth = maxDepth;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public int maxDepth() {
        return maxDepth;
    }

    /** For a declared Content-Length: true when the body would be refused, so it need not be received at all. */
    public boolean exceedsLimit(long contentLength) {
        return contentLength > maxBodyBytes;
    }

    /** {@link #read(InputStream, Charset)} without a transport charset. */
    public NcipReadResult read(InputStream in) throws IOException {
        return read(in, null);
    }

    /**
     * Reads at most {@code maxBodyBytes + 1} bytes from {@code in}; a longer body is refused without reading the
     * rest (the caller closes the connection). The stream is not closed.
     *
     * @throws IOException only when reading the stream itself fails
     */
    public NcipReadResult read(InputStream in, Charset transportCharset) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            return tooLarge("body exceeds the limit of " + maxBodyBytes + " bytes");
        }
        return read(body, transportCharset);
    }

    /** {@link #read(byte[], Charset)} without a transport charset: BOM, XML declaration or UTF-8 decide. */
    public NcipReadResult read(byte[] body) {
        return read(body, null);
    }

    /**
     * Reads one complete body.
     *
     * @param transportCharset the charset parameter of the HTTP Content-Type, or null; it overrides the XML
     *                         declaration (RFC 7303), a byte order mark overrides both
     */
    public NcipReadResult read(byte[] body, Charset transportCharset) {
        if (body.length > maxBodyBytes) {
            return tooLarge("body of " + body.length + " bytes exceeds the limit of " + maxBodyBytes + " bytes");
        }
        String text;
        try {
            text = XmlText.decode(body, transportCharset);
        } catch (CharacterCodingException | IllegalArgumentException e) {
            return new NcipReadResult.Failed(NcipReadError.MALFORMED_XML,
                    "body is not text in its encoding: " + clip(String.valueOf(e.getMessage())), null, null);
        }
        if (text.isBlank()) {
            return new NcipReadResult.Failed(NcipReadError.EMPTY_BODY, "empty body", null, null);
        }
        RefusedInputException refusal = PrologInspector.inspect(text);
        if (refusal != null) {
            return new NcipReadResult.Failed(refusal.error(), refusal.getMessage(), null, null);
        }
        NcipStreamFilter filter = null;
        try {
            XMLStreamReader reader = newInputFactory().createXMLStreamReader(new StringReader(text));
            filter = new NcipStreamFilter(reader, maxDepth);
            try {
                return parse(filter);
            } finally {
                filter.close();
            }
        } catch (XMLStreamException | JAXBException | RuntimeException e) {
            // RuntimeException too: whatever a hostile body provokes in the parser must become an answer, not a crash.
            return failure(e, filter);
        }
    }

    private NcipReadResult parse(NcipStreamFilter filter) throws XMLStreamException, JAXBException {
        int event = filter.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            event = filter.next();
        }
        if (!NcipStreamFilter.ROOT.equals(filter.rootLocalName())) {
            return new NcipReadResult.Failed(NcipReadError.NOT_NCIP,
                    "root element " + clip(filter.rootLocalName()) + " is not NCIPMessage", null, null);
        }
        Unmarshaller unmarshaller = NcipJaxb.context().createUnmarshaller();
        NCIPMessage message = unmarshaller.unmarshal(filter, NCIPMessage.class).getValue();
        while (filter.hasNext()) {
            // Reading to the end makes trailing garbage after the root a syntax error, as XML requires.
            filter.next();
        }
        String serviceName = filter.serviceName();
        NcipHeader header = filter.header();
        if (serviceName == null || "Problem".equals(serviceName) || "Ext".equals(serviceName)) {
            return new NcipReadResult.Failed(NcipReadError.NO_SERVICE,
                    "NCIPMessage contains no service element", serviceName, header);
        }
        Optional<NcipService> service = NcipService.forElementName(serviceName);
        if (service.isEmpty()) {
            return new NcipReadResult.Failed(NcipReadError.UNSUPPORTED_SERVICE,
                    "service " + clip(serviceName) + " is not supported by this responder", clip(serviceName), header);
        }
        NcipRequest request = NcipRequests.from(service.get(), message, header);
        if (request == null) {
            return new NcipReadResult.Failed(NcipReadError.NO_SERVICE,
                    "service element " + serviceName + " is in a foreign namespace", serviceName, header);
        }
        return new NcipReadResult.Parsed(request, message, filter.version());
    }

    private static XMLInputFactory newInputFactory() {
        // The JDK's own StAX implementation, whatever else is on the class path: its behaviour below is tested.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Unresolvable entity references then arrive as ENTITY_REFERENCE events, which the filter refuses by name.
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are never fetched: " + systemId);
        });
        return factory;
    }

    private NcipReadResult failure(Exception e, NcipStreamFilter filter) {
        String serviceName = filter == null ? null : filter.serviceName();
        NcipHeader header = filter == null ? null : filter.header();
        RefusedInputException refused = findCause(e, RefusedInputException.class);
        if (refused != null) {
            return new NcipReadResult.Failed(refused.error(), refused.getMessage(), serviceName, header);
        }
        XMLStreamException syntax = findCause(e, XMLStreamException.class);
        String detail = syntax != null && syntax.getMessage() != null
                ? "not well-formed XML: " + clip(syntax.getMessage().replaceAll("\\s+", " "))
                : "message could not be read";
        return new NcipReadResult.Failed(NcipReadError.MALFORMED_XML, detail, serviceName, header);
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        Throwable t = e;
        // Bounded walk: cause chains may loop (XMLStreamException keeps its nested exception twice).
        for (int i = 0; t != null && i < 16; i++, t = nextCause(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable nextCause(Throwable t) {
        if (t.getCause() != null) {
            return t.getCause();
        }
        if (t instanceof XMLStreamException xml) {
            return xml.getNestedException();
        }
        if (t instanceof JAXBException jaxb) {
            return jaxb.getLinkedException();
        }
        return null;
    }

    private static NcipReadResult tooLarge(String detail) {
        return new NcipReadResult.Failed(NcipReadError.BODY_TOO_LARGE, detail, null, null);
    }

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_DETAIL_CHARS ? text : text.substring(0, MAX_DETAIL_CHARS) + "...";
    }
}
