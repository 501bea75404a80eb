package org.circgate.sip2.message;

import java.util.ArrayList;
import java.util.List;
import org.circgate.sip2.AlertType;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.MediaType;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;
import org.circgate.sip2.Tristate;

/**
 * 10 Checkin Response. Fixed: ok (1/0), resensitize (Y/N), magnetic media (Y/N/U), alert (Y/N; Y tells the
 * SC/sorter to divert the item), transaction date (18). Fields: AO (R), AB (R), AQ permanent location (R), AJ (O),
 * CL sort bin (O), AA patron who had the item (O), CK (O), CH (O), and the 3M extensions CR collection code, CS
 * call number, CT destination location, CV alert type, CY hold patron id, DA hold patron name (O each), AF (O*),
 * AG (O*).
 */
public record CheckinResponse(boolean ok, boolean resensitize, Tristate magneticMedia, boolean alert,
        Sip2DateTime transactionDate, String institutionId, String itemIdentifier, String permanentLocation,
        String titleIdentifier, String sortBin, String patronIdentifier, MediaType mediaType, String itemProperties,
        String collectionCode, String callNumber, String destinationLocation, AlertType alertType,
        String holdPatronId, String holdPatronName, List<String> screenMessages, List<String> printLines,
        List<Sip2Field> extensions)
        implements Sip2Response {

    public CheckinResponse {
        Messages.nonNull(magneticMedia, "magneticMedia");
        Messages.nonNull(transactionDate, "transactionDate");
        institutionId = Messages.required(institutionId);
        itemIdentifier = Messages.required(itemIdentifier);
        permanentLocation = Messages.required(permanentLocation);
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
        b.ok = ok;
        b.resensitize = resensitize;
        b.magneticMedia = magneticMedia;
        b.alert = alert;
        b.transactionDate = transactionDate;
        b.institutionId = institutionId;
        b.itemIdentifier = itemIdentifier;
        b.permanentLocation = permanentLocation;
        b.titleIdentifier = titleIdentifier;
        b.sortBin = sortBin;
        b.patronIdentifier = patronIdentifier;
        b.mediaType = mediaType;
        b.itemProperties = itemProperties;
        b.collectionCode = collectionCode;
        b.callNumber = callNumber;
        b.destinationLocation = destinationLocation;
        b.alertType = alertType;
        b.holdPatronId = holdPatronId;
        b.holdPatronName = holdPatronName;
        b.screenMessages = screenMessages;
        b.printLines = printLines;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.CHECKIN_RESPONSE;
    }

    static CheckinResponse read(WireReader r) {
        boolean ok = r.okFlag("ok");
        boolean resensitize = r.yesNo("resensitize");
        Tristate magneticMedia = r.tristate("magnetic media");
        boolean alert = r.yesNo("alert");
        Sip2DateTime transactionDate = r.date("transaction date");
        String institutionId = null;
        String itemIdentifier = null;
        String permanentLocation = null;
        String titleIdentifier = null;
        String sortBin = null;
        String patronIdentifier = null;
        MediaType mediaType = null;
        String itemProperties = null;
        String collectionCode = null;
        String callNumber = null;
        String destinationLocation = null;
        AlertType alertType = null;
        String holdPatronId = null;
        String holdPatronName = null;
        ArrayList<String> screenMessages = null;
        ArrayList<String> printLines = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AB: itemIdentifier = r.once(itemIdentifier, WireReader::text); break;
                case Keys.AQ: permanentLocation = r.once(permanentLocation, WireReader::text); break;
                case Keys.AJ: titleIdentifier = r.once(titleIdentifier, WireReader::text); break;
                case Keys.CL: sortBin = r.once(sortBin, WireReader::text); break;
                case Keys.AA: patronIdentifier = r.once(patronIdentifier, WireReader::text); break;
                case Keys.CK: mediaType = r.once(mediaType, WireReader::mediaType); break;
                case Keys.CH: itemProperties = r.once(itemProperties, WireReader::text); break;
                case Keys.CR: collectionCode = r.once(collectionCode, WireReader::text); break;
                case Keys.CS: callNumber = r.once(callNumber, WireReader::text); break;
                case Keys.CT: destinationLocation = r.once(destinationLocation, WireReader::text); break;
                case Keys.CV: alertType = r.once(alertType, WireReader::alertType); break;
                case Keys.CY: holdPatronId = r.once(holdPatronId, WireReader::text); break;
                case Keys.DA: holdPatronName = r.once(holdPatronName, WireReader::text); break;
                case Keys.AF: screenMessages = r.add(screenMessages); break;
                case Keys.AG: printLines = r.add(printLines); break;
                default: r.keep(); break;
            }
        }
        return new CheckinResponse(ok, resensitize, magneticMedia, alert, transactionDate, institutionId,
                itemIdentifier, permanentLocation, titleIdentifier, sortBin, patronIdentifier, mediaType,
                itemProperties, collectionCode, callNumber, destinationLocation, alertType, holdPatronId,
                holdPatronName, WireReader.list(screenMessages), WireReader.list(printLines), r.extensions());
    }

    void write(WireWriter w) {
        w.okFlag(ok);
        w.yesNo(resensitize);
        w.tristate(magneticMedia);
        w.yesNo(alert);
        w.date(transactionDate);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.ITEM_IDENTIFIER, itemIdentifier);
        w.required(FieldId.PERMANENT_LOCATION, permanentLocation);
        w.optional(FieldId.TITLE_IDENTIFIER, titleIdentifier);
        w.optional(FieldId.SORT_BIN, sortBin);
        w.optional(FieldId.PATRON_IDENTIFIER, patronIdentifier);
        w.optional(FieldId.MEDIA_TYPE, mediaType == null ? null : mediaType.code());
        w.optional(FieldId.ITEM_PROPERTIES, itemProperties);
        w.optional(FieldId.COLLECTION_CODE, collectionCode);
        w.optional(FieldId.CALL_NUMBER, callNumber);
        w.optional(FieldId.DESTINATION_LOCATION, destinationLocation);
        w.optional(FieldId.ALERT_TYPE, alertType == null ? null : alertType.code());
        w.optional(FieldId.HOLD_PATRON_ID, holdPatronId);
        w.optional(FieldId.HOLD_PATRON_NAME, holdPatronName);
        w.repeated(FieldId.SCREEN_MESSAGE, screenMessages);
        w.repeated(FieldId.PRINT_LINE, printLines);
        w.extensions(extensions);
    }

    /** Builds a {@link CheckinResponse}. */
    public static final class Builder {
        private boolean ok;
        private boolean resensitize;
        private Tristate magneticMedia = Tristate.UNKNOWN;
        private boolean alert;
        private Sip2DateTime transactionDate;
        private String institutionId;
        private String itemIdentifier;
        private String permanentLocation;
        private String titleIdentifier;
        private String sortBin;
        private String patronIdentifier;
        private MediaType mediaType;
        private String itemProperties;
        private String collectionCode;
        private String callNumber;
        private String destinationLocation;
        private AlertType alertType;
        private String holdPatronId;
        private String holdPatronName;
        private List<String> screenMessages = List.of();
        private List<String> printLines = List.of();
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder ok(boolean ok) {
            this.ok = ok;
            return this;
        }

        public Builder resensitize(boolean resensitize) {
            this.resensitize = resensitize;
            return this;
        }

        public Builder magneticMedia(Tristate magneticMedia) {
            this.magneticMedia = magneticMedia;
            return this;
        }

        public Builder alert(boolean alert) {
            this.alert = alert;
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

        public Builder itemIdentifier(String itemIdentifier) {
            this.itemIdentifier = itemIdentifier;
            return this;
        }

        public Builder permanentLocation(String permanentLocation) {
            this.permanentLocation = permanentLocation;
            return this;
        }

        public Builder titleIdentifier(String titleIdentifier) {
            this.titleIdentifier = titleIdentifier;
            return this;
        }

        public Builder sortBin(String sortBin) {
            this.sortBin = sortBin;
            return this;
        }

        public Builder patronIdentifier(String patronIdentifier) {
            this.patronIdentifier = patronIdentifier;
            return this;
        }

        public Builder mediaType(MediaType mediaType) {
            this.mediaType = mediaType;
            return this;
        }

        public Builder itemProperties(String itemProperties) {
            this.itemProperties = itemProperties;
            return this;
        }

        public Builder collectionCode(String collectionCode) {
            this.collectionCode = collectionCode;
            return this;
        }

        public Builder callNumber(String callNumber) {
            this.callNumber = callNumber;
            return this;
        }

        public Builder destinationLocation(String destinationLocation) {
            this.destinationLocation = destinationLocation;
            return this;
        }

        public Builder alertType(AlertType alertType) {
            this.alertType = alertType;
            return this;
        }

        public Builder holdPatronId(String holdPatronId) {
            this.holdPatronId = holdPatronId;
            return this;
        }

        public Builder holdPatronName(String holdPatronName) {
            this.holdPatronName = holdPatronName;
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

        public CheckinResponse build() {
            return new CheckinResponse(ok, resensitize, magneticMedia, alert, transactionDate, institutionId,
                    itemIdentifier, permanentLocation, titleIdentifier, sortBin, patronIdentifier, mediaType,
                    itemProperties, collectionCode, callNumber, destinationLocation, alertType, holdPatronId,
                    holdPatronName, screenMessages, printLines, extensions);
        }
    }
}
