package org.circgate.sip2.message;

import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Language;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;
import org.circgate.sip2.Summary;

/**
 * 63 Patron Information. Fixed: language (3), transaction date (18), summary (10; at most one Y, selecting the
 * item list of the 64). Fields: AO (R), AA (R), AC terminal password (O), AD patron password (O), BP start item
 * (O), BQ end item (O) (1-based, paging the list).
 */
public record PatronInformationRequest(Language language, Sip2DateTime transactionDate, Summary summary,
        String institutionId, String patronIdentifier, String terminalPassword, String patronPassword,
        Integer startItem, Integer endItem, List<Sip2Field> extensions)
        implements Sip2Request {

    public PatronInformationRequest {
        Messages.nonNull(language, "language");
        Messages.nonNull(transactionDate, "transactionDate");
        Messages.nonNull(summary, "summary");
        institutionId = Messages.required(institutionId);
        patronIdentifier = Messages.required(patronIdentifier);
        if (startItem != null && startItem < 0) {
            throw new IllegalArgumentException("startItem is not negative: " + startItem);
        }
        if (endItem != null && endItem < 0) {
            throw new IllegalArgumentException("endItem is not negative: " + endItem);
        }
        extensions = Messages.extensions(extensions);
    }

    /** A builder; unset fields are absent (optional), empty (required text) or the spec's default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this message's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.language = language;
        b.transactionDate = transactionDate;
        b.summary = summary;
        b.institutionId = institutionId;
        b.patronIdentifier = patronIdentifier;
        b.terminalPassword = terminalPassword;
        b.patronPassword = patronPassword;
        b.startItem = startItem;
        b.endItem = endItem;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.PATRON_INFORMATION;
    }

    static PatronInformationRequest read(WireReader r) {
        Language language = r.language();
        Sip2DateTime transactionDate = r.date("transaction date");
        Summary summary = r.summary();
        String institutionId = null;
        String patronIdentifier = null;
        String terminalPassword = null;
        String patronPassword = null;
        Integer startItem = null;
        Integer endItem = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AA: patronIdentifier = r.once(patronIdentifier, WireReader::text); break;
                case Keys.AC: terminalPassword = r.once(terminalPassword, WireReader::text); break;
                case Keys.AD: patronPassword = r.once(patronPassword, WireReader::text); break;
                case Keys.BP: startItem = r.once(startItem, WireReader::number); break;
                case Keys.BQ: endItem = r.once(endItem, WireReader::number); break;
                default: r.keep(); break;
            }
        }
        return new PatronInformationRequest(language, transactionDate, summary, institutionId, patronIdentifier,
                terminalPassword, patronPassword, startItem, endItem, r.extensions());
    }

    void write(WireWriter w) {
        w.fixedText(language.code(), 3);
        w.date(transactionDate);
        w.summary(summary);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.PATRON_IDENTIFIER, patronIdentifier);
        w.optional(FieldId.TERMINAL_PASSWORD, terminalPassword);
        w.optional(FieldId.PATRON_PASSWORD, patronPassword);
        w.optional(FieldId.START_ITEM, startItem);
        w.optional(FieldId.END_ITEM, endItem);
        w.extensions(extensions);
    }

    /** Shows every component except the secrets (AC, AD, CO), which print as {@code ***}. */
    @Override
    public String toString() {
        return Messages.toString(this);
    }

    /** Builds a {@link PatronInformationRequest}. */
    public static final class Builder {
        private Language language = Language.UNKNOWN;
        private Sip2DateTime transactionDate;
        private Summary summary = Summary.NONE;
        private String institutionId;
        private String patronIdentifier;
        private String terminalPassword;
        private String patronPassword;
        private Integer startItem;
        private Integer endItem;
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder language(Language language) {
            this.language = language;
            return this;
        }

        public Builder transactionDate(Sip2DateTime transactionDate) {
            this.transactionDate = transactionDate;
            return this;
        }

        public Builder summary(Summary summary) {
            this.summary = summary;
            return this;
        }

        public Builder institutionId(String institutionId) {
            this.institutionId = institutionId;
            return this;
        }

        public Builder patronIdentifier(String patronIdentifier) {
            this.patronIdentifier = patronIdentifier;
            return this;
        }

        public Builder terminalPassword(String terminalPassword) {
            this.terminalPassword = terminalPassword;
            return this;
        }

        public Builder patronPassword(String patronPassword) {
            this.patronPassword = patronPassword;
            return this;
        }

        public Builder startItem(Integer startItem) {
            this.startItem = startItem;
            return this;
        }

        public Builder endItem(Integer endItem) {
            this.endItem = endItem;
            return this;
        }

        public Builder extensions(List<Sip2Field> extensions) {
            this.extensions = extensions;
            return this;
        }

        public PatronInformationRequest build() {
            return new PatronInformationRequest(language, transactionDate, summary, institutionId, patronIdentifier,
                    terminalPassword, patronPassword, startItem, endItem, extensions);
        }
    }
}
