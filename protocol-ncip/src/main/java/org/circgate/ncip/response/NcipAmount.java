package org.circgate.ncip.response;

import java.math.BigInteger;
import java.util.Objects;

import org.circgate.ncip.SchemeValue;
import org.circgate.ncip.xml.AccountBalance;
import org.circgate.ncip.xml.Amount;

/**
 * A money amount: ISO 4217 currency code and MonetaryValue in the currency's minor unit (cents), which is how
 * NCIP's integer MonetaryValue is read by initiators.
 */
public record NcipAmount(String currencyCode, long minorUnits) {

    /** The ISO 4217 scheme URI NCIP uses for CurrencyCode. */
    public static final String CURRENCY_SCHEME =
            "http://www.bsi-global.com/Technical+Information/Publications/_Publications/tig90x.doc";

    public NcipAmount {
        Objects.requireNonNull(currencyCode, "currencyCode");
        if (currencyCode.length() != 3) {
            throw new IllegalArgumentException("ISO 4217 currency code expected: " + currencyCode);
        }
    }

    Amount toJaxbAmount() {
        Amount amount = new Amount();
        amount.setCurrencyCode(SchemeValue.of(currencyCode, CURRENCY_SCHEME).toJaxb());
        amount.setMonetaryValue(BigInteger.valueOf(minorUnits));
        return amount;
    }

    AccountBalance toJaxbBalance() {
        AccountBalance balance = new AccountBalance();
        balance.setCurrencyCode(SchemeValue.of(currencyCode, CURRENCY_SCHEME).toJaxb());
        balance.setMonetaryValue(BigInteger.valueOf(minorUnits));
        return balance;
    }
}
