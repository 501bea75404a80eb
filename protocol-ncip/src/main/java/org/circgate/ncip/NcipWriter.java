package org.circgate.ncip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import org.circgate.ncip.response.NcipResponse;
import org.circgate.ncip.xml.NCIPMessage;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;

/**
 * Writes responses as UTF-8 bytes: {@code ns1:} bound to the NCIP namespace on the root and a qualified
 * {@code ns1:version} of NCIP 2.02, as the schema requires. Stateless and thread-safe; a Marshaller is made per call.
 * Content type for HTTP: {@link #CONTENT_TYPE}.
 */
public final class NcipWriter {

    /** What Z39.83-2 Implementation Profile 1 prescribes, as XC and Koha send it. */
    public static final String CONTENT_TYPE = "application/xml; charset=utf-8";

    private static final String PREFIX_MAPPER_PROPERTY = "org.glassfish.jaxb.namespacePrefixMapper";

    /**
     * Without a mapper the JAXB RI still picks {@code ns1}, but only by numbering; the mapper makes the prefix a
     * decision. Declaring the namespace up front keeps every declaration on the root element.
     */
    private static final NamespacePrefixMapper NCIP_PREFIX = new NamespacePrefixMapper() {
        @Override
        public String getPreferredPrefix(String namespaceUri, String suggestion, boolean requirePrefix) {
            return Ncip.NAMESPACE.equals(namespaceUri) ? Ncip.PREFIX : suggestion;
        }

        @Override
        public String[] getPreDeclaredNamespaceUris() {
            return new String[] {Ncip.NAMESPACE};
        }
    };

    private final boolean formatted;

    /** Compact output. */
    public NcipWriter() {
        this(false);
    }

    /** @param formatted indent the output (for logs and debugging; compact is the wire default) */
    public NcipWriter(boolean formatted) {
        this.formatted = formatted;
    }

    public byte[] write(NcipResponse response) {
        return write(response.message());
    }

    /**
     * Writes any message; sets {@code version} to NCIP 2.02 first (the attribute is required).
     *
     * @throws NcipWriteException if the tree cannot be marshalled, which only a programming error causes
     */
    public byte[] write(NCIPMessage message) {
        message.setVersion(Ncip.VERSION_2_02);
        try {
            Marshaller marshaller = NcipJaxb.context().createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, formatted);
            marshaller.setProperty(PREFIX_MAPPER_PROPERTY, NCIP_PREFIX);
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            marshaller.marshal(message, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new NcipWriteException("cannot write NCIP message", e);
        }
    }
}
