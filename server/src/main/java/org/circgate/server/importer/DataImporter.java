package org.circgate.server.importer;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.circgate.server.db.Transactions;
import org.circgate.server.security.SecretHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads an import file: parse, check every record, then write all of it in one transaction. A bad record stops the
 * import with a message naming the record and field, and nothing of the file is applied. Importing the same file
 * again changes nothing.
 */
public final class DataImporter {
    private static final Logger log = LoggerFactory.getLogger(DataImporter.class);

    private final Transactions transactions;
    private final SecretHasher hasher;
    private final ObjectMapper mapper;

    public DataImporter(Transactions transactions, SecretHasher hasher) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /** What an import did, in counts of records in the file. */
    public record Summary(int institutions, int locations, int sipAccounts, int ncipAgencies, int patrons,
            int titles, int items, int loans, int holds, int bills) {
        @Override
        public String toString() {
            return institutions + " institution(s), " + locations + " location(s), " + sipAccounts
                    + " SIP account(s), " + ncipAgencies + " NCIP agency(ies), " + patrons + " patron(s), " + titles + " title(s), " + items + " item(s), "
                    + loans + " loan(s), " + holds + " hold(s), " + bills + " bill(s)";
        }
    }

    public Summary importFrom(InputStream json, String sourceName) {
        ImportDocument document = parse(json, sourceName);
        Summary summary = transactions.inTransaction(connection -> {
            ExistingRecords existing = new ExistingRecords(connection);
            List<String> errors = ImportValidator.validate(document, existing);
            if (!errors.isEmpty()) {
                String shown = String.join("\n  ", errors.subList(0, Math.min(errors.size(), 50)));
                throw new ImportException(sourceName + ": " + errors.size() + " problem(s), nothing imported:\n  "
                        + shown + (errors.size() > 50 ? "\n  ..." : ""));
            }
            return new ImportWriter(connection, hasher, existing).write(document);
        });
        log.info("Imported {}: {}", sourceName, summary);
        return summary;
    }

    ImportDocument parse(InputStream json, String sourceName) {
        try {
            ImportDocument document = mapper.readValue(json, ImportDocument.class);
            if (document == null) {
                throw new ImportException(sourceName + ": the file is empty");
            }
            return document;
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonParseException syntax) {
                throw syntaxError(sourceName, syntax);
            }
            throw new ImportException(sourceName + ": " + describePath(e) + ": " + e.getOriginalMessage()
                    .lines().findFirst().orElse("invalid value"), e);
        } catch (JsonParseException e) {
            throw syntaxError(sourceName, e);
        } catch (JsonProcessingException e) {
            throw new ImportException(sourceName + ": cannot read: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ImportException(sourceName + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static ImportException syntaxError(String sourceName, JsonParseException e) {
        String message = e.getOriginalMessage();
        int noise = message.indexOf(" (for ");
        return new ImportException(sourceName + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ": " + (noise > 0 ? message.substring(0, noise) : message), e);
    }

    private static String describePath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            }
        }
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        return (path.length() == 0 ? "document" : path.toString()) + where;
    }
}
