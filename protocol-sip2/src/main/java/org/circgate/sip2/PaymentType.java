package org.circgate.sip2;

import java.util.Objects;

/**
 * Payment type (2 characters, fixed field of 37). SIP2 2.00 defines 00 cash, 01 VISA and 02 credit card; ILSs assign
 * more (Evergreen reads 05 as check, Koha a configurable code as write-off), so the set is open: any two printable
 * ASCII characters are a value, and money is never refused for an unfamiliar code.
 */
public record PaymentType(String code) {

    public static final PaymentType CASH = new PaymentType("00");
    public static final PaymentType VISA = new PaymentType("01");
    public static final PaymentType CREDIT_CARD = new PaymentType("02");

    public PaymentType {
        Objects.requireNonNull(code, "code");
        if (code.length() != 2 || !CodeTables.isPrintableAscii(code)) {
            throw new IllegalArgumentException("a payment type is 2 printable ASCII characters: '" + code + "'");
        }
    }

    public static PaymentType of(String code) {
        switch (code) {
            case "00": return CASH;
            case "01": return VISA;
            case "02": return CREDIT_CARD;
            default: return new PaymentType(code);
        }
    }

    /** Whether the code is one SIP2 2.00 defines. */
    public boolean isStandard() {
        return this.equals(CASH) || this.equals(VISA) || this.equals(CREDIT_CARD);
    }

    @Override
    public String toString() {
        return code;
    }
}
