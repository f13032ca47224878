package kw.billpay.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kw.billpay.channel.directdebit.PartnerBank;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation (CONTRACT "Reconciliation", DOMAIN R24) reads what the ledger holds: a ledger broken on purpose
 * is reported unbalanced with the difference, and the totals per channel and currency move by exactly the payments a
 * test makes. The database is shared with every other test, so totals are compared as differences: read, act, read.
 */
class ReconciliationTest extends BehaviourTest {

    @Test
    void aLedgerBrokenInTheDatabaseIsReportedUnbalancedWithTheDifference() {
        String accountNumber = newAccount("KWD");
        String paymentId = atCounter(cash(accountNumber, "45.000", "KWD")).path("paymentId").asText();
        JsonNode before = reconciliation();
        assertThat(before.path("balanced").asBoolean()).as(before.toString()).isTrue();
        BigDecimal differenceBefore = difference(before, "KWD");

        // one fils of the payment's first allocation disappears, as a bad manual fix would make it
        String breakIt = "update allocation set amount = amount + ? where payment_id = ?::uuid and position = 1";
        assertThat(jdbc.update(breakIt, new BigDecimal("-0.001"), paymentId)).isEqualTo(1);
        try {
            JsonNode broken = reconciliation();

            assertThat(broken.path("balanced").asBoolean()).isFalse();
            assertThat(broken.path("conservation").path("unbalancedPayments").asLong())
                    .isEqualTo(before.path("conservation").path("unbalancedPayments").asLong() + 1);
            JsonNode kwd = perCurrency(broken, "KWD");
            assertThat(kwd.path("balanced").asBoolean()).isFalse();
            assertThat(difference(broken, "KWD").subtract(differenceBefore)).isEqualByComparingTo("0.001");
        } finally {
            jdbc.update(breakIt, new BigDecimal("0.001"), paymentId);
        }
        assertThat(reconciliation().path("balanced").asBoolean()).isTrue();
    }

    @Test
    void theTotalsPerChannelAndCurrencyMoveByThePaymentsMade() throws Exception {
        ensureUsdKwdRate();
        String accountNumber = newAccount("KWD");
        String otherAccount = newAccount("KWD");
        JsonNode before = reconciliation();

        // at the counter: cash posted, cash in USD posted in KWD, a cheque pending, a cheque returned, cash reversed
        atCounter(cash(accountNumber, "10.000", "KWD"));
        JsonNode usd = atCounter(cash(accountNumber, "10.00", "USD"));
        atCounter(cheque(accountNumber, "20.000", "KWD"));
        String returned = atCounter(cheque(accountNumber, "30.000", "KWD")).path("paymentId").asText();
        Answer bounced = post("/api/v1/branch/payments/" + returned + "/clearing", SUPERVISOR,
                Map.of("outcome", "RETURNED", "reason", "INSUFFICIENT_FUNDS"));
        assertThat(bounced.status()).as(bounced.body()).isEqualTo(200);
        String reversed = atCounter(cash(accountNumber, "5.000", "KWD")).path("paymentId").asText();
        Answer reversal = post("/api/v1/payments/" + reversed + "/reversal", OPS, Map.of("reason", "CHARGEBACK"), newKey());
        assertThat(reversal.status()).as(reversal.body()).isEqualTo(200);
        // a bank's file: two direct debits collected
        dropDirectDebitFile(PartnerBank.ABK, "KWD", List.of(new Collected(accountNumber, "7.000", LocalDate.parse("2026-11-27")),
                new Collected(otherAccount, "8.000", LocalDate.parse("2026-11-27"))));

        JsonNode after = reconciliation();
        BigDecimal usdPosted = new BigDecimal(usd.path("posted").path("amount").asText());
        assertThat(usdPosted).isPositive();

        assertMoved(before, after, "BRANCH", "KWD", "received", 4, "65.000");
        assertMoved(before, after, "BRANCH", "KWD", "posted", 2, new BigDecimal("10.000").add(usdPosted).toPlainString());
        assertMoved(before, after, "BRANCH", "KWD", "pending", 1, "20.000");
        assertMoved(before, after, "BRANCH", "KWD", "returned", 1, "30.000");
        assertMoved(before, after, "BRANCH", "KWD", "reversed", 1, "5.000");
        assertMoved(before, after, "BRANCH", "KWD", "failed", 0, "0.000");
        assertMoved(before, after, "BRANCH", "USD", "received", 1, "10.00");
        assertMoved(before, after, "BRANCH", "USD", "posted", 0, "0.00"); // posted in the billing currency, KWD
        assertMoved(before, after, "DIRECT_DEBIT", "KWD", "received", 2, "15.000");
        assertMoved(before, after, "DIRECT_DEBIT", "KWD", "posted", 2, "15.000");
        assertThat(after.path("balanced").asBoolean()).isTrue();
    }

    private JsonNode reconciliation() {
        return getJson("/api/v1/reconciliation", OPS);
    }

    private static JsonNode perCurrency(JsonNode reconciliation, String currency) {
        for (JsonNode check : reconciliation.path("conservation").path("perCurrency")) {
            if (check.path("currency").asText().equals(currency)) {
                return check;
            }
        }
        throw new AssertionError("no conservation check for " + currency + ": " + reconciliation);
    }

    /** Posted less what its allocations and credit-balance parts account for: zero in a sound ledger. */
    private static BigDecimal difference(JsonNode reconciliation, String currency) {
        JsonNode check = perCurrency(reconciliation, currency);
        return new BigDecimal(check.path("posted").asText()).subtract(new BigDecimal(check.path("allocated").asText()))
                .subtract(new BigDecimal(check.path("creditBalanceParts").asText()));
    }

    private static void assertMoved(JsonNode before, JsonNode after, String channel, String currency, String kind,
                                    long count, String amount) {
        JsonNode was = totals(before, channel, currency).path(kind);
        JsonNode is = totals(after, channel, currency).path(kind);
        assertThat(is.path("count").asLong() - was.path("count").asLong()).as("%s %s %s count", channel, currency, kind)
                .isEqualTo(count);
        assertThat(amount(is).subtract(amount(was)))
                .as("%s %s %s amount", channel, currency, kind).isEqualByComparingTo(amount);
    }

    private static BigDecimal amount(JsonNode total) {
        return total.path("amount").isMissingNode() ? BigDecimal.ZERO : new BigDecimal(total.path("amount").asText());
    }

    /** The totals of a channel and currency; all zero when the reconciliation has none yet. */
    private static JsonNode totals(JsonNode reconciliation, String channel, String currency) {
        for (JsonNode entry : reconciliation.path("totals")) {
            if (entry.path("channel").asText().equals(channel) && entry.path("currency").asText().equals(currency)) {
                return entry;
            }
        }
        return JSON.valueToTree(Map.of("channel", channel, "currency", currency));
    }
}
