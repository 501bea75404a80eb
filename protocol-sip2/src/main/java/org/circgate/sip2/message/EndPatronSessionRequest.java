package org.circgate.sip2.message;

import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;

/**
 * 35 End Patron Session. Fixed: transaction date (18). Fields: AO (R), AA (R), AC terminal password (O), AD patron
 * password (O).
 */
public record EndPatronSessionRequest(Sip2DateTime transactionDate, String institutionId, String patronIdentifier,
        String terminalPassword, String patronPassword, List<Sip2Field> extensions)
        implements Sip2Request {

    public EndPatronSessionRequest {
        Messages.nonNull(transactionDate, "transactionDate");
        institutionId = Messages.required(institutionId);
        patronIdentifier = Messages.required(patronIdentifier);
        extensions = Messages.extensions(extensions);
    }

    /** A builder; unset fields are absent (optional), empty (required text) or the spec's default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this message's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.transactionDate = transactionDate;
        b.institutionId = institutionId;
        b.patronIdentifier = patronIdentifier;
        b.terminalPassword = terminalPassword;
        b.patronPassword = patronPassword;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.END_PATRON_SESSION;
    }

    static EndPatronSessionRequest read(WireReader r) {
        Sip2DateTime transactionDate = r.date("transaction date");
        String institutionId = null;
        String patronIdentifier = null;
        String terminalPassword = null;
        String patronPassword = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AA: patronIdentifier = r.once(patronIdentifier, WireReader::text); break;
                case Keys.AC: terminalPassword = r.once(terminalPassword, WireReader::text); break;
                case Keys.AD: patronPassword = r.once(patronPassword, WireReader::text); break;
                default: r.keep(); break;
            }
        }
        return new EndPatronSessionRequest(transactionDate, institutionId, patronIdentifier, terminalPassword,
                patronPassword, r.extensions());
    }

    void write(WireWriter w) {
        w.date(transactionDate);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.PATRON_IDENTIFIER, patronIdentifier);
        w.optional(FieldId.TERMINAL_PASSWORD, terminalPassword);
        w.optional(FieldId.PATRON_PASSWORD, patronPassword);
        w.extensions(extensions);
    }

    /** Shows every component except the secrets (AC, AD, CO), which print as {@code ***}. */
    @Override
    public String toString() {
        return Messages.toString(this);
    }

    /** Builds a {@link EndPatronSessionRequest}. */
    public static final class Builder {
        private Sip2DateTime transactionDate;
        private String institutionId;
        private String patronIdentifier;
        private String terminalPassword;
        private String patronPassword;
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder transactionDate(Sip2DateTime transactionDate) {
            this.transactionDate = transactionDate;
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

        public Builder extensions(List<Sip2Field> extensions) {
            this.extensions = extensions;
            return this;
        }

        public EndPatronSessionRequest build() {
            return new EndPatronSessionRequest(transactionDate, institutionId, patronIdentifier, terminalPassword,
                    patronPassword, extensions);
        }
    }
}
