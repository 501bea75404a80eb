package org.circgate.bench.load;

/** One row of the report: a SIP2 request the generator sends, or a composite operation (11+09) as a whole. */
enum Step {
    SC_STATUS("99"),
    PATRON_STATUS("23"),
    PATRON_INFORMATION("63"),
    CHECKOUT("11"),
    RENEW("29"),
    CHECKIN("09"),
    CHECKOUT_CHECKIN("11+09"),
    CHECKOUT_RENEW_CHECKIN("11+29+09"),
    HOLD_PLACE("15+"),
    HOLD_CANCEL("15-"),
    HOLD_PLACE_CANCEL("15+/-"),
    FEE_PAID("37");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    /** A row for several requests as a whole (11+09), not a request of its own. */
    boolean composite() {
        return this == CHECKOUT_CHECKIN || this == CHECKOUT_RENEW_CHECKIN || this == HOLD_PLACE_CANCEL;
    }

    String label() {
        return label;
    }
}
