package org.circgate.ncip.request;

import java.util.List;
import java.util.Locale;

import org.circgate.ncip.SchemeValue;

/**
 * The UserElementType / ItemElementType / AgencyElementType values of a request: which optional fields the
 * initiator asks for. Values are compared ignoring case and spaces, since initiators spell them inconsistently.
 */
public record ElementTypes(List<SchemeValue> values) {

    public static final String NAME_INFORMATION = "Name Information";
    public static final String USER_ADDRESS_INFORMATION = "User Address Information";
    public static final String USER_PRIVILEGE = "User Privilege";
    public static final String BLOCK_OR_TRAP = "Block Or Trap";
    public static final String USER_ID = "User Id";
    public static final String DATE_OF_BIRTH = "Date Of Birth";
    public static final String BIBLIOGRAPHIC_DESCRIPTION = "Bibliographic Description";
    public static final String CIRCULATION_STATUS = "Circulation Status";
    public static final String ITEM_DESCRIPTION = "Item Description";
    public static final String HOLD_QUEUE_LENGTH = "Hold Queue Length";
    public static final String LOCATION = "Location";

    private static final ElementTypes NONE = new ElementTypes(List.of());

    public ElementTypes {
        values = List.copyOf(values);
    }

    public static ElementTypes none() {
        return NONE;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** True when the initiator asked for {@code elementType}, e.g. {@link #NAME_INFORMATION}. */
    public boolean contains(String elementType) {
        String wanted = normalise(elementType);
        return values.stream().anyMatch(value -> normalise(value.value()).equals(wanted));
    }

    private static String normalise(String value) {
        return value.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
