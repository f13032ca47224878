package kw.billpay.channel.branch;

import static org.assertj.core.api.Assertions.assertThat;

import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

class BranchSmokeTest extends GatewayIntegrationTest {

    @Test
    void cashIsPostedAtOnce() {
        String account = newAccount("KWD");
        Answer answer = post("/api/v1/branch/payments", TELLER, cash(account, "10.000", "KWD"), newKey());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("status").asText()).isEqualTo("POSTED");
    }
}
