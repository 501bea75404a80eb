package org.circgate.ncip;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** Conversions from java.time to the {@code xs:dateTime} values we emit: whole seconds, always with an offset. */
public final class NcipDates {

    // The JDK's DatatypeFactory holds no mutable state; one instance serves all threads.
    private static final DatatypeFactory DATATYPES = DatatypeFactory.newDefaultInstance();
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private NcipDates() {
    }

    /** {@code 2026-12-01T23:59:00Z} / {@code 2026-12-01T23:59:00+01:00}; null stays null. */
    public static XMLGregorianCalendar toXml(OffsetDateTime dateTime) {
        if (dateTime == null) {
            return null;
        }
        return DATATYPES.newXMLGregorianCalendar(WIRE.format(dateTime.truncatedTo(ChronoUnit.SECONDS)));
    }

    /** An instant written in UTC ({@code ...Z}); null stays null. */
    public static XMLGregorianCalendar toXml(Instant instant) {
        return instant == null ? null : toXml(instant.atOffset(ZoneOffset.UTC));
    }
}
