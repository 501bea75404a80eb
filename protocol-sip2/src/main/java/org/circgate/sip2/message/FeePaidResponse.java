package org.circgate.sip2.message;

import java.util.ArrayList;
import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;

/**
 * 38 Fee Paid Response. Fixed: payment accepted (Y/N), transaction date (18). Fields: AO (R), AA (R), BK
 * transaction id (O), AF (O*), AG (O*).
 */
public record FeePaidResponse(boolean paymentAccepted, Sip2DateTime transactionDate, String institutionId,
        String patronIdentifier, String transactionId, List<String> screenMessages, List<String> printLines,
        List<Sip2Field> extensions)
        implements Sip2Response {

    public FeePaidResponse {
        Messages.nonNull(transactionDate, "transactionDate");
        institutionId = Messages.required(institutionId);
        patronIdentifier = Messages.required(patronIdentifier);
        screenMessages = Messages.list(screenMessages);
        printLines = Messages.list(printLines);
        extensions = Messages.extensions(extensions);
    }

    /** A builder; unset fields are absent (optional), empty (required text) or the spec's default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this message's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.paymentAccepted = paymentAccepted;
        b.transactionDate = transactionDate;
        b.institutionId = institutionId;
        b.patronIdentifier = patronIdentifier;
        b.transactionId = transactionId;
        b.screenMessages = screenMessages;
        b.printLines = printLines;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.FEE_PAID_RESPONSE;
    }

    static FeePaidResponse read(WireReader r) {
        boolean paymentAccepted = r.yesNo("payment accepted");
        Sip2DateTime transactionDate = r.date("transaction date");
        String institutionId = null;
        String patronIdentifier = null;
        String transactionId = null;
        ArrayList<String> screenMessages = null;
        ArrayList<String> printLines = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AA: patronIdentifier = r.once(patronIdentifier, WireReader::text); break;
                case Keys.BK: transactionId = r.once(transactionId, WireReader::text); break;
                case Keys.AF: screenMessages = r.add(screenMessages); break;
                case Keys.AG: printLines = r.add(printLines); break;
                default: r.keep(); break;
            }
        }
        return new FeePaidResponse(paymentAccepted, transactionDate, institutionId, patronIdentifier, transactionId,
                WireReader.list(screenMessages), WireReader.list(printLines), r.extensions());
    }

    void write(WireWriter w) {
        w.yesNo(paymentAccepted);
        w.date(transactionDate);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.PATRON_IDENTIFIER, patronIdentifier);
        w.optional(FieldId.TRANSACTION_ID, transactionId);
        w.repeated(FieldId.SCREEN_MESSAGE, screenMessages);
        w.repeated(FieldId.PRINT_LINE, printLines);
        w.extensions(extensions);
    }

    /** Builds a {@link FeePaidResponse}. */
    public static final class Builder {
        private boolean paymentAccepted;
        private Sip2DateTime transactionDate;
        private String institutionId;
        private String patronIdentifier;
        private String transactionId;
        private List<String> screenMessages = List.of();
        private List<String> printLines = List.of();
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder paymentAccepted(boolean paymentAccepted) {
            this.paymentAccepted = paymentAccepted;
            return this;
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

        public Builder transactionId(String transactionId) {
            this.transactionId = transactionId;
            return this;
        }

        public Builder screenMessages(List<String> screenMessages) {
            this.screenMessages = screenMessages;
            return this;
        }

        public Builder screenMessages(String... screenMessages) {
            this.screenMessages = List.of(screenMessages);
            return this;
        }

        public Builder printLines(List<String> printLines) {
            this.printLines = printLines;
            return this;
        }

        public Builder printLines(String... printLines) {
            this.printLines = List.of(printLines);
            return this;
        }

        public Builder extensions(List<Sip2Field> extensions) {
            this.extensions = extensions;
            return this;
        }

        public FeePaidResponse build() {
            return new FeePaidResponse(paymentAccepted, transactionDate, institutionId, patronIdentifier,
                    transactionId, screenMessages, printLines, extensions);
        }
    }
}
