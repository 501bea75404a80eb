package org.circgate.server.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** An NCIP response read for assertions: element texts by local name, the service element, the Problems. */
public final class NcipXml {
    public static final String NS = "http://www.niso.org/2008/ncip";

    private final Document document;
    private final String text;

    private NcipXml(Document document, String text) {
        this.document = document;
        this.text = text;
    }

    public static NcipXml parse(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new NcipXml(factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)),
                    new String(body, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    /** Local name of the element inside NCIPMessage, e.g. {@code LookupUserResponse} or {@code Problem}. */
    public String service() {
        for (Node n = document.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e.getLocalName();
            }
        }
        return null;
    }

    public boolean isProblem() {
        return !all("Problem").isEmpty();
    }

    /** The first ProblemType value, or null. */
    public String problemType() {
        return first("ProblemType");
    }

    public String problemDetail() {
        return first("ProblemDetail");
    }

    /** The text of the first element with this local name (in the NCIP namespace), or null. */
    public String first(String localName) {
        List<String> values = all(localName);
        return values.isEmpty() ? null : values.get(0);
    }

    public List<String> all(String localName) {
        NodeList nodes = document.getElementsByTagNameNS(NS, localName);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().strip());
        }
        return values;
    }

    /** UserPrivilegeStatusType of the UserPrivilege whose AgencyUserPrivilegeType is {@code type}. */
    public String privilege(String type) {
        NodeList privileges = document.getElementsByTagNameNS(NS, "UserPrivilege");
        for (int i = 0; i < privileges.getLength(); i++) {
            Element privilege = (Element) privileges.item(i);
            if (type.equals(childText(privilege, "AgencyUserPrivilegeType"))) {
                NodeList status = privilege.getElementsByTagNameNS(NS, "UserPrivilegeStatusType");
                return status.getLength() == 0 ? "" : status.item(0).getTextContent().strip();
            }
        }
        return null;
    }

    /** ValidToDate of the privilege row {@code type}, or null. */
    public String privilegeValidTo(String type) {
        NodeList privileges = document.getElementsByTagNameNS(NS, "UserPrivilege");
        for (int i = 0; i < privileges.getLength(); i++) {
            Element privilege = (Element) privileges.item(i);
            if (type.equals(childText(privilege, "AgencyUserPrivilegeType"))) {
                return childText(privilege, "ValidToDate");
            }
        }
        return null;
    }

    private static String childText(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS(NS, localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
