package org.circgate.sip2.message;

import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.HoldMode;
import org.circgate.sip2.HoldType;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;

/**
 * 15 Hold. Fixed: hold mode (+ add, - delete, * change), transaction date (18). Fields: BW expiration date (O,
 * 18), BS pickup location (O), BY hold type (O), AO (R), AA (R), AD patron password (O), AB (O), AJ (O), AC
 * terminal password (O), BO fee acknowledged (O).
 */
public record HoldRequest(HoldMode holdMode, Sip2DateTime transactionDate, Sip2DateTime expirationDate,
        String pickupLocation, HoldType holdType, String institutionId, String patronIdentifier,
        String patronPassword, String itemIdentifier, String titleIdentifier, String terminalPassword,
        Boolean feeAcknowledged, List<Sip2Field> extensions)
        implements Sip2Request {

    public HoldRequest {
        Messages.nonNull(holdMode, "holdMode");
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
        b.holdMode = holdMode;
        b.transactionDate = transactionDate;
        b.expirationDate = expirationDate;
        b.pickupLocation = pickupLocation;
        b.holdType = holdType;
        b.institutionId = institutionId;
        b.patronIdentifier = patronIdentifier;
        b.patronPassword = patronPassword;
        b.itemIdentifier = itemIdentifier;
        b.titleIdentifier = titleIdentifier;
        b.terminalPassword = terminalPassword;
        b.feeAcknowledged = feeAcknowledged;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.HOLD;
    }

    static HoldRequest read(WireReader r) {
        HoldMode holdMode = r.holdMode();
        Sip2DateTime transactionDate = r.date("transaction date");
        Sip2DateTime expirationDate = null;
        String pickupLocation = null;
        HoldType holdType = null;
        String institutionId = null;
        String patronIdentifier = null;
        String patronPassword = null;
        String itemIdentifier = null;
        String titleIdentifier = null;
        String terminalPassword = null;
        Boolean feeAcknowledged = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.BW: expirationDate = r.once(expirationDate, WireReader::dateValue); break;
                case Keys.BS: pickupLocation = r.once(pickupLocation, WireReader::text); break;
                case Keys.BY: holdType = r.once(holdType, WireReader::holdType); break;
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AA: patronIdentifier = r.once(patronIdentifier, WireReader::text); break;
                case Keys.AD: patronPassword = r.once(patronPassword, WireReader::text); break;
                case Keys.AB: itemIdentifier = r.once(itemIdentifier, WireReader::text); break;
                case Keys.AJ: titleIdentifier = r.once(titleIdentifier, WireReader::text); break;
                case Keys.AC: terminalPassword = r.once(terminalPassword, WireReader::text); break;
                case Keys.BO: feeAcknowledged = r.once(feeAcknowledged, WireReader::flag); break;
                default: r.keep(); break;
            }
        }
        return new HoldRequest(holdMode, transactionDate, expirationDate, pickupLocation, holdType, institutionId,
                patronIdentifier, patronPassword, itemIdentifier, titleIdentifier, terminalPassword, feeAcknowledged,
                r.extensions());
    }

    void write(WireWriter w) {
        w.fixedChar(holdMode.code());
        w.date(transactionDate);
        w.optional(FieldId.EXPIRATION_DATE, expirationDate);
        w.optional(FieldId.PICKUP_LOCATION, pickupLocation);
        w.optional(FieldId.HOLD_TYPE, holdType == null ? null : holdType.code());
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.PATRON_IDENTIFIER, patronIdentifier);
        w.optional(FieldId.PATRON_PASSWORD, patronPassword);
        w.optional(FieldId.ITEM_IDENTIFIER, itemIdentifier);
        w.optional(FieldId.TITLE_IDENTIFIER, titleIdentifier);
        w.optional(FieldId.TERMINAL_PASSWORD, terminalPassword);
        w.optional(FieldId.FEE_ACKNOWLEDGED, feeAcknowledged);
        w.extensions(extensions);
    }

    /** Shows every component except the secrets (AC, AD, CO), which print as {@code ***}. */
    @Override
    public String toString() {
        return Messages.toString(this);
    }

    /** Builds a {@link HoldRequest}. */
    public static final class Builder {
        private HoldMode holdMode = HoldMode.ADD;
        private Sip2DateTime transactionDate;
        private Sip2DateTime expirationDate;
        private String pickupLocation;
        private HoldType holdType;
        private String institutionId;
        private String patronIdentifier;
        private String patronPassword;
        private String itemIdentifier;
        private String titleIdentifier;
        private String terminalPassword;
        private Boolean feeAcknowledged;
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder holdMode(HoldMode holdMode) {
            this.holdMode = holdMode;
            return this;
        }

        public Builder transactionDate(Sip2DateTime transactionDate) {
            this.transactionDate = transactionDate;
            return this;
        }

        public Builder expirationDate(Sip2DateTime expirationDate) {
            this.expirationDate = expirationDate;
            return this;
        }

        public Builder pickupLocation(String pickupLocation) {
            this.pickupLocation = pickupLocation;
            return this;
        }

        public Builder holdType(HoldType holdType) {
            this.holdType = holdType;
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

        public Builder feeAcknowledged(Boolean feeAcknowledged) {
            this.feeAcknowledged = feeAcknowledged;
            return this;
        }

        public Builder extensions(List<Sip2Field> extensions) {
            this.extensions = extensions;
            return this;
        }

        public HoldRequest build() {
            return new HoldRequest(holdMode, transactionDate, expirationDate, pickupLocation, holdType, institutionId,
                    patronIdentifier, patronPassword, itemIdentifier, titleIdentifier, terminalPassword,
                    feeAcknowledged, extensions);
        }
    }
}
