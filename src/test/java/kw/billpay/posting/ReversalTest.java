package kw.billpay.posting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT "Reversals": a reversal takes an Idempotency-Key (the same key answers the same again), a second reversal is
 * 409 ALREADY_REVERSED, and it cancels the payment's refund-due record, which GET /api/v1/refunds-due then no longer
 * lists.
 */
class ReversalTest extends GatewayIntegrationTest {

    @Test
    void aReversalIsIdempotentRefusedTwiceAndCancelsTheRefundDue() {
        ensureUsdKwdRate(); // threshold 50,000.00 USD × 0.305 = 15,250.000 KWD
        String account = newAccount("KWD");
        JsonNode before = getJson("/api/v1/accounts/" + account, OPS);
        String paymentId = post("/api/v1/branch/payments", TELLER, cash(account, "20000.000", "KWD"), newKey())
                .json().path("paymentId").asText();
        JsonNode due = refundDueOf(paymentId);
        assertThat(due).as("listed as due").isNotNull();
        assertThat(due.path("amount").path("amount").asText()).isEqualTo("4235.000");
        assertThat(due.path("amount").path("currency").asText()).isEqualTo("KWD");
        assertThat(due.path("accountNumber").asText()).isEqualTo("*".repeat(11) + account.substring(11));

        String key = newKey();
        Answer reversed = post("/api/v1/payments/" + paymentId + "/reversal", OPS, Map.of("reason", "CHARGEBACK"), key);
        Answer sameKey = post("/api/v1/payments/" + paymentId + "/reversal", OPS, Map.of("reason", "CHARGEBACK"), key);
        Answer otherKey = post("/api/v1/payments/" + paymentId + "/reversal", OPS, Map.of("reason", "CHARGEBACK"), newKey());
        Answer noKey = send("POST", "/api/v1/payments/" + paymentId + "/reversal", OPS, Map.of("reason", "CHARGEBACK"), Map.of());

        assertThat(reversed.status()).as(reversed.body()).isEqualTo(200);
        assertThat(reversed.json().path("status").asText()).isEqualTo("REVERSED");
        assertThat(sameKey.status()).isEqualTo(200);
        assertThat(sameKey.body()).isEqualTo(reversed.body());
        assertThat(otherKey.status()).isEqualTo(409);
        assertThat(otherKey.json().path("code").asText()).isEqualTo("ALREADY_REVERSED");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
        assertThat(getJson("/api/v1/payments/" + paymentId, OPS).path("history"))
                .extracting(e -> e.path("type").asText()).containsExactly("POSTED", "REVERSED");
        assertThat(getJson("/api/v1/accounts/" + account, OPS)).isEqualTo(before);
        assertThat(refundDueOf(paymentId)).as("no longer due").isNull();
        assertThat(jdbc.queryForObject("select count(*) from refund_due where payment_id = ?::uuid and cancelled_at is not null",
                Integer.class, paymentId)).isEqualTo(1);
    }

    /**
     * R13 with R23, the contract's "cancels the payment's share of any refund-due record": the credit a reversed payment
     * made was part of the excess that later payments' refund-due records hold back, so those records are cut, the
     * newest first, to what is still above the threshold, each with a REFUND_DUE_CUT entry in its payment's history.
     */
    @Test
    void aReversalCutsTheOtherRefundsDueToWhatIsStillAboveTheThreshold() {
        ensureUsdKwdRate(); // threshold 15,250.000 KWD
        String account = newAccount("KWD"); // owes 515.000
        String first = postedCash(account, "1515.000"); // leaves a credit of 1,000.000
        String second = postedCash(account, "18000.000"); // credit 19,000.000: 3,750.000 above the threshold
        String third = postedCash(account, "500.000"); // credit 19,500.000: 500.000 more above
        assertThat(refundDueOf(second).path("amount").path("amount").asText()).isEqualTo("3750.000");
        assertThat(refundDueOf(third).path("amount").path("amount").asText()).isEqualTo("500.000");

        Answer reversed = post("/api/v1/payments/" + first + "/reversal", OPS, Map.of("reason", "CHARGEBACK"), newKey());

        assertThat(reversed.status()).as(reversed.body()).isEqualTo(200);
        assertThat(getJson("/api/v1/accounts/" + account, OPS).path("creditBalance").asText()).isEqualTo("18500.000");
        assertThat(refundDueOf(third)).as("the newest is cut first, here to nothing").isNull();
        assertThat(refundDueOf(second).path("amount").path("amount").asText()).as("18,500 - 15,250").isEqualTo("3250.000");
        assertThat(cutOf(third)).containsExactly("500.000", "0.000");
        assertThat(cutOf(second)).containsExactly("3750.000", "3250.000");

        post("/api/v1/payments/" + second + "/reversal", OPS, Map.of("reason", "CHARGEBACK"), newKey());
        assertThat(refundDueOf(second)).as("a reversed payment's own record is cancelled").isNull();
        assertThat(getJson("/api/v1/accounts/" + account, OPS).path("creditBalance").asText()).isEqualTo("500.000");
    }

    private String postedCash(String account, String amount) {
        Answer posted = post("/api/v1/branch/payments", TELLER, cash(account, amount, "KWD"), newKey());
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.json().path("paymentId").asText();
    }

    /** The payment's REFUND_DUE_CUT history entry: from and to. */
    private List<String> cutOf(String paymentId) {
        JsonNode cut = null;
        for (JsonNode entry : getJson("/api/v1/payments/" + paymentId, OPS).path("history")) {
            if (entry.path("type").asText().equals("REFUND_DUE_CUT")) {
                assertThat(cut).as("one cut").isNull();
                cut = entry.path("detail");
            }
        }
        assertThat(cut).as("a REFUND_DUE_CUT entry").isNotNull();
        return List.of(cut.path("from").asText(), cut.path("to").asText());
    }

    @Test
    void refundsDueAreForOperationsWithABoundedLimit() {
        assertThat(get("/api/v1/refunds-due", TELLER).status()).isEqualTo(403);
        assertThat(get("/api/v1/refunds-due", SUPERVISOR).status()).isEqualTo(403);
        assertThat(get("/api/v1/refunds-due?limit=0", OPS).status()).isEqualTo(400);
        assertThat(get("/api/v1/refunds-due?limit=1001", OPS).status()).isEqualTo(400);
        assertThat(get("/api/v1/refunds-due?limit=1", OPS).json().size()).isLessThanOrEqualTo(1);
    }

    /** The open refund-due record of a payment, as GET /api/v1/refunds-due lists it; null when none is open. */
    private JsonNode refundDueOf(String paymentId) {
        List<JsonNode> open = new ArrayList<>();
        getJson("/api/v1/refunds-due?limit=1000", OPS).forEach(open::add);
        return open.stream().filter(r -> r.path("paymentId").asText().equals(paymentId)).findFirst().orElse(null);
    }
}
