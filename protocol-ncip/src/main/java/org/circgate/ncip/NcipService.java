package org.circgate.ncip;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The NCIP services circgate answers. Each constant owns its wire element name (the first element inside
 * {@code NCIPMessage}), the name of its response element and the scheme of its service-specific Problem Types.
 * Every other service is answered with the Problem {@code Unsupported Service}.
 */
public enum NcipService {
    LOOKUP_USER("LookupUser"),
    LOOKUP_ITEM("LookupItem"),
    CHECK_OUT_ITEM("CheckOutItem"),
    CHECK_IN_ITEM("CheckInItem"),
    RENEW_ITEM("RenewItem"),
    REQUEST_ITEM("RequestItem"),
    CANCEL_REQUEST_ITEM("CancelRequestItem"),
    ACCEPT_ITEM("AcceptItem"),
    DELETE_ITEM("DeleteItem"),
    LOOKUP_AGENCY("LookupAgency");

    /**
     * Prefix of the per-service processing-error schemes, as published for NCIP 1 and still emitted by XC-based
     * NCIP 2 responders (reference/ncip.md section 5). DeleteItem is new in NCIP 2; its scheme follows the same pattern.
     */
    static final String PROCESSING_ERROR_SCHEME_PREFIX = "http://www.niso.org/ncip/v1_0/schemes/processingerrortype/";

    private static final Map<String, NcipService> BY_ELEMENT = new HashMap<>();

    static {
        for (NcipService service : values()) {
            if (BY_ELEMENT.put(service.elementName, service) != null) {
                throw new AssertionError("element name already in use: " + service.elementName);
            }
        }
    }

    private final String elementName;
    private final String responseElementName;
    private final String processingErrorScheme;

    NcipService(String elementName) {
        this.elementName = elementName;
        this.responseElementName = elementName + "Response";
        this.processingErrorScheme = PROCESSING_ERROR_SCHEME_PREFIX
                + elementName.toLowerCase(Locale.ROOT) + "processingerror.scm";
    }

    /** Local name of the initiation element, e.g. {@code LookupUser}. */
    public String elementName() {
        return elementName;
    }

    /** Local name of the response element, e.g. {@code LookupUserResponse}. */
    public String responseElementName() {
        return responseElementName;
    }

    /** Scheme URI of this service's processing-error Problem Types, e.g. {@code ...lookupuserprocessingerror.scm}. */
    public String processingErrorScheme() {
        return processingErrorScheme;
    }

    /** The service whose initiation element has this local name (exact, as the schema spells it). */
    public static Optional<NcipService> forElementName(String localName) {
        return Optional.ofNullable(BY_ELEMENT.get(localName));
    }
}
