package org.circgate.sip2;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.Year;

/**
 * A SIP2 date-time, {@code YYYYMMDDZZZZHHMMSS} (18 characters).
 *
 * <p>{@code ZZZZ} is the zone: four spaces for the local time of the sender ({@link #LOCAL}), {@code "   Z"} for UTC
 * ({@link #UTC}). Some devices send other military zone letters ({@code "   A"} ... {@code "   Y"}); any four printable
 * ASCII characters are kept as they came so nothing is lost, and {@link #toInstant} understands the military letters.
 * The fields are stored as numbers so decoding allocates one object; {@link #toLocalDateTime} builds the
 * {@code java.time} value on demand. Blank (all-space) dates are not values of this type: message records use
 * {@code null} where the spec allows a blank date.
 */
public record Sip2DateTime(int year, int month, int day, int hour, int minute, int second, String zone) {

    /** Zone designator for the sender's local time. */
    public static final String LOCAL = "    ";
    /** Zone designator for UTC. */
    public static final String UTC = "   Z";
    /** Characters on the wire. */
    public static final int LENGTH = 18;

    public Sip2DateTime {
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("month out of range: " + month);
        }
        if (day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            throw new IllegalArgumentException("day out of range: " + year + "-" + month + "-" + day);
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            throw new IllegalArgumentException("time out of range: " + hour + ":" + minute + ":" + second);
        }
        zone = canonicalZone(zone);
    }

    /** A local-time value ({@code ZZZZ} = four spaces). */
    public static Sip2DateTime local(LocalDateTime dateTime) {
        return of(dateTime, LOCAL);
    }

    /** A UTC value ({@code ZZZZ} = {@code "   Z"}). */
    public static Sip2DateTime utc(LocalDateTime utcDateTime) {
        return of(utcDateTime, UTC);
    }

    /** The instant as a UTC value. */
    public static Sip2DateTime utc(Instant instant) {
        return of(LocalDateTime.ofInstant(instant, ZoneOffset.UTC), UTC);
    }

    /** The instant as local time in the given zone. */
    public static Sip2DateTime local(Instant instant, ZoneId zone) {
        return of(LocalDateTime.ofInstant(instant, zone), LOCAL);
    }

    private static Sip2DateTime of(LocalDateTime t, String zone) {
        return new Sip2DateTime(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                t.getSecond(), zone);
    }

    /**
     * Parses exactly 18 characters.
     *
     * @throws IllegalArgumentException if the text is not a valid SIP2 date-time (a blank date included)
     */
    public static Sip2DateTime parse(CharSequence text) {
        if (text.length() != LENGTH) {
            throw new IllegalArgumentException("a SIP2 date is 18 characters: '" + text + "'");
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 4, 2);
        int day = digits(text, 6, 2);
        int hour = digits(text, 12, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 16, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            throw new IllegalArgumentException("not a SIP2 date: '" + text + "'");
        }
        return new Sip2DateTime(year, month, day, hour, minute, second, text.subSequence(8, 12).toString());
    }

    private static int digits(CharSequence s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Returns the shared constant for the common designators, and checks the others. */
    static String canonicalZone(String zone) {
        if (zone == null || LOCAL.equals(zone)) {
            return LOCAL;
        }
        if (UTC.equals(zone)) {
            return UTC;
        }
        if (zone.length() != 4) {
            throw new IllegalArgumentException("a SIP2 zone is 4 characters: '" + zone + "'");
        }
        for (int i = 0; i < 4; i++) {
            char c = zone.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '|') {
                throw new IllegalArgumentException("a SIP2 zone is printable ASCII: '" + zone + "'");
            }
        }
        return zone;
    }

    public boolean isLocal() {
        return LOCAL.equals(zone);
    }

    public boolean isUtc() {
        return UTC.equals(zone);
    }

    /** The date and time fields, without zone. */
    public LocalDateTime toLocalDateTime() {
        return LocalDateTime.of(year, month, day, hour, minute, second);
    }

    /**
     * The instant this value denotes: local values (and the military letter {@code J}) are read in
     * {@code localZone}; military letters A–I/K–M/N–Y/Z are fixed offsets.
     *
     * @throws IllegalStateException for a zone designator that is neither local nor a military letter
     */
    public Instant toInstant(ZoneId localZone) {
        ZoneOffset offset = militaryOffset();
        if (offset == null) {
            return ZonedDateTime.of(toLocalDateTime(), localZone).toInstant();
        }
        return toLocalDateTime().toInstant(offset);
    }

    private ZoneOffset militaryOffset() {
        if (isLocal()) {
            return null;
        }
        char letter = zone.charAt(3);
        if (!zone.startsWith("   ") || letter < 'A' || letter > 'Z') {
            throw new IllegalStateException("unknown SIP2 zone designator: '" + zone + "'");
        }
        if (letter == 'Z') {
            return ZoneOffset.UTC;
        }
        if (letter == 'J') {
            return null;
        }
        if (letter <= 'I') {
            return ZoneOffset.ofHours(letter - 'A' + 1);
        }
        if (letter <= 'M') {
            return ZoneOffset.ofHours(letter - 'K' + 10);
        }
        return ZoneOffset.ofHours(-(letter - 'N' + 1));
    }

    /** The 18 wire characters. */
    public String toWire() {
        StringBuilder sb = new StringBuilder(LENGTH);
        pad(sb, year, 4);
        pad(sb, month, 2);
        pad(sb, day, 2);
        sb.append(zone);
        pad(sb, hour, 2);
        pad(sb, minute, 2);
        pad(sb, second, 2);
        return sb.toString();
    }

    private static void pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }

    @Override
    public String toString() {
        return toWire();
    }
}
