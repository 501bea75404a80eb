package org.circgate.sip2.message;

import java.util.ArrayList;
import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2DateTime;
import org.circgate.sip2.Sip2Field;
import org.circgate.sip2.SupportedMessages;

/**
 * 98 ACS Status. Fixed: on-line status, checkin ok, checkout ok, ACS renewal policy, status update ok, off-line ok
 * (Y/N each), timeout period (3, tenths of a second; 000 = ACS off-line, 999 = unknown), retries allowed (3; 999 =
 * unknown), date/time sync (18), protocol version (4). Fields: AO institution id (R), AM library name (O), BX
 * supported messages (R, always 16 positions), AN terminal location (O), AF screen message (O*), AG print line
 * (O*).
 */
public record AcsStatusResponse(boolean onlineStatus, boolean checkinOk, boolean checkoutOk, boolean acsRenewalPolicy,
        boolean statusUpdateOk, boolean offlineOk, int timeoutPeriod, int retriesAllowed, Sip2DateTime dateTimeSync,
        String protocolVersion, String institutionId, String libraryName, SupportedMessages supportedMessages,
        String terminalLocation, List<String> screenMessages, List<String> printLines, List<Sip2Field> extensions)
        implements Sip2Response {

    public AcsStatusResponse {
        Messages.nonNull(dateTimeSync, "dateTimeSync");
        Messages.nonNull(protocolVersion, "protocolVersion");
        institutionId = Messages.required(institutionId);
        supportedMessages = supportedMessages == null ? SupportedMessages.NONE : supportedMessages;
        screenMessages = Messages.list(screenMessages);
        printLines = Messages.list(printLines);
        if (timeoutPeriod < 0 || timeoutPeriod > 999) {
            throw new IllegalArgumentException("timeoutPeriod is 3 digits: " + timeoutPeriod);
        }
        if (retriesAllowed < 0 || retriesAllowed > 999) {
            throw new IllegalArgumentException("retriesAllowed is 3 digits: " + retriesAllowed);
        }
        Messages.fixedAscii(protocolVersion, 4, "protocolVersion");
        extensions = Messages.extensions(extensions);
    }

    /** A builder; unset fields are absent (optional), empty (required text) or the spec's default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this message's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.onlineStatus = onlineStatus;
        b.checkinOk = checkinOk;
        b.checkoutOk = checkoutOk;
        b.acsRenewalPolicy = acsRenewalPolicy;
        b.statusUpdateOk = statusUpdateOk;
        b.offlineOk = offlineOk;
        b.timeoutPeriod = timeoutPeriod;
        b.retriesAllowed = retriesAllowed;
        b.dateTimeSync = dateTimeSync;
        b.protocolVersion = protocolVersion;
        b.institutionId = institutionId;
        b.libraryName = libraryName;
        b.supportedMessages = supportedMessages;
        b.terminalLocation = terminalLocation;
        b.screenMessages = screenMessages;
        b.printLines = printLines;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.ACS_STATUS;
    }

    static AcsStatusResponse read(WireReader r) {
        boolean onlineStatus = r.yesNo("on-line status");
        boolean checkinOk = r.yesNo("checkin ok");
        boolean checkoutOk = r.yesNo("checkout ok");
        boolean acsRenewalPolicy = r.yesNo("ACS renewal policy");
        boolean statusUpdateOk = r.yesNo("status update ok");
        boolean offlineOk = r.yesNo("off-line ok");
        int timeoutPeriod = Math.max(0, r.digits(3, "timeout period"));
        int retriesAllowed = Math.max(0, r.digits(3, "retries allowed"));
        Sip2DateTime dateTimeSync = r.date("date / time sync");
        String protocolVersion = r.fixedText(4, "protocol version");
        String institutionId = null;
        String libraryName = null;
        SupportedMessages supportedMessages = null;
        String terminalLocation = null;
        ArrayList<String> screenMessages = null;
        ArrayList<String> printLines = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.AO: institutionId = r.once(institutionId, WireReader::text); break;
                case Keys.AM: libraryName = r.once(libraryName, WireReader::text); break;
                case Keys.BX: supportedMessages = r.once(supportedMessages, WireReader::supportedMessages); break;
                case Keys.AN: terminalLocation = r.once(terminalLocation, WireReader::text); break;
                case Keys.AF: screenMessages = r.add(screenMessages); break;
                case Keys.AG: printLines = r.add(printLines); break;
                default: r.keep(); break;
            }
        }
        return new AcsStatusResponse(onlineStatus, checkinOk, checkoutOk, acsRenewalPolicy, statusUpdateOk, offlineOk,
                timeoutPeriod, retriesAllowed, dateTimeSync, protocolVersion, institutionId, libraryName,
                supportedMessages, terminalLocation, WireReader.list(screenMessages), WireReader.list(printLines),
                r.extensions());
    }

    void write(WireWriter w) {
        w.yesNo(onlineStatus);
        w.yesNo(checkinOk);
        w.yesNo(checkoutOk);
        w.yesNo(acsRenewalPolicy);
        w.yesNo(statusUpdateOk);
        w.yesNo(offlineOk);
        w.digits(timeoutPeriod, 3);
        w.digits(retriesAllowed, 3);
        w.date(dateTimeSync);
        w.fixedText(protocolVersion, 4);
        w.required(FieldId.INSTITUTION_ID, institutionId);
        w.optional(FieldId.LIBRARY_NAME, libraryName);
        w.required(FieldId.SUPPORTED_MESSAGES, supportedMessages.toWire());
        w.optional(FieldId.TERMINAL_LOCATION, terminalLocation);
        w.repeated(FieldId.SCREEN_MESSAGE, screenMessages);
        w.repeated(FieldId.PRINT_LINE, printLines);
        w.extensions(extensions);
    }

    /** Builds a {@link AcsStatusResponse}. */
    public static final class Builder {
        private boolean onlineStatus;
        private boolean checkinOk;
        private boolean checkoutOk;
        private boolean acsRenewalPolicy;
        private boolean statusUpdateOk;
        private boolean offlineOk;
        private int timeoutPeriod = 999;
        private int retriesAllowed = 999;
        private Sip2DateTime dateTimeSync;
        private String protocolVersion = "2.00";
        private String institutionId;
        private String libraryName;
        private SupportedMessages supportedMessages;
        private String terminalLocation;
        private List<String> screenMessages = List.of();
        private List<String> printLines = List.of();
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder onlineStatus(boolean onlineStatus) {
            this.onlineStatus = onlineStatus;
            return this;
        }

        public Builder checkinOk(boolean checkinOk) {
            this.checkinOk = checkinOk;
            return this;
        }

        public Builder checkoutOk(boolean checkoutOk) {
            this.checkoutOk = checkoutOk;
            return this;
        }

        public Builder acsRenewalPolicy(boolean acsRenewalPolicy) {
            this.acsRenewalPolicy = acsRenewalPolicy;
            return this;
        }

        public Builder statusUpdateOk(boolean statusUpdateOk) {
            this.statusUpdateOk = statusUpdateOk;
            return this;
        }

        public Builder offlineOk(boolean offlineOk) {
            this.offlineOk = offlineOk;
            return this;
        }

        public Builder timeoutPeriod(int timeoutPeriod) {
            this.timeoutPeriod = timeoutPeriod;
            return this;
        }

        public Builder retriesAllowed(int retriesAllowed) {
            this.retriesAllowed = retriesAllowed;
            return this;
        }

        public Builder dateTimeSync(Sip2DateTime dateTimeSync) {
            this.dateTimeSync = dateTimeSync;
            return this;
        }

        public Builder protocolVersion(String protocolVersion) {
            this.protocolVersion = protocolVersion;
            return this;
        }

        public Builder institutionId(String institutionId) {
            this.institutionId = institutionId;
            return this;
        }

        public Builder libraryName(String libraryName) {
            this.libraryName = libraryName;
            return this;
        }

        public Builder supportedMessages(SupportedMessages supportedMessages) {
            this.supportedMessages = supportedMessages;
            return this;
        }

        public Builder terminalLocation(String terminalLocation) {
            this.terminalLocation = terminalLocation;
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

        public AcsStatusResponse build() {
            return new AcsStatusResponse(onlineStatus, checkinOk, checkoutOk, acsRenewalPolicy, statusUpdateOk,
                    offlineOk, timeoutPeriod, retriesAllowed, dateTimeSync, protocolVersion, institutionId,
                    libraryName, supportedMessages, terminalLocation, screenMessages, printLines, extensions);
        }
    }
}
