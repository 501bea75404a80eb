package org.circgate.sip2.message;

import java.util.ArrayList;
import java.util.List;
import org.circgate.sip2.CurrencyType;
import org.circgate.sip2.FeeType;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.MediaType;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;
import org.circgate.sip2.Tristate;

/**
 * 30 Renew Response, laid out as 12. Fixed: ok (1/0), renewal ok (Y/N), magnetic media (Y/N/U), desensitize
 * (Y/N/U), transaction date (18). Fields: AO (R), AA (R), AB (R), AJ (R), AH due date (R), BT (O), CI (O), BH (O),
 * BV (O), CK (O), CH (O), BK (O), AF (O*), AG (O*).
 */
public record RenewResponse(boolean ok, boolean renewalOk, Tristate magneticMedia, Tristate desensitize,
        Sip2DateTime transactionDate, String institutionId, String patronIdentifier, String itemIdentifier,
        String titleIdentifier, String dueDate, FeeType feeType, Boolean securityInhibit, CurrencyType currencyType,
        String feeAmount, MediaType mediaType, String itemProperties, String transactionId,
        List<String> screenMessages, List<String> printLines, List<Sip2Field> extensions)
        implements Sip2Response {

    public RenewResponse {
        Messages.nonNull(magneticMedia, "magneticMedia");
        Messages.nonNull(desensitize, "desensitize");
        Messages.nonNull(transactionDate, "transactionDate");
        institutionId = Messages.required(institutionId);
        patronIdentifier = Messages.required(patronIdentifier);
        itemIdentifier = Messages.required(itemIdentifier);
        titleIdentifier = Messages.required(titleIdentifier);
        dueDate = Messages.required(dueDate);
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
        b.renewalOk = renewalOk;
        b.magneticMedia = magneticMedia;
        b.desensitize = desensitize;
        b.transactionDate = transactionDate;
        b.institutionId = institutionId;
        b.patronIdentifier = patronIdentifier;
        b.itemIdentifier = itemIdentifier;
        b.titleIdentifier = titleIdentifier;
        b.dueDate = dueDate;
        b.feeType = feeType;
        b.securityInhibit = securityInhibit;
        b.currencyType = currencyType;
        b.feeAmount = feeAmount;
        b.mediaType = mediaType;
        b.itemProperties = itemProperties;
        b.transactionId = transactionId;
        b.screenMessages = screenMessages;
        b.printLines = printLines;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.RENEW_RESPONSE;
    }

    static RenewResponse read(WireReader r) {
        boolean ok = r.okFlag("ok");
        boolean renewalOk = r.yesNo("renewal ok");
        Tristate magneticMedia = r.tristate("magnetic media");
        Tristate desensitize = r.tristate("desensitize");
        Sip2DateTime transactionDate = r.date("transaction date");
        String institutionId = null;
        String patronIdentifier = null;
        String itemIdentifier = null;
        String titleIdentifier = null;
        String dueDate = null;
        FeeType feeType = null;
        Boolean securityInhibit = null;
        CurrencyType currencyType = null;
        String feeAmount = null;
        MediaType mediaType = null;
        String itemProperties = null;
        String transactionId = null;
        ArrayList<String> screenMessages = null;
        ArrayList<String> printLines = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AA: patronIdentifier = r.once(patronIdentifier, WireReader::text); break;
                case Keys.AB: itemIdentifier = r.once(itemIdentifier, WireReader::text); break;
                case Keys.AJ: titleIdentifier = r.once(titleIdentifier, WireReader::text); break;
                case Keys.AH: dueDate = r.once(dueDate, WireReader::text); break;
                case Keys.BT: feeType = r.once(feeType, WireReader::feeType); break;
                case Keys.CI: securityInhibit = r.once(securityInhibit, WireReader::flag); break;
                case Keys.BH: currencyType = r.once(currencyType, WireReader::currency); break;
                case Keys.BV: feeAmount = r.once(feeAmount, WireReader::text); break;
                case Keys.CK: mediaType = r.once(mediaType, WireReader::mediaType); break;
                case Keys.CH: itemProperties = r.once(itemProperties, WireReader::text); break;
                case Keys.BK: transactionId = r.once(transactionId, WireReader::text); break;
                case Keys.AF: screenMessages = r.add(screenMessages); break;
                case Keys.AG: printLines = r.add(printLines); break;
                default: r.keep(); break;
            }
        }
        return new RenewResponse(ok, renewalOk, magneticMedia, desensitize, transactionDate, institutionId,
                patronIdentifier, itemIdentifier, titleIdentifier, dueDate, feeType, securityInhibit, currencyType,
                feeAmount, mediaType, itemProperties, transactionId, WireReader.list(screenMessages),
                WireReader.list(printLines), r.extensions());
    }

    void write(WireWriter w) {
        w.okFlag(ok);
        w.yesNo(renewalOk);
        w.tristate(magneticMedia);
        w.tristate(desensitize);
        w.date(transactionDate);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.PATRON_IDENTIFIER, patronIdentifier);
        w.required(FieldId.ITEM_IDENTIFIER, itemIdentifier);
        w.required(FieldId.TITLE_IDENTIFIER, titleIdentifier);
        w.required(FieldId.DUE_DATE, dueDate);
        w.optional(FieldId.FEE_TYPE, feeType == null ? null : feeType.code());
        w.optional(FieldId.SECURITY_INHIBIT, securityInhibit);
        w.optional(FieldId.CURRENCY_TYPE, currencyType == null ? null : currencyType.code());
        w.optional(FieldId.FEE_AMOUNT, feeAmount);
        w.optional(FieldId.MEDIA_TYPE, mediaType == null ? null : mediaType.code());
        w.optional(FieldId.ITEM_PROPERTIES, itemProperties);
        w.optional(FieldId.TRANSACTION_ID, transactionId);
        w.repeated(FieldId.SCREEN_MESSAGE, screenMessages);
        w.repeated(FieldId.PRINT_LINE, printLines);
        w.extensions(extensions);
    }

    /** Builds a {@link RenewResponse}. */
    public static final class Builder {
        private boolean ok;
        private boolean renewalOk;
        private Tristate magneticMedia = Tristate.UNKNOWN;
        private Tristate desensitize = Tristate.UNKNOWN;
        private Sip2DateTime transactionDate;
        private String institutionId;
        private String patronIdentifier;
        private String itemIdentifier;
        private String titleIdentifier;
        private String dueDate;
        private FeeType feeType;
        private Boolean securityInhibit;
        private CurrencyType currencyType;
        private String feeAmount;
        private MediaType mediaType;
        private String itemProperties;
        private String transactionId;
        private List<String> screenMessages = List.of();
        private List<String> printLines = List.of();
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder ok(boolean ok) {
            this.ok = ok;
            return this;
        }

        public Builder renewalOk(boolean renewalOk) {
            this.renewalOk = renewalOk;
            return this;
        }

        public Builder magneticMedia(Tristate magneticMedia) {
            this.magneticMedia = magneticMedia;
            return this;
        }

        public Builder desensitize(Tristate desensitize) {
            this.desensitize = desensitize;
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

        public Builder itemIdentifier(String itemIdentifier) {
            this.itemIdentifier = itemIdentifier;
            return this;
        }

        public Builder titleIdentifier(String titleIdentifier) {
            this.titleIdentifier = titleIdentifier;
            return this;
        }

        public Builder dueDate(String dueDate) {
            this.dueDate = dueDate;
            return this;
        }

        public Builder feeType(FeeType feeType) {
            this.feeType = feeType;
            return this;
        }

        public Builder securityInhibit(Boolean securityInhibit) {
            this.securityInhibit = securityInhibit;
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

        public Builder itemProperties(String itemProperties) {
            this.itemProperties = itemProperties;
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

        public RenewResponse build() {
            return new RenewResponse(ok, renewalOk, magneticMedia, desensitize, transactionDate, institutionId,
                    patronIdentifier, itemIdentifier, titleIdentifier, dueDate, feeType, securityInhibit,
                    currencyType, feeAmount, mediaType, itemProperties, transactionId, screenMessages, printLines,
                    extensions);
        }
    }
}
