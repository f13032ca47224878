package kw.billpay.collection;

import java.time.OffsetDateTime;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.core.collection.MandateType;

/**
 * A customer's direct-debit mandate (DOMAIN R29): collect {@code type} for the card account from the customer's
 * account ({@code debtorAccount}, an IBAN) at {@code bank}.
 *
 * @param statusReason the bank's reason code that suspended it; null otherwise
 */
public record Mandate(String mandateRef, String accountNumber, PartnerBank bank, String debtorAccount, MandateType type,
                      Status status, String statusReason, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public enum Status { ACTIVE, CANCELLED, SUSPENDED }

    /** Same terms as another: what a PUT changes (the times and who did it aside). */
    boolean sameTermsAs(Mandate other) {
        return accountNumber.equals(other.accountNumber) && bank == other.bank && debtorAccount.equals(other.debtorAccount)
                && type == other.type && status == other.status;
    }
}
