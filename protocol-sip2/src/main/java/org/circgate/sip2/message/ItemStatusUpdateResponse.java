package org.circgate.sip2.message;

import java.util.ArrayList;
import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;

/**
 * 20 Item Status Update Response. Fixed: item properties ok (1/0), transaction date (18). Fields: AB (R), AJ (O),
 * CH (O), AF (O*), AG (O*).
 */
public record ItemStatusUpdateResponse(boolean itemPropertiesOk, Sip2DateTime transactionDate, String itemIdentifier,
        String titleIdentifier, String itemProperties, List<String> screenMessages, List<String> printLines,
        List<Sip2Field> extensions)
        implements Sip2Response {

    public ItemStatusUpdateResponse {
        Messages.nonNull(transactionDate, "transactionDate");
        itemIdentifier = Messages.required(itemIdentifier);
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
        b.itemPropertiesOk = itemPropertiesOk;
        b.transactionDate = transactionDate;
        b.itemIdentifier = itemIdentifier;
        b.titleIdentifier = titleIdentifier;
        b.itemProperties = itemProperties;
        b.screenMessages = screenMessages;
        b.printLines = printLines;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.ITEM_STATUS_UPDATE_RESPONSE;
    }

    static ItemStatusUpdateResponse read(WireReader r) {
        boolean itemPropertiesOk = r.okFlag("item properties ok");
        Sip2DateTime transactionDate = r.date("transaction date");
        String itemIdentifier = null;
        String titleIdentifier = null;
        String itemProperties = null;
        ArrayList<String> screenMessages = null;
        ArrayList<String> printLines = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AB: itemIdentifier = r.once(itemIdentifier, WireReader::text); break;
                case Keys.AJ: titleIdentifier = r.once(titleIdentifier, WireReader::text); break;
                case Keys.CH: itemProperties = r.once(itemProperties, WireReader::text); break;
                case Keys.AF: screenMessages = r.add(screenMessages); break;
                case Keys.AG: printLines = r.add(printLines); break;
                default: r.keep(); break;
            }
        }
        return new ItemStatusUpdateResponse(itemPropertiesOk, transactionDate, itemIdentifier, titleIdentifier,
                itemProperties, WireReader.list(screenMessages), WireReader.list(printLines), r.extensions());
    }

    void write(WireWriter w) {
        w.okFlag(itemPropertiesOk);
        w.date(transactionDate);
        w.required(FieldId.ITEM_IDENTIFIER, itemIdentifier);
        w.optional(FieldId.TITLE_IDENTIFIER, titleIdentifier);
        w.optional(FieldId.ITEM_PROPERTIES, itemProperties);
        w.repeated(FieldId.SCREEN_MESSAGE, screenMessages);
        w.repeated(FieldId.PRINT_LINE, printLines);
        w.extensions(extensions);
    }

    /** Builds a {@link ItemStatusUpdateResponse}. */
    public static final class Builder {
        private boolean itemPropertiesOk;
        private Sip2DateTime transactionDate;
        private String itemIdentifier;
        private String titleIdentifier;
        private String itemProperties;
        private List<String> screenMessages = List.of();
        private List<String> printLines = List.of();
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder itemPropertiesOk(boolean itemPropertiesOk) {
            this.itemPropertiesOk = itemPropertiesOk;
            return this;
        }

        public Builder transactionDate(Sip2DateTime transactionDate) {
            this.transactionDate = transactionDate;
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

        public ItemStatusUpdateResponse build() {
            return new ItemStatusUpdateResponse(itemPropertiesOk, transactionDate, itemIdentifier, titleIdentifier,
                    itemProperties, screenMessages, printLines, extensions);
        }
    }
}
