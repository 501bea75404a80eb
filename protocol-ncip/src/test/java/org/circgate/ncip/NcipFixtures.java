package org.circgate.ncip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test fixtures and the shared, thread-safe codec objects (built once per test JVM to keep tests fast). */
public final class NcipFixtures {

    public static final NcipReader READER = new NcipReader();
    public static final NcipWriter WRITER = new NcipWriter();
    public static final NcipSchemaValidator VALIDATOR = new NcipSchemaValidator();

    private NcipFixtures() {
    }

    public static byte[] resource(String path) {
        try (InputStream in = NcipFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Parses and insists on success, with the failure in the assertion message otherwise. */
    public static NcipReadResult.Parsed parse(byte[] body) {
        NcipReadResult result = READER.read(body);
        if (result instanceof NcipReadResult.Failed failed) {
            throw new AssertionError("expected a parsed request, got " + failed);
        }
        return (NcipReadResult.Parsed) result;
    }

    public static NcipReadResult.Failed fail(byte[] body) {
        NcipReadResult result = READER.read(body);
        if (result instanceof NcipReadResult.Parsed parsed) {
            throw new AssertionError("expected a failure, got " + parsed.request());
        }
        return (NcipReadResult.Failed) result;
    }

    /** Rows of the xc-toolkit SOURCES.tsv: fixture file name and the service it requests. */
    public static List<String[]> xcToolkitSamples() {
        String tsv = text(resource("/ncip/xc-toolkit/SOURCES.tsv"));
        return tsv.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split("\t")).toList();
    }
}
