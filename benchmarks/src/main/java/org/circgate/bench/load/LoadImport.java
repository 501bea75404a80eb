package org.circgate.bench.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes the load library as a circgate import file (docs/import-format.md): institution LOAD with location MAIN,
 * the kiosk account {@code load}/{@code load}, patrons on profile PUBLIC and available items, with the barcodes
 * {@link Sip2Load} uses. Without {@code --patron-pin} patrons have no PIN and the account does not require one, so
 * the run measures circulation rather than Argon2; with it, every patron gets that PIN (the import hashes each one,
 * which takes a while) and each connection pays one Argon2 check per patron before its PIN cache answers.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.circgate.bench.load.LoadImport --out load.json
 * java -jar server/target/circgate.jar import load.json
 * </pre>
 */
public final class LoadImport {
    static final String USAGE = """
            Usage: java -cp benchmarks/target/benchmarks.jar org.circgate.bench.load.LoadImport --out FILE [options]

              --patrons N --items N          how many (2000, 20000)
              --patron-prefix X --item-prefix Y   barcode prefixes (LP, LI): X0000001 ...
              --bill-patrons N --bill-patron-prefix Z   patrons owing a large bill, for 37 (2000, LB)
              --institution I --location C   (LOAD, MAIN)
              --login L --password P         the kiosk account (load / load)
              --patron-pin PIN               give every patron this PIN and require PINs (default: no PINs)
            """;
    private static final int ITEMS_PER_TITLE = 10;
    /**
     * Just under PUBLIC's $5.00 bill threshold (at it the patron is BLOCKED, and a self-service payment would need
     * an override): 499 one-cent payments per patron. Importing the file again resets the bills to unpaid.
     */
    private static final String BILL_AMOUNT = "4.99";

    private LoadImport() {
    }

    public static void main(String[] arguments) throws IOException {
        Path out;
        LoadData data;
        String login;
        String password;
        String pin;
        try {
            Args args = new Args(arguments, Set.of("help"));
            if (args.flag("help")) {
                System.out.print(USAGE);
                return;
            }
            String file = args.text("out", null);
            if (file == null) {
                throw new IllegalArgumentException("--out FILE is required");
            }
            out = Path.of(file);
            data = LoadData.from(args);
            login = args.text("login", "load");
            password = args.text("password", "load");
            pin = args.text("patron-pin", null);
            args.rejectUnknown();
        } catch (IllegalArgumentException e) {
            System.err.println("LoadImport: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            write(writer, data, login, password, pin);
        }
        System.out.printf("wrote %s: institution %s, account %s, %,d patrons (%s..%s), %,d items (%s..%s), "
                + "%,d patrons with a bill (%s..%s)%n", out, data.institution(), login, data.patrons(), data.patron(1),
                data.patron(data.patrons()), data.items(), data.item(1), data.item(data.items()), data.billPatrons(),
                data.billPatron(1), data.billPatron(data.billPatrons()));
    }

    static void write(Writer w, LoadData data, String login, String password, String pin) throws IOException {
        boolean pins = pin != null && !pin.isEmpty();
        w.write("{\n  \"institutions\": [\n    {\n");
        w.write("      \"code\": " + json(data.institution()) + ",\n");
        w.write("      \"name\": \"Load Test Library\",\n");
        w.write("      \"timeZone\": \"UTC\",\n");
        w.write("      \"locations\": [ { \"code\": " + json(data.location()) + ", \"name\": \"Load Main\" } ],\n");
        w.write("      \"sipAccounts\": [\n        { \"login\": " + json(login) + ", \"password\": " + json(password)
                + ", \"locations\": [" + json(data.location()) + "], \"options\": { \"pinRequired\": " + pins
                + " } }\n      ],\n");
        w.write("      \"patrons\": [\n");
        for (int i = 1; i <= data.patrons(); i++) {
            w.write("        { \"barcode\": " + json(data.patron(i)) + ", \"name\": \"Load Patron " + i
                    + "\", \"profile\": \"PUBLIC\", \"privilegeExpires\": \"2099-12-31\""
                    + (pins ? ", \"pin\": " + json(pin) : "") + " },\n");
        }
        for (int i = 1; i <= data.billPatrons(); i++) {
            w.write("        { \"barcode\": " + json(data.billPatron(i)) + ", \"name\": \"Load Payer " + i
                    + "\", \"profile\": \"PUBLIC\", \"privilegeExpires\": \"2099-12-31\""
                    + (pins ? ", \"pin\": " + json(pin) : "") + " }" + (i < data.billPatrons() ? "," : "") + "\n");
        }
        w.write("      ],\n      \"titles\": [\n");
        int titles = titles(data);
        for (int t = 1; t <= titles; t++) {
            w.write("        { \"key\": \"LT" + t + "\", \"title\": \"Load Title " + t + "\" }"
                    + (t < titles ? "," : "") + "\n");
        }
        w.write("      ],\n      \"items\": [\n");
        for (int i = 1; i <= data.items(); i++) {
            int title = (i - 1) / ITEMS_PER_TITLE + 1;
            w.write("        { \"barcode\": " + json(data.item(i)) + ", \"title\": \"LT" + title
                    + "\", \"itemType\": \"BOOK\", \"location\": " + json(data.location()) + " }"
                    + (i < data.items() ? "," : "") + "\n");
        }
        w.write("      ],\n      \"bills\": [\n");
        for (int i = 1; i <= data.billPatrons(); i++) {
            w.write("        { \"id\": \"LBILL" + i + "\", \"patron\": " + json(data.billPatron(i))
                    + ", \"feeType\": \"01\", \"reason\": \"Load test bill\", \"amount\": \"" + BILL_AMOUNT
                    + "\", \"currency\": \"USD\", \"billed\": \"2026-01-01T00:00:00Z\" }"
                    + (i < data.billPatrons() ? "," : "") + "\n");
        }
        w.write("      ]\n    }\n  ]\n}\n");
    }

    private static int titles(LoadData data) {
        return (data.items() + ITEMS_PER_TITLE - 1) / ITEMS_PER_TITLE;
    }

    /** A JSON string literal; the values here are barcodes and codes, so escaping quotes and backslashes suffices. */
    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
