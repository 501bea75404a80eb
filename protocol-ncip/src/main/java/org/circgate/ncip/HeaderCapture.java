package org.circgate.ncip;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Collects the InitiationHeader of the service element while the document streams past, so the header is known
 * for every outcome: a parsed request, an unsupported service, or a parse that failed after the header.
 * Depths: 1 NCIPMessage, 2 service, 3 InitiationHeader, 4 header field, 5 AgencyId inside an agency field.
 */
final class HeaderCapture {

    private static final int SERVICE_DEPTH = 2;
    private static final int HEADER_DEPTH = 3;
    private static final int FIELD_DEPTH = 4;
    private static final int AGENCY_ID_DEPTH = 5;
    // Header values are short codes; anything longer is cut rather than buffered.
    private static final int MAX_VALUE_CHARS = 256;

    private static final Set<String> LEAF_FIELDS = Set.of(
            "FromSystemId", "FromSystemAuthentication", "FromAgencyAuthentication", "ToSystemId",
            "ApplicationProfileType");
    private static final Set<String> AGENCY_FIELDS = Set.of("FromAgencyId", "ToAgencyId", "OnBehalfOfAgency");

    private final Map<String, SchemeValue> values = new HashMap<>();
    private boolean headerSeen;
    private boolean inHeader;
    private int serviceElements;
    private String field;
    private String leafKey;
    private String leafScheme;
    private int leafDepth;
    private StringBuilder text;

    void startElement(int depth, String localName, String scheme) {
        if (depth == SERVICE_DEPTH) {
            serviceElements++;
            inHeader = false;
            return;
        }
        if (depth == HEADER_DEPTH) {
            // Only the first InitiationHeader of the first (service) element counts.
            inHeader = serviceElements == 1 && !headerSeen && "InitiationHeader".equals(localName);
            headerSeen = headerSeen || inHeader;
            return;
        }
        if (!inHeader) {
            return;
        }
        if (depth == FIELD_DEPTH) {
            field = localName;
            if (LEAF_FIELDS.contains(localName)) {
                beginLeaf(localName, scheme, depth);
            }
        } else if (depth == AGENCY_ID_DEPTH && "AgencyId".equals(localName) && AGENCY_FIELDS.contains(field)) {
            beginLeaf(field, scheme, depth);
        }
    }

    boolean collectingText() {
        return text != null;
    }

    void characters(String chars) {
        if (text != null && text.length() < MAX_VALUE_CHARS) {
            text.append(chars, 0, Math.min(chars.length(), MAX_VALUE_CHARS - text.length()));
        }
    }

    void endElement(int depth) {
        if (text != null && depth == leafDepth) {
            values.putIfAbsent(leafKey, new SchemeValue(text.toString().trim(), leafScheme));
            text = null;
        }
        if (depth == FIELD_DEPTH) {
            field = null;
        } else if (depth == HEADER_DEPTH) {
            inHeader = false;
        }
    }

    private void beginLeaf(String key, String scheme, int depth) {
        leafKey = key;
        leafScheme = scheme == null || scheme.isBlank() ? null : scheme.trim();
        leafDepth = depth;
        text = new StringBuilder();
    }

    /** The captured header, or null when the service element had no InitiationHeader. */
    NcipHeader header() {
        if (!headerSeen) {
            return null;
        }
        return new NcipHeader(values.get("FromSystemId"), values.get("FromAgencyId"),
                values.get("OnBehalfOfAgency"), values.get("ToSystemId"), values.get("ToAgencyId"),
                values.get("ApplicationProfileType"), stringOf("FromSystemAuthentication"),
                stringOf("FromAgencyAuthentication"));
    }

    private String stringOf(String key) {
        SchemeValue value = values.get(key);
        return value == null ? null : value.value();
    }
}
