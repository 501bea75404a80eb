package org.circgate.sip2.message;

import java.util.List;
import org.circgate.sip2.ScStatusCode;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2Field;

/**
 * 99 SC Status. Fixed: status code (1), max print width (3), protocol version (4, e.g. 2.00). No fields. Sent
 * after login and then periodically as a keep-alive; unknown status digits read as OK and a blank print width as
 * 0, so a keep-alive is never refused.
 */
public record ScStatusRequest(ScStatusCode statusCode, int maxPrintWidth, String protocolVersion,
        List<Sip2Field> extensions)
        implements Sip2Request {

    public ScStatusRequest {
        Messages.nonNull(statusCode, "statusCode");
        Messages.nonNull(protocolVersion, "protocolVersion");
        if (maxPrintWidth < 0 || maxPrintWidth > 999) {
            throw new IllegalArgumentException("maxPrintWidth is 3 digits: " + maxPrintWidth);
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
        b.statusCode = statusCode;
        b.maxPrintWidth = maxPrintWidth;
        b.protocolVersion = protocolVersion;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.SC_STATUS;
    }

    static ScStatusRequest read(WireReader r) {
        ScStatusCode statusCode = ScStatusCode.of(r.digits(1, "status code"));
        int maxPrintWidth = Math.max(0, r.digits(3, "max print width"));
        String protocolVersion = r.fixedText(4, "protocol version");
        while (r.next()) {
            r.keep();
        }
        return new ScStatusRequest(statusCode, maxPrintWidth, protocolVersion, r.extensions());
    }

    void write(WireWriter w) {
        w.fixedText(statusCode.code(), 1);
        w.digits(maxPrintWidth, 3);
        w.fixedText(protocolVersion, 4);
        w.extensions(extensions);
    }

    /** Builds a {@link ScStatusRequest}. */
    public static final class Builder {
        private ScStatusCode statusCode = ScStatusCode.OK;
        private int maxPrintWidth;
        private String protocolVersion = "2.00";
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder statusCode(ScStatusCode statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        public Builder maxPrintWidth(int maxPrintWidth) {
            this.maxPrintWidth = maxPrintWidth;
            return this;
        }

        public Builder protocolVersion(String protocolVersion) {
            this.protocolVersion = protocolVersion;
            return this;
        }

        public Builder extensions(List<Sip2Field> extensions) {
            this.extensions = extensions;
            return this;
        }

        public ScStatusRequest build() {
            return new ScStatusRequest(statusCode, maxPrintWidth, protocolVersion, extensions);
        }
    }
}
