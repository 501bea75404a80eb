package org.circgate.sip2.message;

import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;

/**
 * 65 Renew All. Fixed: transaction date (18). Fields: AO (R), AA (R), AD patron password (O), AC terminal password
 * (O), BO fee acknowledged (O).
 */
public record RenewAllRequest(Sip2DateTime transactionDate, String institutionId, String patronIdentifier,
        String patronPassword, String terminalPassword, Boolean feeAcknowledged, List<Sip2Field> extensions)
        implements Sip2Request {

    public RenewAllRequest {
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
        b.patronPassword = patronPassword;
        b.terminalPassword = terminalPassword;
        b.feeAcknowledged = feeAcknowledged;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.RENEW_ALL;
    }

    static RenewAllRequest read(WireReader r) {
        Sip2DateTime transactionDate = r.date("transaction date");
        String institutionId = null;
        String patronIdentifier = null;
        String patronPassword = null;
        String terminalPassword = null;
        Boolean feeAcknowledged = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AA: patronIdentifier = r.once(patronIdentifier, WireReader::text); break;
                case Keys.AD: patronPassword = r.once(patronPassword, WireReader::text); break;
                case Keys.AC: terminalPassword = r.once(terminalPassword, WireReader::text); break;
                case Keys.BO: feeAcknowledged = r.once(feeAcknowledged, WireReader::flag); break;
                default: r.keep(); break;
            }
        }
        return new RenewAllRequest(transactionDate, institutionId, patronIdentifier, patronPassword, terminalPassword,
                feeAcknowledged, r.extensions());
    }

    void write(WireWriter w) {
        w.date(transactionDate);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.PATRON_IDENTIFIER, patronIdentifier);
        w.optional(FieldId.PATRON_PASSWORD, patronPassword);
        w.optional(FieldId.TERMINAL_PASSWORD, terminalPassword);
        w.optional(FieldId.FEE_ACKNOWLEDGED, feeAcknowledged);
        w.extensions(extensions);
    }

    /** Shows every component except the secrets (AC, AD, CO), which print as {@code ***}. */
    @Override
    public String toString() {
        return Messages.toString(this);
    }

    /** Builds a {@link RenewAllRequest}. */
    public static final class Builder {
        private Sip2DateTime transactionDate;
        private String institutionId;
        private String patronIdentifier;
        private String patronPassword;
        private String terminalPassword;
        private Boolean feeAcknowledged;
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

        public Builder patronPassword(String patronPassword) {
            this.patronPassword = patronPassword;
            return this;
        }

        public Builder terminalPassword(String terminalPassword) {
            this.terminalPassword = terminalPassword;
            return this;
        }

        public Builder feeAcknowledged(Boolean feeAcknowledged) {
            this.feeAcknowledged = feeAcknowledged;
            return this;
        }

        public Builder extensions(List<Sip2Field> extensions) {
            this.extensions = extensions;
            return this;
        }

        public RenewAllRequest build() {
            return new RenewAllRequest(transactionDate, institutionId, patronIdentifier, patronPassword,
                    terminalPassword, feeAcknowledged, extensions);
        }
    }
}
