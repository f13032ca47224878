package kw.billpay.core.payment;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import kw.billpay.core.money.Money;

/**
 * A payment as a channel hands it to the posting core, normalised: which account, what was received, when it counts.
 *
 * @param sourceKey the channel's own identity of this payment (teller + idempotency key, KNET track id, bank file
 *                  line…); the database keeps it unique, which is what makes a repeated delivery post once (R22)
 * @param valueTime when the money counts as received (DOMAIN R18); for a payment held for clearing, null until then
 * @param origin    who took it and from where (DOMAIN R25), kept on the payment as is
 * @param actor     the user or system that handed it in, for the audit trail
 * @param refusable true while the payer can still take the money back (a teller's counter, an online payment being
 *                  started): the account must then be open and a conversion must have a rate. False for money
 *                  already received (a captured KNET payment, a cleared cheque, a collected direct debit), which is
 *                  never refused (DOMAIN R8)
 */
public record PaymentIntent(
        String sourceKey,
        Channel channel,
        PaymentMethod method,
        String accountNumber,
        Money received,
        OffsetDateTime valueTime,
        String reference,
        Map<String, String> origin,
        Set<PaymentFlag> flags,
        String actor,
        boolean refusable) {

    public PaymentIntent {
        origin = Map.copyOf(origin);
        flags = Set.copyOf(flags);
    }
}
