package org.circgate.sip2.message;

import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;

/**
 * 11 Checkout. Fixed: SC renewal policy (Y/N), no block (Y/N; Y = an off-line transaction the SC already did),
 * transaction date (18), nb due date (18, null = blank). Fields: AO (R), AA (R), AB item identifier (R), AC
 * terminal password (R), CH item properties (O), AD patron password (O), BO fee acknowledged (O), BI cancel (O; Y
 * = undo the previous checkout of this item).
 */
public record CheckoutRequest(boolean scRenewalPolicy, boolean noBlock, Sip2DateTime transactionDate,
        Sip2DateTime nbDueDate, String institutionId, String patronIdentifier, String itemIdentifier,
        String terminalPassword, String itemProperties, String patronPassword, Boolean feeAcknowledged,
        Boolean cancel, List<Sip2Field> extensions)
        implements Sip2Request {

    public CheckoutRequest {
        Messages.nonNull(transactionDate, "transactionDate");
        institutionId = Messages.required(institutionId);
        patronIdentifier = Messages.required(patronIdentifier);
        itemIdentifier = Messages.required(itemIdentifier);
        terminalPassword = Messages.required(terminalPassword);
        extensions = Messages.extensions(extensions);
    }

    /** A builder; unset fields are absent (optional), empty (required text) or the spec's default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this message's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.scRenewalPolicy = scRenewalPolicy;
        b.noBlock = noBlock;
        b.transactionDate = transactionDate;
        b.nbDueDate = nbDueDate;
        b.institutionId = institutionId;
        b.patronIdentifier = patronIdentifier;
        b.itemIdentifier = itemIdentifier;
        b.terminalPassword = terminalPassword;
        b.itemProperties = itemProperties;
        b.patronPassword = patronPassword;
        b.feeAcknowledged = feeAcknowledged;
        b.cancel = cancel;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.CHECKOUT;
    }

    static CheckoutRequest read(WireReader r) {
        boolean scRenewalPolicy = r.yesNo("SC renewal policy");
        boolean noBlock = r.yesNo("no block");
        Sip2DateTime transactionDate = r.date("transaction date");
        Sip2DateTime nbDueDate = r.dateOrBlank("nb due date");
        String institutionId = null;
        String patronIdentifier = null;
        String itemIdentifier = null;
        String terminalPassword = null;
        String itemProperties = null;
        String patronPassword = null;
        Boolean feeAcknowledged = null;
        Boolean cancel = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AA: patronIdentifier = r.once(patronIdentifier, WireReader::text); break;
                case Keys.AB: itemIdentifier = r.once(itemIdentifier, WireReader::text); break;
                case Keys.AC: terminalPassword = r.once(terminalPassword, WireReader::text); break;
                case Keys.CH: itemProperties = r.once(itemProperties, WireReader::text); break;
                case Keys.AD: patronPassword = r.once(patronPassword, WireReader::text); break;
                case Keys.BO: feeAcknowledged = r.once(feeAcknowledged, WireReader::flag); break;
                case Keys.BI: cancel = r.once(cancel, WireReader::flag); break;
                default: r.keep(); break;
            }
        }
        return new CheckoutRequest(scRenewalPolicy, noBlock, transactionDate, nbDueDate, institutionId,
                patronIdentifier, itemIdentifier, terminalPassword, itemProperties, patronPassword, feeAcknowledged,
                cancel, r.extensions());
    }

    void write(WireWriter w) {
        w.yesNo(scRenewalPolicy);
        w.yesNo(noBlock);
        w.date(transactionDate);
        w.dateOrBlank(nbDueDate);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.PATRON_IDENTIFIER, patronIdentifier);
        w.required(FieldId.ITEM_IDENTIFIER, itemIdentifier);
        w.required(FieldId.TERMINAL_PASSWORD, terminalPassword);
        w.optional(FieldId.ITEM_PROPERTIES, itemProperties);
        w.optional(FieldId.PATRON_PASSWORD, patronPassword);
        w.optional(FieldId.FEE_ACKNOWLEDGED, feeAcknowledged);
        w.optional(FieldId.CANCEL, cancel);
        w.extensions(extensions);
    }

    /** Shows every component except the secrets (AC, AD, CO), which print as {@code ***}. */
    @Override
    public String toString() {
        return Messages.toString(this);
    }

    /** Builds a {@link CheckoutRequest}. */
    public static final class Builder {
        private boolean scRenewalPolicy;
        private boolean noBlock;
        private Sip2DateTime transactionDate;
        private Sip2DateTime nbDueDate;
        private String institutionId;
        private String patronIdentifier;
        private String itemIdentifier;
        private String terminalPassword;
        private String itemProperties;
        private String patronPassword;
        private Boolean feeAcknowledged;
        private Boolean cancel;
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder scRenewalPolicy(boolean scRenewalPolicy) {
            this.scRenewalPolicy = scRenewalPolicy;
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

        public Builder patronPassword(String patronPassword) {
            this.patronPassword = patronPassword;
            return this;
        }

        public Builder feeAcknowledged(Boolean feeAcknowledged) {
            this.feeAcknowledged = feeAcknowledged;
            return this;
        }

        public Builder cancel(Boolean cancel) {
            this.cancel = cancel;
            return this;
        }

        public Builder extensions(List<Sip2Field> extensions) {
            this.extensions = extensions;
            return this;
        }

        public CheckoutRequest build() {
            return new CheckoutRequest(scRenewalPolicy, noBlock, transactionDate, nbDueDate, institutionId,
                    patronIdentifier, itemIdentifier, terminalPassword, itemProperties, patronPassword,
                    feeAcknowledged, cancel, extensions);
        }
    }
}
