package org.circgate.bench.load;

/**
 * The synthetic library the load runs against, shared by the import generator, the load generator and the JDBC
 * baseline so they agree on every barcode: patrons {@code <patronPrefix>0000001..}, items {@code <itemPrefix>0000001..},
 * and patrons with a large bill for fee payments {@code <billPatronPrefix>0000001..}.
 * Connection {@code c} of {@code n} owns the c-th slice of each range, so concurrent checkouts never touch the same
 * item or patron.
 */
record LoadData(String institution, String location, String patronPrefix, int patrons, String itemPrefix,
        int items, String billPatronPrefix, int billPatrons) {
    static final String DEFAULT_INSTITUTION = "LOAD";
    static final String DEFAULT_LOCATION = "MAIN";
    static final String DEFAULT_PATRON_PREFIX = "LP";
    static final String DEFAULT_ITEM_PREFIX = "LI";
    static final int DEFAULT_PATRONS = 2_000;
    static final int DEFAULT_ITEMS = 20_000;
    static final String DEFAULT_BILL_PATRON_PREFIX = "LB";
    static final int DEFAULT_BILL_PATRONS = 2_000;

    LoadData {
        if (patrons < 1 || items < 1 || billPatrons < 1) {
            throw new IllegalArgumentException("--patrons, --items and --bill-patrons must be at least 1");
        }
    }

    static LoadData from(Args args) {
        return new LoadData(args.text("institution", DEFAULT_INSTITUTION), args.text("location", DEFAULT_LOCATION),
                args.text("patron-prefix", DEFAULT_PATRON_PREFIX), args.integer("patrons", DEFAULT_PATRONS, 1),
                args.text("item-prefix", DEFAULT_ITEM_PREFIX), args.integer("items", DEFAULT_ITEMS, 1),
                args.text("bill-patron-prefix", DEFAULT_BILL_PATRON_PREFIX),
                args.integer("bill-patrons", DEFAULT_BILL_PATRONS, 1));
    }

    /** Patron number {@code n} (1-based). */
    String patron(int n) {
        return patronPrefix + pad(n);
    }

    /** Patron number {@code n} (1-based) of those who owe a large bill, for 37. */
    String billPatron(int n) {
        return billPatronPrefix + pad(n);
    }

    /** Item number {@code n} (1-based). */
    String item(int n) {
        return itemPrefix + pad(n);
    }

    /** The slice {@code [first, first + size)} (1-based) of {@code total} owned by connection {@code c} of {@code n}. */
    record Slice(int first, int size) {
        int at(long cursor) {
            return first + (int) (cursor % size);
        }
    }

    static Slice slice(int total, int c, int n) {
        if (n <= total) {
            int from = (int) ((long) total * c / n);
            int to = (int) ((long) total * (c + 1) / n);
            return new Slice(from + 1, to - from);
        }
        // More connections than records: share (fine for reads; checkouts refuse this case up front).
        return new Slice(c % total + 1, 1);
    }

    private static String pad(int n) {
        String digits = Integer.toString(n);
        return "0".repeat(Math.max(0, 7 - digits.length())) + digits;
    }
}
