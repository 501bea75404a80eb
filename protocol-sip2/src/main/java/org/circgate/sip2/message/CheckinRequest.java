package org.circgate.sip2.message;

import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;

/**
 * 09 Checkin. Fixed: no block (Y/N), transaction date (18), return date (18; null = blank, tolerated). Fields: AP
 * current location (R), AO (R), AB (R), AC terminal password (R), CH item properties (O), BI cancel (O).
 */
public record CheckinRequest(boolean noBlock, Sip2DateTime transactionDate, Sip2DateTime returnDate,
        String currentLocation, String institutionId, String itemIdentifier, String terminalPassword,
        String itemProperties, Boolean cancel, List<Sip2Field> extensions)
        implements Sip2Request {

    public CheckinRequest {
        Messages.nonNull(transactionDate, "transactionDate");
        currentLocation = Messages.required(currentLocation);
        institutionId = Messages.required(institutionId);
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
        b.noBlock = noBlock;
        b.transactionDate = transactionDate;
        b.returnDate = returnDate;
        b.currentLocation = currentLocation;
        b.institutionId = institutionId;
        b.itemIdentifier = itemIdentifier;
        b.terminalPassword = terminalPassword;
        b.itemProperties = itemProperties;
        b.cancel = cancel;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.CHECKIN;
    }

    static CheckinRequest read(WireReader r) {
        boolean noBlock = r.yesNo("no block");
        Sip2DateTime transactionDate = r.date("transaction date");
        Sip2DateTime returnDate = r.dateOrBlank("return date");
        String currentLocation = null;
        String institutionId = null;
        String itemIdentifier = null;
        String terminalPassword = null;
        String itemProperties = null;
        Boolean cancel = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AP: currentLocation = r.once(currentLocation, WireReader::text); break;
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AB: itemIdentifier = r.once(itemIdentifier, WireReader::text); break;
                case Keys.AC: terminalPassword = r.once(terminalPassword, WireReader::text); break;
                case Keys.CH: itemProperties = r.once(itemProperties, WireReader::text); break;
                case Keys.BI: cancel = r.once(cancel, WireReader::flag); break;
                default: r.keep(); break;
            }
        }
        return new CheckinRequest(noBlock, transactionDate, returnDate, currentLocation, institutionId,
                itemIdentifier, terminalPassword, itemProperties, cancel, r.extensions());
    }

    void write(WireWriter w) {
        w.yesNo(noBlock);
        w.date(transactionDate);
        w.dateOrBlank(returnDate);
        w.required(FieldId.CURRENT_LOCATION, currentLocation);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.ITEM_IDENTIFIER, itemIdentifier);
        w.required(FieldId.TERMINAL_PASSWORD, terminalPassword);
        w.optional(FieldId.ITEM_PROPERTIES, itemProperties);
        w.optional(FieldId.CANCEL, cancel);
        w.extensions(extensions);
    }

    /** Shows every component except the secrets (AC, AD, CO), which print as {@code ***}. */
    @Override
    public String toString() {
        return Messages.toString(this);
    }

    /** Builds a {@link CheckinRequest}. */
    public static final class Builder {
        private boolean noBlock;
        private Sip2DateTime transactionDate;
        private Sip2DateTime returnDate;
        private String currentLocation;
        private String institutionId;
        private String itemIdentifier;
        private String terminalPassword;
        private String itemProperties;
        private Boolean cancel;
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder noBlock(boolean noBlock) {
            this.noBlock = noBlock;
            return this;
        }

        public Builder transactionDate(Sip2DateTime transactionDate) {
            this.transactionDate = transactionDate;
            return this;
        }

        public Builder returnDate(Sip2DateTime returnDate) {
            this.returnDate = returnDate;
            return this;
        }

        public Builder currentLocation(String currentLocation) {
            this.currentLocation = currentLocation;
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

        public Builder terminalPassword(String terminalPassword) {
            this.terminalPassword = terminalPassword;
            return this;
        }

        public Builder itemProperties(String itemProperties) {
            this.itemProperties = itemProperties;
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

        public CheckinRequest build() {
            return new CheckinRequest(noBlock, transactionDate, returnDate, currentLocation, institutionId,
                    itemIdentifier, terminalPassword, itemProperties, cancel, extensions);
        }
    }
}
