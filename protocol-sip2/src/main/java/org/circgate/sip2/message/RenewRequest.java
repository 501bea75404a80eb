package org.circgate.sip2.message;

import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;

/**
 * 29 Renew. Fixed: third party allowed (Y/N; may renew an item charged to someone else), no block (Y/N),
 * transaction date (18), nb due date (18, null = blank). Fields: AO (R), AA (R), AD patron password (O), AB (O),
 * AJ (O), AC terminal password (O), CH (O), BO fee acknowledged (O).
 */
public record RenewRequest(boolean thirdPartyAllowed, boolean noBlock, Sip2DateTime transactionDate,
        Sip2DateTime nbDueDate, String institutionId, String patronIdentifier, String patronPassword,
        String itemIdentifier, String titleIdentifier, String terminalPassword, String itemProperties,
        Boolean feeAcknowledged, List<Sip2Field> extensions)
        implements Sip2Request {

    public RenewRequest {
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
        b.thirdPartyAllowed = thirdPartyAllowed;
        b.noBlock = noBlock;
        b.transactionDate = transactionDate;
        b.nbDueDate = nbDueDate;
        b.institutionId = institutionId;
        b.patronIdentifier = patronIdentifier;
        b.patronPassword = patronPassword;
        b.itemIdentifier = itemIdentifier;
        b.titleIdentifier = titleIdentifier;
        b.terminalPassword = terminalPassword;
        b.itemProperties = itemProperties;
        b.feeAcknowledged = feeAcknowledged;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.RENEW;
    }

    static RenewRequest read(WireReader r) {
        boolean thirdPartyAllowed = r.yesNo("third party allowed");
        boolean noBlock = r.yesNo("no block");
        Sip2DateTime transactionDate = r.date("transaction date");
        Sip2DateTime nbDueDate = r.dateOrBlank("nb due date");
        String institutionId = null;
        String patronIdentifier = null;
        String patronPassword = null;
        String itemIdentifier = null;
        String titleIdentifier = null;
        String terminalPassword = null;
        String itemProperties = null;
        Boolean feeAcknowledged = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AA: patronIdentifier = r.once(patronIdentifier, WireReader::text); break;
                case Keys.AD: patronPassword = r.once(patronPassword, WireReader::text); break;
                case Keys.AB: itemIdentifier = r.once(itemIdentifier, WireReader::text); break;
                case Keys.AJ: titleIdentifier = r.once(titleIdentifier, WireReader::text); break;
                case Keys.AC: terminalPassword = r.once(terminalPassword, WireReader::text); break;
                case Keys.CH: itemProperties = r.once(itemProperties, WireReader::text); break;
                case Keys.BO: feeAcknowledged = r.once(feeAcknowledged, WireReader::flag); break;
                default: r.keep(); break;
            }
        }
        return new RenewRequest(thirdPartyAllowed, noBlock, transactionDate, nbDueDate, institutionId,
                patronIdentifier, patronPassword, itemIdentifier, titleIdentifier, terminalPassword, itemProperties,
                feeAcknowledged, r.extensions());
    }

    void write(WireWriter w) {
        w.yesNo(thirdPartyAllowed);
        w.yesNo(noBlock);
        w.date(transactionDate);
        w.dateOrBlank(nbDueDate);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.PATRON_IDENTIFIER, patronIdentifier);
        w.optional(FieldId.PATRON_PASSWORD, patronPassword);
        w.optional(FieldId.ITEM_IDENTIFIER, itemIdentifier);
        w.optional(FieldId.TITLE_IDENTIFIER, titleIdentifier);
        w.optional(FieldId.TERMINAL_PASSWORD, terminalPassword);
        w.optional(FieldId.ITEM_PROPERTIES, itemProperties);
        w.optional(FieldId.FEE_ACKNOWLEDGED, feeAcknowledged);
        w.extensions(extensions);
    }

    /** Shows every component except the secrets (AC, AD, CO), which print as {@code ***}. */
    @Override
    public String toString() {
        return Messages.toString(this);
    }

    /** Builds a {@link RenewRequest}. */
    public static final class Builder {
        private boolean thirdPartyAllowed;
        private boolean noBlock;
        private Sip2DateTime transactionDate;
        private Sip2DateTime nbDueDate;
        private String institutionId;
        private String patronIdentifier;
        private String patronPassword;
        private String itemIdentifier;
        private String titleIdentifier;
        private String terminalPassword;
        private String itemProperties;
        private Boolean feeAcknowledged;
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder thirdPartyAllowed(boolean thirdPartyAllowed) {
            this.thirdPartyAllowed = thirdPartyAllowed;
            return this;
        }

        public Builder noBlock(boolean noBlock) {
            this.noBlock = noBlock;
            return this;
        }

        public Builder transactionDate(Sip2DateTime transactionDate) {
            this.transactionDate = transactionDate;
            return this;
        }

        public Builder nbDueDate(Sip2DateTime nbDueDate) {
            this.nbDueDate = nbDueDate;
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

        public Builder itemIdentifier(String itemIdentifier) {
            this.itemIdentifier = itemIdentifier;
            return this;
        }

        public Builder titleIdentifier(String titleIdentifier) {
            this.titleIdentifier = titleIdentifier;
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

        public Builder feeAcknowledged(Boolean feeAcknowledged) {
            this.feeAcknowledged = feeAcknowledged;
            return this;
        }

        public Builder extensions(List<Sip2Field> extensions) {
            this.extensions = extensions;
            return this;
        }

        public RenewRequest build() {
            return new RenewRequest(thirdPartyAllowed, noBlock, transactionDate, nbDueDate, institutionId,
                    patronIdentifier, patronPassword, itemIdentifier, titleIdentifier, terminalPassword,
                    itemProperties, feeAcknowledged, extensions);
        }
    }
}
