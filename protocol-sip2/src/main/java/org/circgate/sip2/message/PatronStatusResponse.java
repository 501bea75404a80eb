package org.circgate.sip2.message;

import java.util.ArrayList;
import java.util.List;
import org.circgate.sip2.CurrencyType;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Language;
import org.circgate.sip2.PatronStatus;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;

/**
 * 24 Patron Status Response (also the answer to 01 Block Patron). Fixed: patron status (14), language (3),
 * transaction date (18). Fields: AO (R), AA (R), AE personal name (R), BL valid patron (O), CQ valid patron
 * password (O), BH currency type (O), BV fee amount (O), AF (O*), AG (O*).
 */
public record PatronStatusResponse(PatronStatus patronStatus, Language language, Sip2DateTime transactionDate,
        String institutionId, String patronIdentifier, String personalName, Boolean validPatron,
        Boolean validPatronPassword, CurrencyType currencyType, String feeAmount, List<String> screenMessages,
        List<String> printLines, List<Sip2Field> extensions)
        implements Sip2Response {

    public PatronStatusResponse {
        Messages.nonNull(patronStatus, "patronStatus");
        Messages.nonNull(language, "language");
        Messages.nonNull(transactionDate, "transactionDate");
        institutionId = Messages.required(institutionId);
        patronIdentifier = Messages.required(patronIdentifier);
        personalName = Messages.required(personalName);
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
        b.patronStatus = patronStatus;
        b.language = language;
        b.transactionDate = transactionDate;
        b.institutionId = institutionId;
        b.patronIdentifier = patronIdentifier;
        b.personalName = personalName;
        b.validPatron = validPatron;
        b.validPatronPassword = validPatronPassword;
        b.currencyType = currencyType;
        b.feeAmount = feeAmount;
        b.screenMessages = screenMessages;
        b.printLines = printLines;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.PATRON_STATUS_RESPONSE;
    }

    static PatronStatusResponse read(WireReader r) {
        PatronStatus patronStatus = r.patronStatus();
        Language language = r.language();
        Sip2DateTime transactionDate = r.date("transaction date");
        String institutionId = null;
        String patronIdentifier = null;
        String personalName = null;
        Boolean validPatron = null;
        Boolean validPatronPassword = null;
        CurrencyType currencyType = null;
        String feeAmount = null;
        ArrayList<String> screenMessages = null;
        ArrayList<String> printLines = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AA: patronIdentifier = r.once(patronIdentifier, WireReader::text); break;
                case Keys.AE: personalName = r.once(personalName, WireReader::text); break;
                case Keys.BL: validPatron = r.once(validPatron, WireReader::flag); break;
                case Keys.CQ: validPatronPassword = r.once(validPatronPassword, WireReader::flag); break;
                case Keys.BH: currencyType = r.once(currencyType, WireReader::currency); break;
                case Keys.BV: feeAmount = r.once(feeAmount, WireReader::text); break;
                case Keys.AF: screenMessages = r.add(screenMessages); break;
                case Keys.AG: printLines = r.add(printLines); break;
                default: r.keep(); break;
            }
        }
        return new PatronStatusResponse(patronStatus, language, transactionDate, institutionId, patronIdentifier,
                personalName, validPatron, validPatronPassword, currencyType, feeAmount,
                WireReader.list(screenMessages), WireReader.list(printLines), r.extensions());
    }

    void write(WireWriter w) {
        w.patronStatus(patronStatus);
        w.fixedText(language.code(), 3);
        w.date(transactionDate);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.PATRON_IDENTIFIER, patronIdentifier);
        w.required(FieldId.PERSONAL_NAME, personalName);
        w.optional(FieldId.VALID_PATRON, validPatron);
        w.optional(FieldId.VALID_PATRON_PASSWORD, validPatronPassword);
        w.optional(FieldId.CURRENCY_TYPE, currencyType == null ? null : currencyType.code());
        w.optional(FieldId.FEE_AMOUNT, feeAmount);
        w.repeated(FieldId.SCREEN_MESSAGE, screenMessages);
        w.repeated(FieldId.PRINT_LINE, printLines);
        w.extensions(extensions);
    }

    /** Builds a {@link PatronStatusResponse}. */
    public static final class Builder {
        private PatronStatus patronStatus = PatronStatus.NONE;
        private Language language = Language.UNKNOWN;
        private Sip2DateTime transactionDate;
        private String institutionId;
        private String patronIdentifier;
        private String personalName;
        private Boolean validPatron;
        private Boolean validPatronPassword;
        private CurrencyType currencyType;
        private String feeAmount;
        private List<String> screenMessages = List.of();
        private List<String> printLines = List.of();
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder patronStatus(PatronStatus patronStatus) {
            this.patronStatus = patronStatus;
            return this;
        }

        public Builder language(Language language) {
            this.language = language;
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

        public Builder personalName(String personalName) {
            this.personalName = personalName;
            return this;
        }

        public Builder validPatron(Boolean validPatron) {
            this.validPatron = validPatron;
            return this;
        }

        public Builder validPatronPassword(Boolean validPatronPassword) {
            this.validPatronPassword = validPatronPassword;
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

        public PatronStatusResponse build() {
            return new PatronStatusResponse(patronStatus, language, transactionDate, institutionId, patronIdentifier,
                    personalName, validPatron, validPatronPassword, currencyType, feeAmount, screenMessages,
                    printLines, extensions);
        }
    }
}
