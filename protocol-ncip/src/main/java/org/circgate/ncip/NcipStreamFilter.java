package org.circgate.ncip;

import java.util.Set;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The lenient and defensive view of an incoming document that JAXB reads through.
 * <ul>
 * <li>Leniency: elements without a namespace, or in the namespace of a root {@code NCIPMessage} that is not the NCIP
 * namespace (or a known misspelling of it), are reported in the NCIP namespace; unqualified {@code version} and
 * {@code Scheme} attributes are reported as qualified. Foreign namespaces (vendor {@code Ext} content) stay as sent.
 * Nothing is rewritten as text.</li>
 * <li>Defence: a DOCTYPE with an internal subset, any entity reference the parser could not resolve without a DTD,
 * and nesting deeper than {@code maxDepth} stop the parse with a {@link RefusedInputException}.</li>
 * <li>Bookkeeping: the first element inside NCIPMessage (the service), the root {@code version} and the
 * InitiationHeader are recorded as they pass.</li>
 * </ul>
 * Every reading method JAXB may use goes through {@link #next()}, so no event escapes the checks.
 */
final class NcipStreamFilter extends StreamReaderDelegate {

    static final String ROOT = "NCIPMessage";

    /** Misspellings of the NCIP namespace seen or plausible in hand-written clients. */
    private static final Set<String> NAMESPACE_VARIANTS = Set.of(
            "http://www.niso.org/2008/ncip/", "https://www.niso.org/2008/ncip", "https://www.niso.org/2008/ncip/");
    /** Attributes the schema qualifies (attributeFormDefault="qualified") but most clients send unqualified. */
    private static final Set<String> QUALIFIED_ATTRIBUTES = Set.of("version", "Scheme");

    private final int maxDepth;
    private final HeaderCapture header = new HeaderCapture();
    private int depth;
    private String rootLocalName;
    private String aliasNamespace;
    private String serviceName;
    private String version;

    NcipStreamFilter(XMLStreamReader reader, int maxDepth) {
        super(reader);
        this.maxDepth = maxDepth;
    }

    @Override
    public int next() throws XMLStreamException {
        return inspect(super.next());
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == CHARACTERS && isWhiteSpace() || event == CDATA && isWhiteSpace() || event == SPACE
                || event == PROCESSING_INSTRUCTION || event == COMMENT) {
            event = next();
        }
        if (event != START_ELEMENT && event != END_ELEMENT) {
            throw new XMLStreamException("expected a start or end tag", getLocation());
        }
        return event;
    }

    @Override
    public String getElementText() throws XMLStreamException {
        if (getEventType() != START_ELEMENT) {
            throw new XMLStreamException("not at a start tag", getLocation());
        }
        StringBuilder text = new StringBuilder();
        for (int event = next(); event != END_ELEMENT; event = next()) {
            if (event == CHARACTERS || event == CDATA || event == SPACE) {
                text.append(getText());
            } else if (event == START_ELEMENT) {
                throw new XMLStreamException("element text contains an element", getLocation());
            } else if (event == END_DOCUMENT) {
                throw new XMLStreamException("document ended inside an element", getLocation());
            }
        }
        return text.toString();
    }

    private int inspect(int event) throws XMLStreamException {
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> startElement();
            case XMLStreamConstants.END_ELEMENT -> {
                header.endElement(depth);
                depth--;
            }
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                // Only header values need the text as a String; everything else is left to JAXB.
                if (header.collectingText()) {
                    header.characters(getText());
                }
            }
            case XMLStreamConstants.ENTITY_REFERENCE -> throw new RefusedInputException(NcipReadError.ENTITY_REFUSED,
                    "entity reference &" + getLocalName() + "; refused: DTDs are not read");
            case XMLStreamConstants.DTD -> checkDoctype();
            default -> {
                // comments, processing instructions, document start/end: nothing to check
            }
        }
        return event;
    }

    private void startElement() throws XMLStreamException {
        depth++;
        if (depth > maxDepth) {
            throw new RefusedInputException(NcipReadError.TOO_DEEP,
                    "elements nested deeper than " + maxDepth + " levels");
        }
        String localName = getLocalName();
        if (depth == 1) {
            rootLocalName = localName;
            String namespace = super.getNamespaceURI();
            if (ROOT.equals(localName) && namespace != null && !namespace.isEmpty()
                    && !Ncip.NAMESPACE.equals(namespace)) {
                aliasNamespace = namespace;
            }
            version = attributeValue("version");
        } else if (depth == 2 && serviceName == null) {
            serviceName = localName;
        }
        header.startElement(depth, localName, attributeValue("Scheme"));
    }

    // PrologInspector decided on the DOCTYPE already; this second look only guards against a gap there.
    // (The JDK's DTD text can be garbled, so either bracket counts.)
    private void checkDoctype() throws XMLStreamException {
        String doctype = getText();
        if (doctype != null && (doctype.indexOf('[') >= 0 || doctype.indexOf(']') >= 0)) {
            throw new RefusedInputException(NcipReadError.DTD_REFUSED,
                    "DOCTYPE with an internal subset refused");
        }
    }

    private String attributeValue(String localName) {
        for (int i = 0, n = getAttributeCount(); i < n; i++) {
            if (localName.equals(getAttributeLocalName(i)) && Ncip.NAMESPACE.equals(getAttributeNamespace(i))) {
                return getAttributeValue(i);
            }
        }
        return null;
    }

    private String mapElementNamespace(String namespace) {
        if (namespace == null || namespace.isEmpty() || namespace.equals(aliasNamespace)
                || NAMESPACE_VARIANTS.contains(namespace)) {
            return Ncip.NAMESPACE;
        }
        return namespace;
    }

    private boolean atElement() {
        int event = getEventType();
        return event == START_ELEMENT || event == END_ELEMENT;
    }

    @Override
    public String getNamespaceURI() {
        String namespace = super.getNamespaceURI();
        return atElement() ? mapElementNamespace(namespace) : namespace;
    }

    @Override
    public QName getName() {
        QName name = super.getName();
        return new QName(mapElementNamespace(name.getNamespaceURI()), name.getLocalPart(), name.getPrefix());
    }

    @Override
    public String getAttributeNamespace(int index) {
        String namespace = super.getAttributeNamespace(index);
        if (namespace == null || namespace.isEmpty()) {
            return QUALIFIED_ATTRIBUTES.contains(super.getAttributeLocalName(index)) ? Ncip.NAMESPACE : namespace;
        }
        return namespace.equals(aliasNamespace) || NAMESPACE_VARIANTS.contains(namespace) ? Ncip.NAMESPACE : namespace;
    }

    @Override
    public QName getAttributeName(int index) {
        QName name = super.getAttributeName(index);
        String namespace = getAttributeNamespace(index);
        return new QName(namespace == null ? "" : namespace, name.getLocalPart(), name.getPrefix());
    }

    @Override
    public String getAttributeValue(String namespaceUri, String localName) {
        for (int i = 0, n = getAttributeCount(); i < n; i++) {
            String namespace = getAttributeNamespace(i);
            boolean namespaceMatches = namespaceUri == null
                    || namespaceUri.equals(namespace == null ? "" : namespace);
            if (namespaceMatches && localName.equals(getAttributeLocalName(i))) {
                return getAttributeValue(i);
            }
        }
        return null;
    }

    /** Local name of the root element, once the reader has reached it. */
    String rootLocalName() {
        return rootLocalName;
    }

    /** Local name of the first element inside the root: the service. */
    String serviceName() {
        return serviceName;
    }

    /** The root's {@code version} attribute, qualified or not, or null. */
    String version() {
        return version;
    }

    NcipHeader header() {
        return header.header();
    }
}
