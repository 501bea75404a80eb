package org.circgate.sip2.message;

import java.util.ArrayList;
import java.util.List;
import org.circgate.sip2.CirculationStatus;
import org.circgate.sip2.CurrencyType;
import org.circgate.sip2.FeeType;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.MediaType;
import org.circgate.sip2.SecurityMarker;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;

/**
 * 18 Item Information Response. Fixed: circulation status (2), security marker (2), fee type (2), transaction date
 * (18). Fields: CF hold queue length (O), AH due date (O), CJ recall date (O, 18), CM hold pickup date (O, 18), AB
 * (R), AJ (R), BG owner (O), BH (O), BV (O), CK (O), AQ permanent location (O), AP current location (O), CH (O),
 * AF (O*), AG (O*).
 */
public record ItemInformationResponse(CirculationStatus circulationStatus, SecurityMarker securityMarker,
        FeeType feeType, Sip2DateTime transactionDate, String holdQueueLength, String dueDate,
        Sip2DateTime recallDate, Sip2DateTime holdPickupDate, String itemIdentifier, String titleIdentifier,
        String owner, CurrencyType currencyType, String feeAmount, MediaType mediaType, String permanentLocation,
        String currentLocation, String itemProperties, List<String> screenMessages, List<String> printLines,
        List<Sip2Field> extensions)
        implements Sip2Response {

    public ItemInformationResponse {
        Messages.nonNull(circulationStatus, "circulationStatus");
        Messages.nonNull(securityMarker, "securityMarker");
        Messages.nonNull(feeType, "feeType");
        Messages.nonNull(transactionDate, "transactionDate");
        itemIdentifier = Messages.required(itemIdentifier);
        titleIdentifier = Messages.required(titleIdentifier);
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
        b.circulationStatus = circulationStatus;
        b.securityMarker = securityMarker;
        b.feeType = feeType;
        b.transactionDate = transactionDate;
        b.holdQueueLength = holdQueueLength;
        b.dueDate = dueDate;
        b.recallDate = recallDate;
        b.holdPickupDate = holdPickupDate;
        b.itemIdentifier = itemIdentifier;
        b.titleIdentifier = titleIdentifier;
        b.owner = owner;
        b.currencyType = currencyType;
        b.feeAmount = feeAmount;
        b.mediaType = mediaType;
        b.permanentLocation = permanentLocation;
        b.currentLocation = currentLocation;
        b.itemProperties = itemProperties;
        b.screenMessages = screenMessages;
        b.printLines = printLines;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.ITEM_INFORMATION_RESPONSE;
    }

    static ItemInformationResponse read(WireReader r) {
        CirculationStatus circulationStatus = CirculationStatus.of(r.digits(2, "circulation status"));
        SecurityMarker securityMarker = SecurityMarker.of(r.digits(2, "security marker"));
        FeeType feeType = FeeType.of(r.digits(2, "fee type"));
        Sip2DateTime transactionDate = r.date("transaction date");
        String holdQueueLength = null;
        String dueDate = null;
        Sip2DateTime recallDate = null;
        Sip2DateTime holdPickupDate = null;
        String itemIdentifier = null;
        String titleIdentifier = null;
        String owner = null;
        CurrencyType currencyType = null;
        String feeAmount = null;
        MediaType mediaType = null;
        String permanentLocation = null;
        String currentLocation = null;
        String itemProperties = null;
        ArrayList<String> screenMessages = null;
        ArrayList<String> printLines = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.CF: holdQueueLength = r.once(holdQueueLength, WireReader::text); break;
                case Keys.AH: dueDate = r.once(dueDate, WireReader::text); break;
                case Keys.CJ: recallDate = r.once(recallDate, WireReader::dateValue); break;
                case Keys.CM: holdPickupDate = r.once(holdPickupDate, WireReader::dateValue); break;
                case Keys.AB: itemIdentifier = r.once(itemIdentifier, WireReader::text); break;
                case Keys.AJ: titleIdentifier = r.once(titleIdentifier, WireReader::text); break;
                case Keys.BG: owner = r.once(owner, WireReader::text); break;
                case Keys.BH: currencyType = r.once(currencyType, WireReader::currency); break;
                case Keys.BV: feeAmount = r.once(feeAmount, WireReader::text); break;
                case Keys.CK: mediaType = r.once(mediaType, WireReader::mediaType); break;
                case Keys.AQ: permanentLocation = r.once(permanentLocation, WireReader::text); break;
                case Keys.AP: currentLocation = r.once(currentLocation, WireReader::text); break;
                case Keys.CH: itemProperties = r.once(itemProperties, WireReader::text); break;
                case Keys.AF: screenMessages = r.add(screenMessages); break;
                case Keys.AG: printLines = r.add(printLines); break;
                default: r.keep(); break;
            }
        }
        return new ItemInformationResponse(circulationStatus, securityMarker, feeType, transactionDate,
                holdQueueLength, dueDate, recallDate, holdPickupDate, itemIdentifier, titleIdentifier, owner,
                currencyType, feeAmount, mediaType, permanentLocation, currentLocation, itemProperties,
                WireReader.list(screenMessages), WireReader.list(printLines), r.extensions());
    }

    void write(WireWriter w) {
        w.fixedText(circulationStatus.code(), 2);
        w.fixedText(securityMarker.code(), 2);
        w.fixedText(feeType.code(), 2);
        w.date(transactionDate);
        w.optional(FieldId.HOLD_QUEUE_LENGTH, holdQueueLength);
        w.optional(FieldId.DUE_DATE, dueDate);
        w.optional(FieldId.RECALL_DATE, recallDate);
        w.optional(FieldId.HOLD_PICKUP_DATE, holdPickupDate);
        w.required(FieldId.ITEM_IDENTIFIER, itemIdentifier);
        w.required(FieldId.TITLE_IDENTIFIER, titleIdentifier);
        w.optional(FieldId.OWNER, owner);
        w.optional(FieldId.CURRENCY_TYPE, currencyType == null ? null : currencyType.code());
        w.optional(FieldId.FEE_AMOUNT, feeAmount);
        w.optional(FieldId.MEDIA_TYPE, mediaType == null ? null : mediaType.code());
        w.optional(FieldId.PERMANENT_LOCATION, permanentLocation);
        w.optional(FieldId.CURRENT_LOCATION, currentLocation);
        w.optional(FieldId.ITEM_PROPERTIES, itemProperties);
        w.repeated(FieldId.SCREEN_MESSAGE, screenMessages);
        w.repeated(FieldId.PRINT_LINE, printLines);
        w.extensions(extensions);
    }

    /** Builds a {@link ItemInformationResponse}. */
    public static final class Builder {
        private CirculationStatus circulationStatus = CirculationStatus.OTHER;
        private SecurityMarker securityMarker = SecurityMarker.OTHER;
        private FeeType feeType = FeeType.OTHER;
        private Sip2DateTime transactionDate;
        private String holdQueueLength;
        private String dueDate;
        private Sip2DateTime recallDate;
        private Sip2DateTime holdPickupDate;
        private String itemIdentifier;
        private String titleIdentifier;
        private String owner;
        private CurrencyType currencyType;
        private String feeAmount;
        private MediaType mediaType;
        private String permanentLocation;
        private String currentLocation;
        private String itemProperties;
        private List<String> screenMessages = List.of();
        private List<String> printLines = List.of();
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder circulationStatus(CirculationStatus circulationStatus) {
            this.circulationStatus = circulationStatus;
            return this;
        }

        public Builder securityMarker(SecurityMarker securityMarker) {
            this.securityMarker = securityMarker;
            return this;
        }

        public Builder feeType(FeeType feeType) {
            this.feeType = feeType;
            return this;
        }

        public Builder transactionDate(Sip2DateTime transactionDate) {
            this.transactionDate = transactionDate;
            return this;
        }

        public Builder holdQueueLength(String holdQueueLength) {
            this.holdQueueLength = holdQueueLength;
            return this;
        }

        public Builder dueDate(String dueDate) {
            this.dueDate = dueDate;
            return this;
        }

        public Builder recallDate(Sip2DateTime recallDate) {
            this.recallDate = recallDate;
            return this;
        }

        public Builder holdPickupDate(Sip2DateTime holdPickupDate) {
            this.holdPickupDate = holdPickupDate;
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

        public Builder owner(String owner) {
            this.owner = owner;
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

        public Builder mediaType(MediaType mediaType) {
            this.mediaType = mediaType;
            return this;
        }

        public Builder permanentLocation(String permanentLocation) {
            this.permanentLocation = permanentLocation;
            return this;
        }

        public Builder currentLocation(String currentLocation) {
            this.currentLocation = currentLocation;
            return this;
        }

        public Builder itemProperties(String itemProperties) {
            this.itemProperties = itemProperties;
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

        public ItemInformationResponse build() {
            return new ItemInformationResponse(circulationStatus, securityMarker, feeType, transactionDate,
                    holdQueueLength, dueDate, recallDate, holdPickupDate, itemIdentifier, titleIdentifier, owner,
                    currencyType, feeAmount, mediaType, permanentLocation, currentLocation, itemProperties,
                    screenMessages, printLines, extensions);
        }
    }
}
