package org.circgate.sip2.message;

import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;

/**
 * 01 Block Patron. Fixed: card retained (Y/N), transaction date (18). Fields: AO (R), AL blocked card message (R),
 * AA (R), AC terminal password (R). The answer is a 24.
 */
public record BlockPatronRequest(boolean cardRetained, Sip2DateTime transactionDate, String institutionId,
        String blockedCardMessage, String patronIdentifier, String terminalPassword, List<Sip2Field> extensions)
        implements Sip2Request {

    public BlockPatronRequest {
        Messages.nonNull(transactionDate, "transactionDate");
        institutionId = Messages.required(institutionId);
        blockedCardMessage = Messages.required(blockedCardMessage);
        patronIdentifier = Messages.required(patronIdentifier);
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
        b.cardRetained = cardRetained;
        b.transactionDate = transactionDate;
        b.institutionId = institutionId;
        b.blockedCardMessage = blockedCardMessage;
        b.patronIdentifier = patronIdentifier;
        b.terminalPassword = terminalPassword;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.BLOCK_PATRON;
    }

    static BlockPatronRequest read(WireReader r) {
        boolean cardRetained = r.yesNo("card retained");
        Sip2DateTime transactionDate = r.date("transaction date");
        String institutionId = null;
        String blockedCardMessage = null;
        String patronIdentifier = null;
        String terminalPassword = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AL: blockedCardMessage = r.once(blockedCardMessage, WireReader::text); break;
                case Keys.AA: patronIdentifier = r.once(patronIdentifier, WireReader::text); break;
                case Keys.AC: terminalPassword = r.once(terminalPassword, WireReader::text); break;
                default: r.keep(); break;
            }
        }
        return new BlockPatronRequest(cardRetained, transactionDate, institutionId, blockedCardMessage,
                patronIdentifier, terminalPassword, r.extensions());
    }

    void write(WireWriter w) {
        w.yesNo(cardRetained);
        w.date(transactionDate);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.required(FieldId.BLOCKED_CARD_MSG, blockedCardMessage);
        w.required(FieldId.PATRON_IDENTIFIER, patronIdentifier);
        w.required(FieldId.TERMINAL_PASSWORD, terminalPassword);
        w.extensions(extensions);
    }

    /** Shows every component except the secrets (AC, AD, CO), which print as {@code ***}. */
    @Override
    public String toString() {
        return Messages.toString(this);
    }

    /** Builds a {@link BlockPatronRequest}. */
    public static final class Builder {
        private boolean cardRetained;
        private Sip2DateTime transactionDate;
        private String institutionId;
        private String blockedCardMessage;
        private String patronIdentifier;
        private String terminalPassword;
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder cardRetained(boolean cardRetained) {
            this.cardRetained = cardRetained;
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

        public Builder blockedCardMessage(String blockedCardMessage) {
            this.blockedCardMessage = blockedCardMessage;
            return this;
        }

        public Builder patronIdentifier(String patronIdentifier) {
            this.patronIdentifier = patronIdentifier;
            return this;
        }

        public Builder terminalPassword(String terminalPassword) {
            this.terminalPassword = terminalPassword;
            return this;
        }

        public Builder extensions(List<Sip2Field> extensions) {
            this.extensions = extensions;
            return this;
        }

        public BlockPatronRequest build() {
            return new BlockPatronRequest(cardRetained, transactionDate, institutionId, blockedCardMessage,
                    patronIdentifier, terminalPassword, extensions);
        }
    }
}
