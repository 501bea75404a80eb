package org.circgate.bench.load;

import java.util.List;

/**
 * What one connection does as one unit of the mix. A single request is its own operation; 11+09 checks an item out
 * and back in on the same connection, so the library ends as it began and the item can circulate again.
 */
enum Operation {
    SC_STATUS("99", List.of(Step.SC_STATUS)),
    PATRON_STATUS("23", List.of(Step.PATRON_STATUS)),
    PATRON_INFORMATION("63", List.of(Step.PATRON_INFORMATION)),
    CHECKOUT_CHECKIN("11+09", List.of(Step.CHECKOUT, Step.CHECKIN));

    private final String label;
    private final List<Step> steps;

    Operation(String label, List<Step> steps) {
        this.label = label;
        this.steps = steps;
    }

    String label() {
        return label;
    }

    List<Step> steps() {
        return steps;
    }

    /** The report row for the operation as a whole (the pair row for 11+09, the request's own row otherwise). */
    Step summaryStep() {
        return steps.size() == 1 ? steps.get(0) : Step.CHECKOUT_CHECKIN;
    }

    boolean checksOut() {
        return steps.contains(Step.CHECKOUT);
    }

    static Operation of(String label) {
        for (Operation operation : values()) {
            if (operation.label.equals(label)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("unknown operation '" + label + "' in --mix (known: 99, 23, 63, 11+09)");
    }
}
