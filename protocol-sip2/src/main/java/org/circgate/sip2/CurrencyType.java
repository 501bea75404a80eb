package org.circgate.sip2;

import java.util.Objects;

/**
 * Currency type (3 characters: fixed field of 37, field BH): an ISO-4217 code. The set is open (ISO adds codes, and
 * FOLIO's bug list shows what a closed list costs), so any three printable ASCII characters are a value; constants
 * exist for the common ones.
 */
public record CurrencyType(String code) {

    public static final CurrencyType USD = new CurrencyType("USD");
    public static final CurrencyType EUR = new CurrencyType("EUR");
    public static final CurrencyType GBP = new CurrencyType("GBP");
    public static final CurrencyType CAD = new CurrencyType("CAD");
    public static final CurrencyType AUD = new CurrencyType("AUD");
    public static final CurrencyType CHF = new CurrencyType("CHF");
    public static final CurrencyType SEK = new CurrencyType("SEK");
    public static final CurrencyType NOK = new CurrencyType("NOK");
    public static final CurrencyType DKK = new CurrencyType("DKK");

    public CurrencyType {
        Objects.requireNonNull(code, "code");
        if (code.length() != 3 || !CodeTables.isPrintableAscii(code)) {
            throw new IllegalArgumentException("a currency type is 3 printable ASCII characters: '" + code + "'");
        }
    }

    public static CurrencyType of(String code) {
        switch (code) {
            case "USD": return USD;
            case "EUR": return EUR;
            case "GBP": return GBP;
            case "CAD": return CAD;
            default: return new CurrencyType(code);
        }
    }

    /** The ISO currency, if the JDK knows the code. */
    public java.util.Optional<java.util.Currency> toCurrency() {
        try {
            return java.util.Optional.of(java.util.Currency.getInstance(code));
        } catch (IllegalArgumentException notIso) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
