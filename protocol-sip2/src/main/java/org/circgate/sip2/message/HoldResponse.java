package org.circgate.sip2.message;

import java.util.ArrayList;
import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;

/**
 * 16 Hold Response. Fixed: ok (1/0), available (Y/N), transaction date (18). Fields: BW expiration date (O), BR
 * queue position (O), BS pickup location (O), AO (R), AA (R), AB (O), AJ (O), AF (O*), AG (O*).
 */
public record HoldResponse(boolean ok, boolean available, Sip2DateTime transactionDate, Sip2DateTime expirationDate,
        String queuePosition, String pickupLocation, String institutionId, String patronIdentifier,
        String itemIdentifier, String titleIdentifier, List<String> screenMessages, List<String> printLines,
        List<Sip2Field> extensions)
        implements Sip2Response {

    public HoldResponse {
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
        b.ok = ok;
        b.available = available;
        b.transactionDate = transactionDate;
        b.expirationDate = expirationDate;
        b.queuePosition = queuePosition;
        b.pickupLocation = pickupLocation;
        b.institutionId = institutionId;
        b.patronIdentifier = patronIdentifier;
        b.itemIdentifier = itemIdentifier;
        b.titleIdentifier = titleIdentifier;
        b.screenMessages = screenMessages;
        b.printLines = printLines;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.HOLD_RESPONSE;
    }

    static HoldResponse read(WireReader r) {
        boolean ok = r.okFlag("ok");
        boolean available = r.yesNo("available");
        Sip2DateTime transactionDate = r.date("transaction date");
        Sip2DateTime expirationDate = null;
        String queuePosition = null;
        String pickupLocation = null;
        String institutionId = null;
        String patronIdentifier = null;
        String itemIdentifier = null;
        String titleIdentifier = null;
        ArrayList<String> screenMessages = null;
        ArrayList<String> printLines = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.BW: expirationDate = r.once(expirationDate, WireReader::dateValue); break;
                case Keys.BR: queuePosition = r.once(queuePosition, WireReader::text); break;
                case Keys.BS: pickupLocation = r.once(pickupLocation, WireReader::text); break;
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AA: patronIdentifier = r.once(patronIdentifier, WireReader::text); break;
                case Keys.AB: itemIdentifier = r.once(itemIdentifier, WireReader::text); break;
                case Keys.AJ: titleIdentifier = r.once(titleIdentifier, WireReader::text); break;
                case Keys.AF: screenMessages = r.add(screenMessages); break;
                case Keys.AG: printLines = r.add(printLines); break;
                default: r.keep(); break;
            }
        }
        return new HoldResponse(ok, available, transactionDate, expirationDate, queuePosition, pickupLocation,
                institutionId, patronIdentifier, itemIdentifier, titleIdentifier, WireReader.list(screenMessages),
                WireReader.list(printLines), r.extensions());
    }

    void write(WireWriter w) {
        w.okFlag(ok);
        w.yesNo(available);
        w.date(transactionDate);
        w.optional(FieldId.EXPIRATION_DATE, expirationDate);
        w.optional(FieldId.QUEUE_POSITION, queuePosition);
        w.optional(FieldId.PICKUP_LOCATION, pickupLocation);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.PATRON_IDENTIFIER, patronIdentifier);
        w.optional(FieldId.ITEM_IDENTIFIER, itemIdentifier);
        w.optional(FieldId.TITLE_IDENTIFIER, titleIdentifier);
        w.repeated(FieldId.SCREEN_MESSAGE, screenMessages);
        w.repeated(FieldId.PRINT_LINE, printLines);
        w.extensions(extensions);
    }

    /** Builds a {@link HoldResponse}. */
    public static final class Builder {
        private boolean ok;
        private boolean available;
        private Sip2DateTime transactionDate;
        private Sip2DateTime expirationDate;
        private String queuePosition;
        private String pickupLocation;
        private String institutionId;
        private String patronIdentifier;
        private String itemIdentifier;
        private String titleIdentifier;
        private List<String> screenMessages = List.of();
        private List<String> printLines = List.of();
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder ok(boolean ok) {
            this.ok = ok;
            return this;
        }

        public Builder available(boolean available) {
            this.available = available;
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

        public Builder queuePosition(String queuePosition) {
            this.queuePosition = queuePosition;
            return this;
        }

        public Builder pickupLocation(String pickupLocation) {
            this.pickupLocation = pickupLocation;
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

        public Builder titleIdentifier(String titleIdentifier) {
            this.titleIdentifier = titleIdentifier;
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

        public HoldResponse build() {
            return new HoldResponse(ok, available, transactionDate, expirationDate, queuePosition, pickupLocation,
                    institutionId, patronIdentifier, itemIdentifier, titleIdentifier, screenMessages, printLines,
                    extensions);
        }
    }
}
