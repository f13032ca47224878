package kw.billpay.core.payment;

import java.util.Set;
import kw.billpay.core.allocation.AllocationResult;
import kw.billpay.core.money.Conversion;
import kw.billpay.core.money.Money;

/**
 * What posting some money to an account does, computed and not yet written.
 *
 * @param conversion the conversion into the billing currency (R3), null when none was needed
 * @param amount     the amount posted, in the billing currency
 * @param allocation where every fils goes (R9-R11), with the balances before and after
 * @param refundDue  the part of the credit balance above the issuer's threshold this posting added (R13), or null
 * @param flags      the marks for review it carries
 */
public record Posting(Conversion conversion, Money amount, AllocationResult allocation, Money refundDue,
                      Set<PaymentFlag> flags) {

    public Posting {
        flags = Set.copyOf(flags);
    }
}
