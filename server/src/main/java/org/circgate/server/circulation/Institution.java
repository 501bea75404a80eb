package org.circgate.server.circulation;

import java.time.ZoneId;

/** An institution (SIP2 AO, NCIP agency) and the time zone its dates are in. */
public record Institution(long id, String code, String name, ZoneId zone, boolean training) {
}
