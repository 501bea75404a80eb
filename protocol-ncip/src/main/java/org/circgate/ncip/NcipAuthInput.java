package org.circgate.ncip;

import java.util.Locale;
import java.util.Objects;

import org.circgate.ncip.xml.AuthenticationInput;

/**
 * One AuthenticationInput of a request (LookupUser by barcode and PIN, VuFind's username and password, ...).
 * {@code data} may be a PIN or password: toString never prints it.
 *
 * @param data   AuthenticationInputData as sent
 * @param type   AuthenticationInputType as sent (e.g. {@code Barcode Id}, {@code PIN}, {@code pin})
 * @param format AuthenticationDataFormatType, usually {@code text/plain}, or null
 */
public record NcipAuthInput(String data, SchemeValue type, SchemeValue format) {

    /** The input kinds circgate recognises; type values are matched ignoring case, spaces, '-' and '_'. */
    public enum Kind {
        BARCODE_ID, PIN, PASSWORD, USERNAME, USER_ID, OTHER;

        /** Classifies an AuthenticationInputType value. */
        public static Kind of(String typeValue) {
            if (typeValue == null) {
                return OTHER;
            }
            String key = typeValue.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
            return switch (key) {
                case "barcodeid", "barcode", "userbarcode" -> BARCODE_ID;
                case "pin", "userpin" -> PIN;
                case "password", "userpassword" -> PASSWORD;
                case "username", "login" -> USERNAME;
                case "userid", "useridentifier" -> USER_ID;
                default -> OTHER;
            };
        }
    }

    public NcipAuthInput {
        Objects.requireNonNull(data, "data");
    }

    public Kind kind() {
        return Kind.of(type == null ? null : type.value());
    }

    /** True for PINs and passwords, which must be verified against a hash and never logged. */
    public boolean isSecret() {
        return isSecretKind(kind());
    }

    // Unknown kinds count as secret: better to hide an identifier than to log a password.
    private static boolean isSecretKind(Kind kind) {
        return kind == Kind.PIN || kind == Kind.PASSWORD || kind == Kind.OTHER;
    }

    /** Null for a missing element or one without AuthenticationInputData. */
    public static NcipAuthInput fromJaxb(AuthenticationInput input) {
        if (input == null || input.getAuthenticationInputData() == null) {
            return null;
        }
        // Secrets are compared exactly; only identifiers are trimmed.
        String data = input.getAuthenticationInputData();
        SchemeValue type = SchemeValue.fromJaxb(input.getAuthenticationInputType());
        boolean secret = isSecretKind(Kind.of(type == null ? null : type.value()));
        return new NcipAuthInput(secret ? data : data.trim(), type,
                SchemeValue.fromJaxb(input.getAuthenticationDataFormatType()));
    }

    @Override
    public String toString() {
        return "NcipAuthInput[kind=" + kind() + ", type=" + type + ", format=" + format + ", data=***]";
    }
}
