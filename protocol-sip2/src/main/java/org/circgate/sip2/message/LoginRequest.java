package org.circgate.sip2.message;

import java.util.List;
import org.circgate.sip2.FieldId;
import org.circgate.sip2.Sip2Command;
import org.circgate.sip2.Sip2Field;

/**
 * 93 Login. Fixed: UID algorithm (1) and PWD algorithm (1), '0' = not encrypted (the only value anyone
 * implements). Fields: CN login user id (R), CO login password (R), CP location code (O).
 */
public record LoginRequest(char uidAlgorithm, char pwdAlgorithm, String loginUserId, String loginPassword,
        String locationCode, List<Sip2Field> extensions)
        implements Sip2Request {

    public LoginRequest {
        loginUserId = Messages.required(loginUserId);
        loginPassword = Messages.required(loginPassword);
        extensions = Messages.extensions(extensions);
    }

    /** A builder; unset fields are absent (optional), empty (required text) or the spec's default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this message's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.uidAlgorithm = uidAlgorithm;
        b.pwdAlgorithm = pwdAlgorithm;
        b.loginUserId = loginUserId;
        b.loginPassword = loginPassword;
        b.locationCode = locationCode;
        b.extensions = extensions;
        return b;
    }

    @Override
    public Sip2Command command() {
        return Sip2Command.LOGIN;
    }

    /** A plain-text login ({@code 00}). */
    public static LoginRequest of(String loginUserId, String loginPassword, String locationCode) {
        return new LoginRequest('0', '0', loginUserId, loginPassword, locationCode, List.of());
    }

    static LoginRequest read(WireReader r) {
        char uidAlgorithm = r.fixedChar("UID algorithm");
        char pwdAlgorithm = r.fixedChar("PWD algorithm");
        String loginUserId = null;
        String loginPassword = null;
        String locationCode = null;
        while (r.next()) {
            switch (r.key()) {
                case Keys.CN: loginUserId = r.once(loginUserId, WireReader::text); break;
                case Keys.CO: loginPassword = r.once(loginPassword, WireReader::text); break;
                case Keys.CP: locationCode = r.once(locationCode, WireReader::text); break;
                default: r.keep(); break;
            }
        }
        return new LoginRequest(uidAlgorithm, pwdAlgorithm, loginUserId, loginPassword, locationCode, r.extensions());
    }

    void write(WireWriter w) {
        w.fixedChar(uidAlgorithm);
        w.fixedChar(pwdAlgorithm);
        w.required(FieldId.LOGIN_USER_ID, loginUserId);
        w.required(FieldId.LOGIN_PASSWORD, loginPassword);
        w.optional(FieldId.LOCATION_CODE, locationCode);
        w.extensions(extensions);
    }

    /** Shows every component except the secrets (AC, AD, CO), which print as {@code ***}. */
    @Override
    public String toString() {
        return Messages.toString(this);
    }

    /** Builds a {@link LoginRequest}. */
    public static final class Builder {
        private char uidAlgorithm = '0';
        private char pwdAlgorithm = '0';
        private String loginUserId;
        private String loginPassword;
        private String locationCode;
        private List<Sip2Field> extensions = List.of();

        private Builder() {
        }

        public Builder uidAlgorithm(char uidAlgorithm) {
            this.uidAlgorithm = uidAlgorithm;
            return this;
        }

        public Builder pwdAlgorithm(char pwdAlgorithm) {
            this.pwdAlgorithm = pwdAlgorithm;
            return this;
        }

        public Builder loginUserId(String loginUserId) {
            this.loginUserId = loginUserId;
            return this;
        }

        public Builder loginPassword(String loginPassword) {
            this.loginPassword = loginPassword;
            return this;
        }

        public Builder locationCode(String locationCode) {
            this.locationCode = locationCode;
            return this;
        }

        public Builder extensions(List<Sip2Field> extensions) {
            this.extensions = extensions;
            return this;
        }

        public LoginRequest build() {
            return new LoginRequest(uidAlgorithm, pwdAlgorithm, loginUserId, loginPassword, locationCode, extensions);
        }
    }
}
