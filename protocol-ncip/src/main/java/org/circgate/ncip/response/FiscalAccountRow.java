package org.circgate.ncip.response;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.circgate.ncip.NcipDates;
import org.circgate.ncip.SchemeValue;
import org.circgate.ncip.xml.AccountDetails;
import org.circgate.ncip.xml.FiscalTransactionInformation;
import org.circgate.ncip.xml.UserFiscalAccount;

/** A UserFiscalAccount of a LookupUserResponse: the balance and, optionally, the bills behind it. */
public record FiscalAccountRow(NcipAmount balance, List<Transaction> details) {

    /**
     * One AccountDetails entry.
     *
     * @param accrualDate     when the bill accrued
     * @param actionType      FiscalActionType, e.g. {@code Assess}
     * @param transactionType FiscalTransactionType, e.g. {@code Fine}, {@code Service Charge}
     * @param amount          the amount
     * @param description     FiscalTransactionDescription, or null
     */
    public record Transaction(OffsetDateTime accrualDate, SchemeValue actionType, SchemeValue transactionType,
            NcipAmount amount, String description) {

        public Transaction {
            Objects.requireNonNull(accrualDate, "accrualDate");
            Objects.requireNonNull(actionType, "actionType");
            Objects.requireNonNull(transactionType, "transactionType");
            Objects.requireNonNull(amount, "amount");
        }

        AccountDetails toJaxb() {
            FiscalTransactionInformation info = new FiscalTransactionInformation();
            info.setFiscalActionType(actionType.toJaxb());
            info.setFiscalTransactionType(transactionType.toJaxb());
            info.setAmount(amount.toJaxbAmount());
            info.setFiscalTransactionDescription(description);
            AccountDetails details = new AccountDetails();
            details.setAccrualDate(NcipDates.toXml(accrualDate));
            details.setFiscalTransactionInformation(info);
            return details;
        }
    }

    public FiscalAccountRow {
        Objects.requireNonNull(balance, "balance");
        details = List.copyOf(details);
    }

    public static FiscalAccountRow of(NcipAmount balance) {
        return new FiscalAccountRow(balance, List.of());
    }

    UserFiscalAccount toJaxb() {
        UserFiscalAccount account = new UserFiscalAccount();
        account.setAccountBalance(balance.toJaxbBalance());
        details.forEach(detail -> account.getAccountDetails().add(detail.toJaxb()));
        return account;
    }
}
