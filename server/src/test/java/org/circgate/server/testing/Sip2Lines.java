package org.circgate.server.testing;

import java.nio.charset.Charset;

/** Realistic SIP2 request lines for integration tests, as kiosks write them (dates in local time). */
public final class Sip2Lines {
    public static final String NOW = "20261122    101500";
    private static final java.util.concurrent.atomic.AtomicInteger CLOCK = new java.util.concurrent.atomic.AtomicInteger();
    public static final String BLANK_DATE = "                  ";
    private static final Charset CP850 = Charset.forName("IBM850");

    private Sip2Lines() {
    }

    public static String login(String user, String password, String location) {
        return "9300CN" + user + "|CO" + password + "|CP" + location + "|";
    }

    /**
     * A transaction date that differs on every call, as a real kiosk clock would: two requests with identical bytes
     * are an exact resend to the server (and are answered from the stored response).
     */
    public static String now() {
        int seconds = CLOCK.incrementAndGet();
        return String.format("20261122    %02d%02d%02d", 8 + seconds / 3600 % 12, seconds / 60 % 60, seconds % 60);
    }

    public static String patronStatus(String institution, String patron, String pin) {
        return "23001" + now() + "AO" + institution + "|AA" + patron + "|AC|AD" + pin + "|";
    }

    /** {@code list}: 0 for none, else the 1-based summary position (1 hold items ... 6 unavailable holds). */
    public static String patronInformation(String institution, String patron, String pin, int list, int start,
            int end) {
        StringBuilder summary = new StringBuilder("          ");
        if (list > 0) {
            summary.setCharAt(list - 1, 'Y');
        }
        String paging = start > 0 ? "BP" + start + "|BQ" + end + "|" : "";
        return "63001" + now() + summary + "AO" + institution + "|AA" + patron + "|AC|AD" + pin + "|" + paging;
    }

    public static String checkout(String institution, String patron, String item, String pin, boolean renewals,
            boolean noBlock, String extraFields) {
        return "11" + (renewals ? "Y" : "N") + (noBlock ? "Y" : "N") + now() + BLANK_DATE + "AO" + institution + "|AA"
                + patron + "|AB" + item + "|AC|AD" + pin + "|" + extraFields;
    }

    public static String checkin(String institution, String item, String location, String returnDate) {
        return "09N" + now() + returnDate + "AP" + location + "|AO" + institution + "|AB" + item + "|AC|";
    }

    public static String endSession(String institution, String patron) {
        return "35" + now() + "AO" + institution + "|AA" + patron + "|";
    }

    /** Appends {@code AY<sequence>AZ<checksum>}. */
    public static String withErrorDetection(String message, int sequence) {
        String body = message + "AY" + sequence + "AZ";
        return body + checksum(body);
    }

    public static String checksum(String text) {
        int sum = 0;
        for (byte b : text.getBytes(CP850)) {
            sum += b & 0xFF;
        }
        return String.format("%04X", (-sum) & 0xFFFF);
    }

    /**
     * The value of the first variable field {@code id} in a response, or null. The first field of a message follows
     * the fixed part without a delimiter; responses put AO (or AB) there, so it is found by its first occurrence.
     */
    public static String field(String message, String id) {
        int at = message.indexOf("|" + id);
        int start = at >= 0 ? at + 1 : message.indexOf(id);
        if (start < 0) {
            return null;
        }
        int end = message.indexOf('|', start);
        return message.substring(start + 2, end < 0 ? message.length() : end);
    }

    /** Every value of a repeatable field that is not the first field (AF, AU, AS, ...). */
    public static java.util.List<String> fields(String message, String id) {
        java.util.List<String> values = new java.util.ArrayList<>();
        String[] parts = message.split("\\|");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith(id)) {
                values.add(parts[i].substring(2));
            }
        }
        return values;
    }
}
