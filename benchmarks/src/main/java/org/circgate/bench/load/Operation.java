package org.circgate.bench.load;

import java.util.List;

/**
 * What one connection does as one unit of the mix. Operations that change state leave the library as they found it,
 * so they can run for as long as wanted: 11+09 checks an item out and back in, 11+29+09 renews it in between, 15
 * places a hold on the connection's item and cancels it again. 37 pays one cent on the bill of a patron kept for
 * payments (LoadImport gives each 499 cents to pay; importing again refills them).
 */
enum Operation {
    SC_STATUS("99", List.of(Step.SC_STATUS), Step.SC_STATUS),
    PATRON_STATUS("23", List.of(Step.PATRON_STATUS), Step.PATRON_STATUS),
    PATRON_INFORMATION("63", List.of(Step.PATRON_INFORMATION), Step.PATRON_INFORMATION),
    CHECKOUT_CHECKIN("11+09", List.of(Step.CHECKOUT, Step.CHECKIN), Step.CHECKOUT_CHECKIN),
    CHECKOUT_RENEW_CHECKIN("11+29+09", List.of(Step.CHECKOUT, Step.RENEW, Step.CHECKIN),
            Step.CHECKOUT_RENEW_CHECKIN),
    HOLD("15", List.of(Step.HOLD_PLACE, Step.HOLD_CANCEL), Step.HOLD_PLACE_CANCEL),
    FEE_PAID("37", List.of(Step.FEE_PAID), Step.FEE_PAID);

    private final String label;
    private final List<Step> steps;
    private final Step summary;

    Operation(String label, List<Step> steps, Step summary) {
        this.label = label;
        this.steps = steps;
        this.summary = summary;
    }

    String label() {
        return label;
    }

    List<Step> steps() {
        return steps;
    }

    /** The report row for the operation as a whole (the request's own row for single requests). */
    Step summaryStep() {
        return summary;
    }

    /** Whether the operation works on the connection's own items (so each connection needs at least one). */
    boolean usesItems() {
        return steps.contains(Step.CHECKOUT) || steps.contains(Step.HOLD_PLACE);
    }

    static Operation of(String label) {
        for (Operation operation : values()) {
            if (operation.label.equals(label)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("unknown operation '" + label
                + "' in --mix (known: 99, 23, 63, 11+09, 11+29+09, 15, 37)");
    }
}
