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
