package org.circgate.sip2.message;

import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;

/**
 * 17 Item Information. Fixed: transaction date (18). Fields: AO (R), AB (R), AC terminal password (O).
 */
public record ItemInformationRequest(Sip2DateTime transactionDate, String institutionId, String itemIdentifier,
        String terminalPassword, List<Sip2Field> extensions)
        implements Sip2Request {

    public ItemInformationRequest {
        Messages.nonNull(transactionDate, "transactionDate");
        institutionId = Messages.required(institutionId);
        itemIdentifier = Messages.required(itemIdentifier);
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
        b.itemIdentifier = itemIdentifier;
        b.terminalPassword = terminalPassword;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.ITEM_INFORMATION;
    }

    static ItemInformationRequest read(WireReader r) {
        Sip2DateTime transactionDate = r.date("transaction date");
        String institutionId = null;
        String itemIdentifier = null;
        String terminalPassword = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AB: itemIdentifier = r.once(itemIdentifier, WireReader::text); break;
                case Keys.AC: terminalPassword = r.once(terminalPassword, WireReader::text); break;
                default: r.keep(); break;
            }
        }
        return new ItemInformationRequest(transactionDate, institutionId, itemIdentifier, terminalPassword,
                r.extensions());
    }

    void write(WireWriter w) {
        w.date(transactionDate);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.ITEM_IDENTIFIER, itemIdentifier);
        w.optional(FieldId.TERMINAL_PASSWORD, terminalPassword);
        w.extensions(extensions);
    }

    /** Shows every component except the secrets (AC, AD, CO), which print as {@code ***}. */
    @Override
    public String toString() {
        return Messages.toString(this);
    }

    /** Builds a {@link ItemInformationRequest}. */
    public static final class Builder {
        private Sip2DateTime transactionDate;
        private String institutionId;
        private String itemIdentifier;
        private String terminalPassword;
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

        public Builder itemIdentifier(String itemIdentifier) {
            this.itemIdentifier = itemIdentifier;
            return this;
        }

        public Builder terminalPassword(String terminalPassword) {
            this.terminalPassword = terminalPassword;
            return this;
        }

        public Builder extensions(List<Sip2Field> extensions) {
            this.extensions = extensions;
            return this;
        }

        public ItemInformationRequest build() {
            return new ItemInformationRequest(transactionDate, institutionId, itemIdentifier, terminalPassword,
                    extensions);
        }
    }
}
