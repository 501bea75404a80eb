package org.circgate.ncip;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * A date-time as an initiator sent it. {@code xs:dateTime} allows a missing zone, and real initiators use that
 * (ILLiad sends {@code DesiredDateDue} without one), and some send a bare date; both are kept visible here so the
 * server decides with the library's zone instead of the parser guessing.
 *
 * @param localDateTime the wall-clock value as sent (midnight when {@code dateOnly})
 * @param offset        the zone offset as sent, or null when the sender gave none
 * @param dateOnly      true when the sender gave only a date
 */
public record NcipDateTime(LocalDateTime localDateTime, ZoneOffset offset, boolean dateOnly) {

    public NcipDateTime {
        Objects.requireNonNull(localDateTime, "localDateTime");
    }

    /** The instant meant, reading a zoneless value in {@code zoneForUnzoned} (typically the library's zone). */
    public Instant toInstant(ZoneId zoneForUnzoned) {
        Objects.requireNonNull(zoneForUnzoned, "zoneForUnzoned");
        return offset != null ? localDateTime.toInstant(offset) : localDateTime.atZone(zoneForUnzoned).toInstant();
    }

    public LocalDate date() {
        return localDateTime.toLocalDate();
    }

    public Optional<ZoneOffset> offsetIfPresent() {
        return Optional.ofNullable(offset);
    }

    /**
     * Converts a value JAXB parsed. JAXB's lexical parser accepts every XML Schema date/time form here, so a value
     * without year, month or day (e.g. a bare time) is treated as absent: null.
     */
    public static NcipDateTime fromXml(XMLGregorianCalendar xml) {
        if (xml == null || xml.getYear() == DatatypeConstants.FIELD_UNDEFINED
                || xml.getMonth() == DatatypeConstants.FIELD_UNDEFINED
                || xml.getDay() == DatatypeConstants.FIELD_UNDEFINED) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(xml.getYear(), xml.getMonth(), xml.getDay());
            boolean dateOnly = xml.getHour() == DatatypeConstants.FIELD_UNDEFINED;
            LocalTime time = dateOnly ? LocalTime.MIDNIGHT : timeOf(xml);
            ZoneOffset offset = xml.getTimezone() == DatatypeConstants.FIELD_UNDEFINED
                    ? null : ZoneOffset.ofTotalSeconds(xml.getTimezone() * 60);
            LocalDateTime local = xml.getHour() == 24
                    ? date.plusDays(1).atStartOfDay()
                    : date.atTime(time);
            return new NcipDateTime(local, offset, dateOnly);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static LocalTime timeOf(XMLGregorianCalendar xml) {
        int hour = xml.getHour() == 24 ? 0 : xml.getHour();
        int minute = Math.max(xml.getMinute(), 0);
        int second = Math.max(xml.getSecond(), 0);
        int millis = Math.max(xml.getMillisecond(), 0);
        return LocalTime.of(hour, minute, second, millis * 1_000_000);
    }
}
