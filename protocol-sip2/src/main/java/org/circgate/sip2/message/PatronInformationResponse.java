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
 * 64 Patron Information Response. Fixed: patron status (14), language (3), transaction date (18), hold items,
 * overdue items, charged items, fine items, recall items and unavailable holds counts (4 each; null = 4 spaces,
 * "not supported"; written clamped to 9999). Fields: AO (R), AA (R), AE personal name (R), BZ hold items limit
 * (O), CA overdue items limit (O), CB charged items limit (O), BL (O), CQ (O), BH (O), BV (O), CC fee limit (O),
 * AS hold items, AT overdue items, AU charged items, AV fine items, BU recall items, CD unavailable hold items
 * (O*, only the list the summary asked for), BD home address (O), BE e-mail (O), BF home phone (O), AF (O*), AG
 * (O*). "Hold items" are holds available for pickup; "unavailable holds" are not yet available.
 */
public record PatronInformationResponse(PatronStatus patronStatus, Language language, Sip2DateTime transactionDate,
        Integer holdItemsCount, Integer overdueItemsCount, Integer chargedItemsCount, Integer fineItemsCount,
        Integer recallItemsCount, Integer unavailableHoldsCount, String institutionId, String patronIdentifier,
        String personalName, Integer holdItemsLimit, Integer overdueItemsLimit, Integer chargedItemsLimit,
        Boolean validPatron, Boolean validPatronPassword, CurrencyType currencyType, String feeAmount,
        String feeLimit, List<String> holdItems, List<String> overdueItems, List<String> chargedItems,
        List<String> fineItems, List<String> recallItems, List<String> unavailableHoldItems, String homeAddress,
        String emailAddress, String homePhoneNumber, List<String> screenMessages, List<String> printLines,
        List<Sip2Field> extensions)
        implements Sip2Response {

    public PatronInformationResponse {
        Messages.nonNull(patronStatus, "patronStatus");
        Messages.nonNull(language, "language");
        Messages.nonNull(transactionDate, "transactionDate");
        institutionId = Messages.required(institutionId);
        patronIdentifier = Messages.required(patronIdentifier);
        personalName = Messages.required(personalName);
        holdItems = Messages.list(holdItems);
        overdueItems = Messages.list(overdueItems);
        chargedItems = Messages.list(chargedItems);
        fineItems = Messages.list(fineItems);
        recallItems = Messages.list(recallItems);
        unavailableHoldItems = Messages.list(unavailableHoldItems);
        screenMessages = Messages.list(screenMessages);
        printLines = Messages.list(printLines);
        if (holdItemsCount != null && holdItemsCount < 0) {
            throw new IllegalArgumentException("holdItemsCount is not negative: " + holdItemsCount);
        }
        if (overdueItemsCount != null && overdueItemsCount < 0) {
            throw new IllegalArgumentException("overdueItemsCount is not negative: " + overdueItemsCount);
        }
        if (chargedItemsCount != null && chargedItemsCount < 0) {
            throw new IllegalArgumentException("chargedItemsCount is not negative: " + chargedItemsCount);
        }
        if (fineItemsCount != null && fineItemsCount < 0) {
            throw new IllegalArgumentException("fineItemsCount is not negative: " + fineItemsCount);
        }
        if (recallItemsCount != null && recallItemsCount < 0) {
            throw new IllegalArgumentException("recallItemsCount is not negative: " + recallItemsCount);
        }
        if (unavailableHoldsCount != null && unavailableHoldsCount < 0) {
            throw new IllegalArgumentException("unavailableHoldsCount is not negative: " + unavailableHoldsCount);
        }
        if (holdItemsLimit != null && holdItemsLimit < 0) {
            throw new IllegalArgumentException("holdItemsLimit is not negative: " + holdItemsLimit);
        }
        if (overdueItemsLimit != null && overdueItemsLimit < 0) {
            throw new IllegalArgumentException("overdueItemsLimit is not negative: " + overdueItemsLimit);
        }
        if (chargedItemsLimit != null && chargedItemsLimit < 0) {
            throw new IllegalArgumentException("chargedItemsLimit is not negative: " + chargedItemsLimit);
        }
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
        b.holdItemsCount = holdItemsCount;
        b.overdueItemsCount = overdueItemsCount;
        b.chargedItemsCount = chargedItemsCount;
        b.fineItemsCount = fineItemsCount;
        b.recallItemsCount = recallItemsCount;
        b.unavailableHoldsCount = unavailableHoldsCount;
        b.institutionId = institutionId;
        b.patronIdentifier = patronIdentifier;
        b.personalName = personalName;
        b.holdItemsLimit = holdItemsLimit;
        b.overdueItemsLimit = overdueItemsLimit;
        b.chargedItemsLimit = chargedItemsLimit;
        b.validPatron = validPatron;
        b.validPatronPassword = validPatronPassword;
        b.currencyType = currencyType;
        b.feeAmount = feeAmount;
        b.feeLimit = feeLimit;
        b.holdItems = holdItems;
        b.overdueItems = overdueItems;
        b.chargedItems = chargedItems;
        b.fineItems = fineItems;
        b.recallItems = recallItems;
        b.unavailableHoldItems = unavailableHoldItems;
        b.homeAddress = homeAddress;
        b.emailAddress = emailAddress;
        b.homePhoneNumber = homePhoneNumber;
        b.screenMessages = screenMessages;
        b.printLines = printLines;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.PATRON_INFORMATION_RESPONSE;
    }

    static PatronInformationResponse read(WireReader r) {
        PatronStatus patronStatus = r.patronStatus();
        Language language = r.language();
        Sip2DateTime transactionDate = r.date("transaction date");
        Integer holdItemsCount = r.count("hold items count");
        Integer overdueItemsCount = r.count("overdue items count");
        Integer chargedItemsCount = r.count("charged items count");
        Integer fineItemsCount = r.count("fine items count");
        Integer recallItemsCount = r.count("recall items count");
        Integer unavailableHoldsCount = r.count("unavailable holds count");
        String institutionId = null;
        String patronIdentifier = null;
        String personalName = null;
        Integer holdItemsLimit = null;
        Integer overdueItemsLimit = null;
        Integer chargedItemsLimit = null;
        Boolean validPatron = null;
        Boolean validPatronPassword = null;
        CurrencyType currencyType = null;
        String feeAmount = null;
        String feeLimit = null;
        ArrayList<String> holdItems = null;
        ArrayList<String> overdueItems = null;
        ArrayList<String> chargedItems = null;
        ArrayList<String> fineItems = null;
        ArrayList<String> recallItems = null;
        ArrayList<String> unavailableHoldItems = null;
        String homeAddress = null;
        String emailAddress = null;
        String homePhoneNumber = null;
        ArrayList<String> screenMessages = null;
        ArrayList<String> printLines = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AA: patronIdentifier = r.once(patronIdentifier, WireReader::text); break;
                case Keys.AE: personalName = r.once(personalName, WireReader::text); break;
                case Keys.BZ: holdItemsLimit = r.once(holdItemsLimit, WireReader::number); break;
                case Keys.CA: overdueItemsLimit = r.once(overdueItemsLimit, WireReader::number); break;
                case Keys.CB: chargedItemsLimit = r.once(chargedItemsLimit, WireReader::number); break;
                case Keys.BL: validPatron = r.once(validPatron, WireReader::flag); break;
                case Keys.CQ: validPatronPassword = r.once(validPatronPassword, WireReader::flag); break;
                case Keys.BH: currencyType = r.once(currencyType, WireReader::currency); break;
                case Keys.BV: feeAmount = r.once(feeAmount, WireReader::text); break;
                case Keys.CC: feeLimit = r.once(feeLimit, WireReader::text); break;
                case Keys.AS: holdItems = r.add(holdItems); break;
                case Keys.AT: overdueItems = r.add(overdueItems); break;
                case Keys.AU: chargedItems = r.add(chargedItems); break;
                case Keys.AV: fineItems = r.add(fineItems); break;
                case Keys.BU: recallItems = r.add(recallItems); break;
                case Keys.CD: unavailableHoldItems = r.add(unavailableHoldItems); break;
                case Keys.BD: homeAddress = r.once(homeAddress, WireReader::text); break;
                case Keys.BE: emailAddress = r.once(emailAddress, WireReader::text); break;
                case Keys.BF: homePhoneNumber = r.once(homePhoneNumber, WireReader::text); break;
                case Keys.AF: screenMessages = r.add(screenMessages); break;
                case Keys.AG: printLines = r.add(printLines); break;
                default: r.keep(); break;
            }
        }
        return new PatronInformationResponse(patronStatus, language, transactionDate, holdItemsCount,
                overdueItemsCount, chargedItemsCount, fineItemsCount, recallItemsCount, unavailableHoldsCount,
                institutionId, patronIdentifier, personalName, holdItemsLimit, overdueItemsLimit, chargedItemsLimit,
                validPatron, validPatronPassword, currencyType, feeAmount, feeLimit, WireReader.list(holdItems),
                WireReader.list(overdueItems), WireReader.list(chargedItems), WireReader.list(fineItems),
                WireReader.list(recallItems), WireReader.list(unavailableHoldItems), homeAddress, emailAddress,
                homePhoneNumber, WireReader.list(screenMessages), WireReader.list(printLines), r.extensions());
    }

    void write(WireWriter w) {
        w.patronStatus(patronStatus);
        w.fixedText(language.code(), 3);
        w.date(transactionDate);
        w.count(holdItemsCount);
        w.count(overdueItemsCount);
        w.count(chargedItemsCount);
        w.count(fineItemsCount);
        w.count(recallItemsCount);
        w.count(unavailableHoldsCount);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.PATRON_IDENTIFIER, patronIdentifier);
        w.required(FieldId.PERSONAL_NAME, personalName);
        w.optional(FieldId.HOLD_ITEMS_LIMIT, holdItemsLimit, 4);
        w.optional(FieldId.OVERDUE_ITEMS_LIMIT, overdueItemsLimit, 4);
        w.optional(FieldId.CHARGED_ITEMS_LIMIT, chargedItemsLimit, 4);
        w.optional(FieldId.VALID_PATRON, validPatron);
        w.optional(FieldId.VALID_PATRON_PASSWORD, validPatronPassword);
        w.optional(FieldId.CURRENCY_TYPE, currencyType == null ? null : currencyType.code());
        w.optional(FieldId.FEE_AMOUNT, feeAmount);
        w.optional(FieldId.FEE_LIMIT, feeLimit);
        w.repeated(FieldId.HOLD_ITEMS, holdItems);
        w.repeated(FieldId.OVERDUE_ITEMS, overdueItems);
        w.repeated(FieldId.CHARGED_ITEMS, chargedItems);
        w.repeated(FieldId.FINE_ITEMS, fineItems);
        w.repeated(FieldId.RECALL_ITEMS, recallItems);
        w.repeated(FieldId.UNAVAILABLE_HOLD_ITEMS, unavailableHoldItems);
        w.optional(FieldId.HOME_ADDRESS, homeAddress);
        w.optional(FieldId.EMAIL_ADDRESS, emailAddress);
        w.optional(FieldId.HOME_PHONE_NUMBER, homePhoneNumber);
        w.repeated(FieldId.SCREEN_MESSAGE, screenMessages);
        w.repeated(FieldId.PRINT_LINE, printLines);
        w.extensions(extensions);
    }

    /** Builds a {@link PatronInformationResponse}. */
    public static final class Builder {
        private PatronStatus patronStatus = PatronStatus.NONE;
        private Language language = Language.UNKNOWN;
        private Sip2DateTime transactionDate;
        private Integer holdItemsCount;
        private Integer overdueItemsCount;
        private Integer chargedItemsCount;
        private Integer fineItemsCount;
        private Integer recallItemsCount;
        private Integer unavailableHoldsCount;
        private String institutionId;
        private String patronIdentifier;
        private String personalName;
        private Integer holdItemsLimit;
        private Integer overdueItemsLimit;
        private Integer chargedItemsLimit;
        private Boolean validPatron;
        private Boolean validPatronPassword;
        private CurrencyType currencyType;
        private String feeAmount;
        private String feeLimit;
        private List<String> holdItems = List.of();
        private List<String> overdueItems = List.of();
        private List<String> chargedItems = List.of();
        private List<String> fineItems = List.of();
        private List<String> recallItems = List.of();
        private List<String> unavailableHoldItems = List.of();
        private String homeAddress;
        private String emailAddress;
        private String homePhoneNumber;
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

        public Builder holdItemsCount(Integer holdItemsCount) {
            this.holdItemsCount = holdItemsCount;
            return this;
        }

        public Builder overdueItemsCount(Integer overdueItemsCount) {
            this.overdueItemsCount = overdueItemsCount;
            return this;
        }

        public Builder chargedItemsCount(Integer chargedItemsCount) {
            this.chargedItemsCount = chargedItemsCount;
            return this;
        }

        public Builder fineItemsCount(Integer fineItemsCount) {
            this.fineItemsCount = fineItemsCount;
            return this;
        }

        public Builder recallItemsCount(Integer recallItemsCount) {
            this.recallItemsCount = recallItemsCount;
            return this;
        }

        public Builder unavailableHoldsCount(Integer unavailableHoldsCount) {
            this.unavailableHoldsCount = unavailableHoldsCount;
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

        public Builder holdItemsLimit(Integer holdItemsLimit) {
            this.holdItemsLimit = holdItemsLimit;
            return this;
        }

        public Builder overdueItemsLimit(Integer overdueItemsLimit) {
            this.overdueItemsLimit = overdueItemsLimit;
            return this;
        }

        public Builder chargedItemsLimit(Integer chargedItemsLimit) {
            this.chargedItemsLimit = chargedItemsLimit;
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

        public Builder feeLimit(String feeLimit) {
            this.feeLimit = feeLimit;
            return this;
        }

        public Builder holdItems(List<String> holdItems) {
            this.holdItems = holdItems;
            return this;
        }

        public Builder holdItems(String... holdItems) {
            this.holdItems = List.of(holdItems);
            return this;
        }

        public Builder overdueItems(List<String> overdueItems) {
            this.overdueItems = overdueItems;
            return this;
        }

        public Builder overdueItems(String... overdueItems) {
            this.overdueItems = List.of(overdueItems);
            return this;
        }

        public Builder chargedItems(List<String> chargedItems) {
            this.chargedItems = chargedItems;
            return this;
        }

        public Builder chargedItems(String... chargedItems) {
            this.chargedItems = List.of(chargedItems);
            return this;
        }

        public Builder fineItems(List<String> fineItems) {
            this.fineItems = fineItems;
            return this;
        }

        public Builder fineItems(String... fineItems) {
            this.fineItems = List.of(fineItems);
            return this;
        }

        public Builder recallItems(List<String> recallItems) {
            this.recallItems = recallItems;
            return this;
        }

        public Builder recallItems(String... recallItems) {
            this.recallItems = List.of(recallItems);
            return this;
        }

        public Builder unavailableHoldItems(List<String> unavailableHoldItems) {
            this.unavailableHoldItems = unavailableHoldItems;
            return this;
        }

        public Builder unavailableHoldItems(String... unavailableHoldItems) {
            this.unavailableHoldItems = List.of(unavailableHoldItems);
            return this;
        }

        public Builder homeAddress(String homeAddress) {
            this.homeAddress = homeAddress;
            return this;
        }

        public Builder emailAddress(String emailAddress) {
            this.emailAddress = emailAddress;
            return this;
        }

        public Builder homePhoneNumber(String homePhoneNumber) {
            this.homePhoneNumber = homePhoneNumber;
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

        public PatronInformationResponse build() {
            return new PatronInformationResponse(patronStatus, language, transactionDate, holdItemsCount,
                    overdueItemsCount, chargedItemsCount, fineItemsCount, recallItemsCount, unavailableHoldsCount,
                    institutionId, patronIdentifier, personalName, holdItemsLimit, overdueItemsLimit,
                    chargedItemsLimit, validPatron, validPatronPassword, currencyType, feeAmount, feeLimit, holdItems,
                    overdueItems, chargedItems, fineItems, recallItems, unavailableHoldItems, homeAddress,
                    emailAddress, homePhoneNumber, screenMessages, printLines, extensions);
        }
    }
}
