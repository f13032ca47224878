package kw.billpay.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/** An account's billing currency cannot change while payments to it wait for clearing, a rate or KNET. */
class AccountCurrencyChangeTest extends GatewayIntegrationTest {

    @Test
    void theCurrencyCannotChangeWhileAPaymentIsPending() {
        String account = newAccount("KWD");
        Answer cheque = post("/api/v1/branch/payments", TELLER, cheque(account, "50.000", "KWD"), newKey());
        assertThat(cheque.status()).as(cheque.body()).isEqualTo(201);
        JsonNode before = getJson("/api/v1/accounts/" + account, OPS);

        Answer refused = put("/api/v1/accounts/" + account, OPS, sampleAccount("USD"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("CURRENCY_CHANGE_WITH_PENDING");
        assertThat(refused.json().path("detail").asText()).contains("1 payment");
        assertThat(getJson("/api/v1/accounts/" + account, OPS)).isEqualTo(before);
        // the same currency may still be replaced, and once nothing waits the currency may change
        assertThat(put("/api/v1/accounts/" + account, OPS, sampleAccount("KWD")).status()).isEqualTo(200);
        String chequeId = cheque.json().path("paymentId").asText();
        assertThat(post("/api/v1/branch/payments/" + chequeId + "/clearing", SUPERVISOR,
                Map.of("outcome", "RETURNED", "reason", "INSUFFICIENT_FUNDS")).status()).isEqualTo(200);
        Answer changed = put("/api/v1/accounts/" + account, OPS, sampleAccount("USD"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("currency").asText()).isEqualTo("USD");
    }
}
