package org.circgate.sip2.message;

import java.util.ArrayList;
import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;

/**
 * 66 Renew All Response. Fixed: ok (1/0), renewed count (4), unrenewed count (4) (written clamped to 9999),
 * transaction date (18). Fields: AO (R), BM renewed items (O*), BN unrenewed items (O*), AF (O*), AG (O*).
 */
public record RenewAllResponse(boolean ok, int renewedCount, int unrenewedCount, Sip2DateTime transactionDate,
        String institutionId, List<String> renewedItems, List<String> unrenewedItems, List<String> screenMessages,
        List<String> printLines, List<Sip2Field> extensions)
        implements Sip2Response {

    public RenewAllResponse {
        Messages.nonNull(transactionDate, "transactionDate");
        institutionId = Messages.required(institutionId);
        renewedItems = Messages.list(renewedItems);
        unrenewedItems = Messages.list(unrenewedItems);
        screenMessages = Messages.list(screenMessages);
        printLines = Messages.list(printLines);
        if (renewedCount < 0) {
            throw new IllegalArgumentException("renewedCount is not negative: " + renewedCount);
        }
        if (unrenewedCount < 0) {
            throw new IllegalArgumentException("unrenewedCount is not negative: " + unrenewedCount);
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
        b.ok = ok;
        b.renewedCount = renewedCount;
        b.unrenewedCount = unrenewedCount;
        b.transactionDate = transactionDate;
        b.institutionId = institutionId;
        b.renewedItems = renewedItems;
        b.unrenewedItems = unrenewedItems;
        b.screenMessages = screenMessages;
        b.printLines = printLines;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.RENEW_ALL_RESPONSE;
    }

    static RenewAllResponse read(WireReader r) {
        boolean ok = r.okFlag("ok");
        int renewedCount = Math.max(0, r.digits(4, "renewed count"));
        int unrenewedCount = Math.max(0, r.digits(4, "unrenewed count"));
        Sip2DateTime transactionDate = r.date("transaction date");
        String institutionId = null;
        ArrayList<String> renewedItems = null;
        ArrayList<String> unrenewedItems = null;
        ArrayList<String> screenMessages = null;
        ArrayList<String> printLines = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.BM: renewedItems = r.add(renewedItems); break;
                case Keys.BN: unrenewedItems = r.add(unrenewedItems); break;
                case Keys.AF: screenMessages = r.add(screenMessages); break;
                case Keys.AG: printLines = r.add(printLines); break;
                default: r.keep(); break;
            }
        }
        return new RenewAllResponse(ok, renewedCount, unrenewedCount, transactionDate, institutionId,
                WireReader.list(renewedItems), WireReader.list(unrenewedItems), WireReader.list(screenMessages),
                WireReader.list(printLines), r.extensions());
    }

    void write(WireWriter w) {
        w.okFlag(ok);
        w.digits(renewedCount, 4);
        w.digits(unrenewedCount, 4);
        w.date(transactionDate);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.repeated(FieldId.RENEWED_ITEMS, renewedItems);
        w.repeated(FieldId.UNRENEWED_ITEMS, unrenewedItems);
        w.repeated(FieldId.SCREEN_MESSAGE, screenMessages);
        w.repeated(FieldId.PRINT_LINE, printLines);
        w.extensions(extensions);
    }

    /** Builds a {@link RenewAllResponse}. */
    public static final class Builder {
        private boolean ok;
        private int renewedCount;
        private int unrenewedCount;
        private Sip2DateTime transactionDate;
        private String institutionId;
        private List<String> renewedItems = List.of();
        private List<String> unrenewedItems = List.of();
        private List<String> screenMessages = List.of();
        private List<String> printLines = List.of();
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder ok(boolean ok) {
            this.ok = ok;
            return this;
        }

        public Builder renewedCount(int renewedCount) {
            this.renewedCount = renewedCount;
            return this;
        }

        public Builder unrenewedCount(int unrenewedCount) {
            this.unrenewedCount = unrenewedCount;
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

        public Builder renewedItems(List<String> renewedItems) {
            this.renewedItems = renewedItems;
            return this;
        }

        public Builder renewedItems(String... renewedItems) {
            this.renewedItems = List.of(renewedItems);
            return this;
        }

        public Builder unrenewedItems(List<String> unrenewedItems) {
            this.unrenewedItems = unrenewedItems;
            return this;
        }

        public Builder unrenewedItems(String... unrenewedItems) {
            this.unrenewedItems = List.of(unrenewedItems);
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

        public RenewAllResponse build() {
            return new RenewAllResponse(ok, renewedCount, unrenewedCount, transactionDate, institutionId,
                    renewedItems, unrenewedItems, screenMessages, printLines, extensions);
        }
    }
}
