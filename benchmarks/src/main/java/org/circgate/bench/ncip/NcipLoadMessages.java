package org.circgate.bench.ncip;

/** The NCIP requests the load generator sends, shaped like ReShare's (default namespace, agency header). */
final class NcipLoadMessages {
    private static final String OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><NCIPMessage "
            + "xmlns=\"http://www.niso.org/2008/ncip\" version=\"http://www.niso.org/schemas/ncip/v2_02/ncip_v2_02.xsd\">";
    private static final String HEADER = "<InitiationHeader><FromAgencyId><AgencyId>" + NcipLoadData.AGENCY
            + "</AgencyId></FromAgencyId><ToAgencyId><AgencyId>" + NcipLoadData.INSTITUTION
            + "</AgencyId></ToAgencyId></InitiationHeader>";

    private NcipLoadMessages() {
    }

    static String lookupUser(String patron) {
        return OPEN + "<LookupUser>" + HEADER + "<UserId><UserIdentifierValue>" + patron
                + "</UserIdentifierValue></UserId><UserElementType>Name Information</UserElementType>"
                + "<UserElementType>User Privilege</UserElementType><UserElementType>Block Or Trap</UserElementType>"
                + "</LookupUser></NCIPMessage>";
    }

    static String checkOut(String patron, String item) {
        return OPEN + "<CheckOutItem>" + HEADER + "<UserId><UserIdentifierValue>" + patron
                + "</UserIdentifierValue></UserId><ItemId><ItemIdentifierValue>" + item
                + "</ItemIdentifierValue></ItemId></CheckOutItem></NCIPMessage>";
    }

    static String checkIn(String item) {
        return OPEN + "<CheckInItem>" + HEADER + "<ItemId><ItemIdentifierValue>" + item
                + "</ItemIdentifierValue></ItemId></CheckInItem></NCIPMessage>";
    }
}
