package org.circgate.sip2.message;

import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;

/**
 * 19 Item Status Update. Fixed: transaction date (18). Fields: AO (R), AB (R), AC terminal password (O), CH item
 * properties (R).
 */
public record ItemStatusUpdateRequest(Sip2DateTime transactionDate, String institutionId, String itemIdentifier,
        String terminalPassword, String itemProperties, List<Sip2Field> extensions)
        implements Sip2Request {

    public ItemStatusUpdateRequest {
        Messages.nonNull(transactionDate, "transactionDate");
        institutionId = Messages.required(institutionId);
        itemIdentifier = Messages.required(itemIdentifier);
        itemProperties = Messages.required(itemProperties);
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
        b.itemProperties = itemProperties;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.ITEM_STATUS_UPDATE;
    }

    static ItemStatusUpdateRequest read(WireReader r) {
        Sip2DateTime transactionDate = r.date("transaction date");
        String institutionId = null;
        String itemIdentifier = null;
        String terminalPassword = null;
        String itemProperties = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AB: itemIdentifier = r.once(itemIdentifier, WireReader::text); break;
                case Keys.AC: terminalPassword = r.once(terminalPassword, WireReader::text); break;
                case Keys.CH: itemProperties = r.once(itemProperties, WireReader::text); break;
                default: r.keep(); break;
            }
        }
        return new ItemStatusUpdateRequest(transactionDate, institutionId, itemIdentifier, terminalPassword,
                itemProperties, r.extensions());
    }

    void write(WireWriter w) {
        w.date(transactionDate);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.ITEM_IDENTIFIER, itemIdentifier);
        w.optional(FieldId.TERMINAL_PASSWORD, terminalPassword);
        w.required(FieldId.ITEM_PROPERTIES, itemProperties);
        w.extensions(extensions);
    }

    /** Shows every component except the secrets (AC, AD, CO), which print as {@code ***}. */
    @Override
    public String toString() {
        return Messages.toString(this);
    }

    /** Builds a {@link ItemStatusUpdateRequest}. */
    public static final class Builder {
        private Sip2DateTime transactionDate;
        private String institutionId;
        private String itemIdentifier;
        private String terminalPassword;
        private String itemProperties;
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

        public Builder itemProperties(String itemProperties) {
            this.itemProperties = itemProperties;
            return this;
        }

        public Builder extensions(List<Sip2Field> extensions) {
            this.extensions = extensions;
            return this;
        }

        public ItemStatusUpdateRequest build() {
            return new ItemStatusUpdateRequest(transactionDate, institutionId, itemIdentifier, terminalPassword,
                    itemProperties, extensions);
        }
    }
}
