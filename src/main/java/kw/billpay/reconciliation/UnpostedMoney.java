package kw.billpay.reconciliation;

import java.math.BigDecimal;
import java.util.List;

/**
 * Money a channel received and never posted, which the ledger's tables do not show: a bank transfer held in suspense,
 * or sent back to the payer from it (DOMAIN R27: "for R24, money in suspense is received and not posted"). A channel
 * that holds such money implements this; the reconciliation reads it in its own snapshot.
 */
public interface UnpostedMoney {

    /**
     * @param state {@link #SUSPENSE} (held, waiting for an account) or {@link #RETURNED} (sent back, never posted)
     * @param amount in {@code currency}, as received
     */
    record Unposted(String channel, String bank, String currency, String state, long count, BigDecimal amount) {
    }

    String SUSPENSE = "suspense";
    String RETURNED = "returned";

    List<Unposted> unposted();
}
