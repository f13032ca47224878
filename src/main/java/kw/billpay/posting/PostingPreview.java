package kw.billpay.posting;

import kw.billpay.core.account.Account;
import kw.billpay.core.payment.PaymentStatus;
import kw.billpay.core.payment.Posting;

/**
 * What receiving a payment now would do, written nowhere ({@link PostingService#preview}).
 *
 * @param account the account as it is now
 * @param outcome POSTED, PENDING_FX (no rate in force) or PENDING_CLEARING (a cheque or draft)
 * @param posting the conversion and allocation; null when no rate converts it. For a cheque it is indicative: the
 *                cheque posts when it clears, against that day's balances and rate
 */
public record PostingPreview(Account account, PaymentStatus outcome, Posting posting) {
}
