package org.circgate.server.testing;

/**
 * NCIP 2.02 request messages as partners send them (default namespace, unqualified version, elements in schema
 * order), built as text so tests see exactly what goes on the wire.
 */
public final class NcipMessages {
    private NcipMessages() {
    }

    public static String message(String from, String to, String service, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<NCIPMessage xmlns=\"http://www.niso.org/2008/ncip\" "
                + "version=\"http://www.niso.org/schemas/ncip/v2_02/ncip_v2_02.xsd\">"
                + "<" + service + ">" + header(from, to) + body + "</" + service + "></NCIPMessage>";
    }

    public static String header(String from, String to) {
        if (from == null) {
            return "";
        }
        return "<InitiationHeader><FromAgencyId><AgencyId>" + from + "</AgencyId></FromAgencyId>"
                + "<ToAgencyId><AgencyId>" + to + "</AgencyId></ToAgencyId></InitiationHeader>";
    }

    public static String userId(String barcode) {
        return "<UserId><UserIdentifierValue>" + barcode + "</UserIdentifierValue></UserId>";
    }

    public static String itemId(String barcode) {
        return "<ItemId><ItemIdentifierValue>" + barcode + "</ItemIdentifierValue></ItemId>";
    }

    public static String requestId(String id) {
        return "<RequestId><RequestIdentifierValue>" + id + "</RequestIdentifierValue></RequestId>";
    }

    public static String auth(String type, String data) {
        return "<AuthenticationInput><AuthenticationInputData>" + data + "</AuthenticationInputData>"
                + "<AuthenticationDataFormatType>text/plain</AuthenticationDataFormatType>"
                + "<AuthenticationInputType>" + type + "</AuthenticationInputType></AuthenticationInput>";
    }

    public static String elements(String elementName, String... types) {
        StringBuilder out = new StringBuilder();
        for (String type : types) {
            out.append('<').append(elementName).append('>').append(type).append("</").append(elementName).append('>');
        }
        return out.toString();
    }

    public static String lookupUser(String from, String to, String user, String... userElementTypes) {
        return message(from, to, "LookupUser", user + elements("UserElementType", userElementTypes));
    }

    public static String checkOut(String from, String to, String patron, String item) {
        return message(from, to, "CheckOutItem", userId(patron) + itemId(item));
    }

    public static String checkIn(String from, String to, String item, String... itemElementTypes) {
        return message(from, to, "CheckInItem", itemId(item) + elements("ItemElementType", itemElementTypes));
    }

    public static String renew(String from, String to, String patron, String item) {
        return message(from, to, "RenewItem", (patron == null ? "" : userId(patron)) + itemId(item));
    }

    public static String requestItem(String from, String to, String patron, String item, String request,
            String scope, String pickup) {
        return message(from, to, "RequestItem", userId(patron) + itemId(item)
                + (request == null ? "" : requestId(request)) + "<RequestType>Hold</RequestType>"
                + "<RequestScopeType>" + scope + "</RequestScopeType>"
                + (pickup == null ? "" : "<PickupLocation>" + pickup + "</PickupLocation>"));
    }

    public static String cancelRequest(String from, String to, String patron, String request) {
        return message(from, to, "CancelRequestItem", (patron == null ? "" : userId(patron)) + requestId(request)
                + "<RequestType>Hold</RequestType>");
    }

    public static String acceptItem(String from, String to, String request, String patron, String item,
            String title, String pickup) {
        return message(from, to, "AcceptItem", requestId(request)
                + "<RequestedActionType>Hold For Pickup</RequestedActionType>" + userId(patron)
                + (item == null ? "" : itemId(item))
                + (title == null ? "" : "<ItemOptionalFields><BibliographicDescription><Author>Ostrom, Elinor"
                        + "</Author><Title>" + title + "</Title></BibliographicDescription></ItemOptionalFields>")
                + (pickup == null ? "" : "<PickupLocation>" + pickup + "</PickupLocation>"));
    }

    public static String deleteItem(String from, String to, String item) {
        return message(from, to, "DeleteItem", itemId(item));
    }

    public static String lookupItem(String from, String to, String item, String... itemElementTypes) {
        return message(from, to, "LookupItem", itemId(item) + elements("ItemElementType", itemElementTypes));
    }

    public static String lookupAgency(String from, String to, String agency) {
        return message(from, to, "LookupAgency", "<AgencyId>" + agency + "</AgencyId>"
                + "<AgencyElementType>Agency Address Information</AgencyElementType>");
    }
}
