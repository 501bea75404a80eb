package org.circgate.bench.ncip;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The NCIP load library as a circgate import file (docs/import-format.md): institution NLOAD with location MAIN, the
 * agency N-LOAD with the given key, patrons NP0000001... (profile PUBLIC, no PIN) and items NI0000001... Each load
 * client checks out and back in items of its own (client c uses patron c+1 and items c*itemsPerClient+1...), so
 * clients never queue on each other's rows and the run measures the request path, not lock waits.
 */
final class NcipLoadData {
    static final String INSTITUTION = "NLOAD";
    static final String AGENCY = "N-LOAD";

    private NcipLoadData() {
    }

    static String patron(int index) {
        return "NP%07d".formatted(index);
    }

    static String item(int index) {
        return "NI%07d".formatted(index);
    }

    static void write(Path file, String key, int patrons, int items) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"institutions\": [{\"code\": \"" + INSTITUTION + "\", \"name\": \"NCIP load library\", "
                    + "\"timeZone\": \"UTC\",\n\"locations\": [{\"code\": \"MAIN\", \"name\": \"Main\"}],\n"
                    + "\"ncipAgencies\": [{\"agencyId\": \"" + AGENCY + "\", \"apiKey\": \"" + key
                    + "\", \"location\": \"MAIN\", \"options\": {\"lookupUserReveals\": [\"name\", \"email\"]}}],\n"
                    + "\"patrons\": [\n");
            for (int i = 1; i <= patrons; i++) {
                out.write("{\"barcode\": \"" + patron(i) + "\", \"name\": \"Load Patron " + i
                        + "\", \"profile\": \"PUBLIC\", \"email\": \"p" + i + "@example.org\", "
                        + "\"privilegeExpires\": \"2035-12-31\"}" + (i < patrons ? ",\n" : "\n"));
            }
            out.write("],\n\"titles\": [{\"key\": \"NT1\", \"title\": \"Load title\"}],\n\"items\": [\n");
            for (int i = 1; i <= items; i++) {
                out.write("{\"barcode\": \"" + item(i) + "\", \"title\": \"NT1\", \"itemType\": \"BOOK\", "
                        + "\"location\": \"MAIN\"}" + (i < items ? ",\n" : "\n"));
            }
            out.write("]}]}\n");
        }
    }
}
