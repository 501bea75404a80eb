package org.circgate.server.ncip.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.circgate.ncip.NcipItemId;
import org.circgate.ncip.NcipRequestId;
import org.circgate.ncip.NcipUserId;
import org.circgate.ncip.SchemeValue;
import org.circgate.server.circulation.CirculationService;
import org.circgate.server.ncip.agency.NcipAgency;

/** How circgate's records read in NCIP: ids qualified by our agency (the institution), dates in its zone. */
final class NcipRendering {
    private NcipRendering() {
    }

    /** Our AgencyId: the institution code. */
    static SchemeValue ourAgency(NcipAgency agency) {
        return SchemeValue.of(agency.institution().code());
    }

    static NcipUserId userId(NcipAgency agency, String barcode) {
        return NcipUserId.of(ourAgency(agency), barcode);
    }

    static NcipItemId itemId(NcipAgency agency, String barcode) {
        return NcipItemId.of(ourAgency(agency), barcode);
    }

    static NcipRequestId requestId(NcipAgency agency, String id) {
        return NcipRequestId.of(ourAgency(agency), id);
    }

    static ZoneId zone(NcipAgency agency) {
        return agency.institution().zone();
    }

    static OffsetDateTime at(NcipAgency agency, Instant instant) {
        return instant == null ? null : instant.atZone(zone(agency)).toOffsetDateTime();
    }

    /** A date as the end of that day in the institution's zone (privileges and pickups last the whole day). */
    static OffsetDateTime endOf(NcipAgency agency, LocalDate date) {
        return date == null ? null : at(agency, CirculationService.endOfDay(date, zone(agency)));
    }


    static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
