package org.circgate.server.testing;

import static org.circgate.server.testing.Sip2Lines.BLANK_DATE;
import static org.circgate.server.testing.Sip2Lines.NOW;

/** Request lines for 15, 29, 65, 37, 01, 25, 17 and 19 as kiosks, sorters and payment kiosks write them. */
public final class KioskLines {
    private KioskLines() {
    }

    /**
     * 15 Hold. {@code mode} is {@code +}, {@code -} or {@code *}; {@code extra} holds optional fields such as
     * {@code "BSEAST|BY3|"} (placed before AO, as the spec lists them) or {@code "BW20301231    235959|"}.
     */
    public static String hold(char mode, String institution, String patron, String pin, String item, String title,
            String extra) {
        return "15" + mode + NOW + extra + "AO" + institution + "|AA" + patron + "|AD" + pin + "|"
                + (item == null ? "" : "AB" + item + "|") + (title == null ? "" : "AJ" + title + "|") + "AC|";
    }

    /** 29 Renew of an item (AB) or, with {@code item} null, of a title (AJ). */
    public static String renew(String institution, String patron, String pin, String item, String title,
            boolean thirdParty) {
        return "29" + (thirdParty ? "Y" : "N") + "N" + NOW + BLANK_DATE + "AO" + institution + "|AA" + patron + "|AD"
                + pin + "|" + (item == null ? "" : "AB" + item + "|") + (title == null ? "" : "AJ" + title + "|")
                + "AC|";
    }

    /** 65 Renew All. */
    public static String renewAll(String institution, String patron, String pin) {
        return "65" + NOW + "AO" + institution + "|AA" + patron + "|AD" + pin + "|AC|";
    }

    /**
     * 37 Fee Paid: fee type (2), payment type (2), currency (3), amount BV; {@code extra} for CG, BK or AD, e.g.
     * {@code "CGB1|BKtx-1|"}.
     */
    public static String feePaid(String institution, String patron, String feeType, String paymentType,
            String currency, String amount, String extra) {
        return "37" + NOW + feeType + paymentType + currency + "BV" + amount + "|AO" + institution + "|AA" + patron
                + "|AC|" + extra;
    }

    /** 01 Block Patron. */
    public static String blockPatron(String institution, String patron, boolean cardRetained, String message) {
        return "01" + (cardRetained ? "Y" : "N") + NOW + "AO" + institution + "|AL" + message + "|AA" + patron
                + "|AC|";
    }

    /** 25 Patron Enable. */
    public static String patronEnable(String institution, String patron, String pin) {
        return "25" + NOW + "AO" + institution + "|AA" + patron + "|AC|AD" + pin + "|";
    }

    /** 17 Item Information. */
    public static String itemInformation(String institution, String item) {
        return "17" + NOW + "AO" + institution + "|AB" + item + "|AC|";
    }

    /** 19 Item Status Update. */
    public static String itemStatusUpdate(String institution, String item, String properties) {
        return "19" + NOW + "AO" + institution + "|AB" + item + "|AC|CH" + properties + "|";
    }
}
