package org.circgate.sip2.message;

import java.util.List;
import org.circgate.sip2.CurrencyType;
import org.circgate.sip2.FeeType;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.PaymentType;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;

/**
 * 37 Fee Paid. Fixed: transaction date (18), fee type (2), payment type (2, open set), currency type (3). Fields:
 * BV fee amount (R), AO (R), AA (R), AC terminal password (O), AD patron password (O), CG fee identifier (O), BK
 * transaction id (O).
 */
public record FeePaidRequest(Sip2DateTime transactionDate, FeeType feeType, PaymentType paymentType,
        CurrencyType currencyType, String feeAmount, String institutionId, String patronIdentifier,
        String terminalPassword, String patronPassword, String feeIdentifier, String transactionId,
        List<Sip2Field> extensions)
        implements Sip2Request {

    public FeePaidRequest {
        Messages.nonNull(transactionDate, "transactionDate");
        Messages.nonNull(feeType, "feeType");
        Messages.nonNull(paymentType, "paymentType");
        Messages.nonNull(currencyType, "currencyType");
        feeAmount = Messages.required(feeAmount);
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
        b.feeType = feeType;
        b.paymentType = paymentType;
        b.currencyType = currencyType;
        b.feeAmount = feeAmount;
        b.institutionId = institutionId;
        b.patronIdentifier = patronIdentifier;
        b.terminalPassword = terminalPassword;
        b.patronPassword = patronPassword;
        b.feeIdentifier = feeIdentifier;
        b.transactionId = transactionId;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.FEE_PAID;
    }

    static FeePaidRequest read(WireReader r) {
        Sip2DateTime transactionDate = r.date("transaction date");
        FeeType feeType = FeeType.of(r.digits(2, "fee type"));
        PaymentType paymentType = PaymentType.of(r.fixedText(2, "payment type"));
        CurrencyType currencyType = CurrencyType.of(r.fixedText(3, "currency type"));
        String feeAmount = null;
        String institutionId = null;
        String patronIdentifier = null;
        String terminalPassword = null;
        String patronPassword = null;
        String feeIdentifier = null;
        String transactionId = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.BV: feeAmount = r.once(feeAmount, WireReader::text); break;
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AA: patronIdentifier = r.once(patronIdentifier, WireReader::text); break;
                case Keys.AC: terminalPassword = r.once(terminalPassword, WireReader::text); break;
                case Keys.AD: patronPassword = r.once(patronPassword, WireReader::text); break;
                case Keys.CG: feeIdentifier = r.once(feeIdentifier, WireReader::text); break;
                case Keys.BK: transactionId = r.once(transactionId, WireReader::text); break;
                default: r.keep(); break;
            }
        }
        return new FeePaidRequest(transactionDate, feeType, paymentType, currencyType, feeAmount, institutionId,
                patronIdentifier, terminalPassword, patronPassword, feeIdentifier, transactionId, r.extensions());
    }

    void write(WireWriter w) {
        w.date(transactionDate);
        w.fixedText(feeType.code(), 2);
        w.fixedText(paymentType.code(), 2);
        w.fixedText(currencyType.code(), 3);
        w.required(FieldId.FEE_AMOUNT, feeAmount);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.PATRON_IDENTIFIER, patronIdentifier);
        w.optional(FieldId.TERMINAL_PASSWORD, terminalPassword);
        w.optional(FieldId.PATRON_PASSWORD, patronPassword);
        w.optional(FieldId.FEE_IDENTIFIER, feeIdentifier);
        w.optional(FieldId.TRANSACTION_ID, transactionId);
        w.extensions(extensions);
    }

    /** Shows every component except the secrets (AC, AD, CO), which print as {@code ***}. */
    @Override
    public String toString() {
        return Messages.toString(this);
    }

    /** Builds a {@link FeePaidRequest}. */
    public static final class Builder {
        private Sip2DateTime transactionDate;
        private FeeType feeType = FeeType.OTHER;
        private PaymentType paymentType = PaymentType.CASH;
        private CurrencyType currencyType;
        private String feeAmount;
        private String institutionId;
        private String patronIdentifier;
        private String terminalPassword;
        private String patronPassword;
        private String feeIdentifier;
        private String transactionId;
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder transactionDate(Sip2DateTime transactionDate) {
            this.transactionDate = transactionDate;
            return this;
        }

        public Builder feeType(FeeType feeType) {
            this.feeType = feeType;
            return this;
        }

        public Builder paymentType(PaymentType paymentType) {
            this.paymentType = paymentType;
            return this;
        }

        public Builder currencyType(CurrencyType currencyType) {
            this.currencyType = currencyType;
            return this;
        }

        public Builder feeAmount(String feeAmount) {
            this.feeAmount = feeAmount;
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

        public Builder feeIdentifier(String feeIdentifier) {
            this.feeIdentifier = feeIdentifier;
            return this;
        }

        public Builder transactionId(String transactionId) {
            this.transactionId = transactionId;
            return this;
        }

        public Builder extensions(List<Sip2Field> extensions) {
            this.extensions = extensions;
            return this;
        }

        public FeePaidRequest build() {
            return new FeePaidRequest(transactionDate, feeType, paymentType, currencyType, feeAmount, institutionId,
                    patronIdentifier, terminalPassword, patronPassword, feeIdentifier, transactionId, extensions);
        }
    }
}
