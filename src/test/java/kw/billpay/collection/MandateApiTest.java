package kw.billpay.collection;

import static kw.billpay.testkit.MandateBuilder.aMandate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PUT and GET of mandates, their history, and bad input that changes nothing (CONTRACT). */
class MandateApiTest extends CollectionSupport {

    @Test
    void aMandateIsCreatedReplacedAndEveryChangeIsKept() {
        String account = newAccount("KWD");
        String ref = ref("API");
        Answer created = put("/api/v1/mandates/" + ref, OPS, aMandate(account).build());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("accountNumber").asText()).isEqualTo("***********" + account.substring(11));
        assertThat(created.json().path("debtorAccount").asText()).isEqualTo("KW81CBKU0000000000001234560101");
        assertThat(created.json().path("status").asText()).isEqualTo("ACTIVE");

        // the same terms again change nothing, and add nothing to the history
        assertThat(put("/api/v1/mandates/" + ref, OPS, aMandate(account).build()).status()).isEqualTo(200);
        Answer replaced = put("/api/v1/mandates/" + ref, OPS, aMandate(account).bank("KFH").type("FULL").build());
        assertThat(replaced.status()).isEqualTo(200);

        JsonNode mandate = mandate(ref);
        assertThat(mandate.path("bank").asText()).isEqualTo("KFH");
        assertThat(mandate.path("type").asText()).isEqualTo("FULL");
        JsonNode history = mandate.path("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("change").asText()).isEqualTo("CREATED");
        assertThat(history.get(0).path("actor").asText()).isEqualTo("ops");
        assertThat(history.get(0).path("before").isNull()).isTrue();
        assertThat(history.get(1).path("change").asText()).isEqualTo("REPLACED");
        assertThat(history.get(1).path("before").path("bank").asText()).isEqualTo("NBK");
        assertThat(history.get(1).path("after").path("bank").asText()).isEqualTo("KFH");
        assertThat(history.get(1).path("after").path("type").asText()).isEqualTo("FULL");
        assertThat(history.get(1).path("changedAt").asText()).endsWith("+03:00");

        JsonNode ofAccount = getJson("/api/v1/accounts/" + account + "/mandates", TELLER);
        assertThat(ofAccount).hasSize(1);
        assertThat(ofAccount.get(0).path("mandateRef").asText()).isEqualTo(ref);
        assertThat(ofAccount.toString()).doesNotContain(account);
    }

    @Test
    void badInputIsA4xxProblemThatChangesNothing() {
        String account = newAccount("KWD");
        String ref = ref("BAD");
        assertRefused(ref, aMandate(account).debtorAccount("KW82CBKU0000000000001234560101").build(), 422, "INVALID_IBAN");
        assertRefused(ref, aMandate(account).debtorAccount("GB82WEST12345698765432").build(), 422, "INVALID_IBAN");
        assertRefused(ref, aMandate(account).bank("HSBC").build(), 422, "UNKNOWN_BANK");
        assertRefused(ref, aMandate("376600000000000").build(), 422, "UNKNOWN_ACCOUNT");
        assertRefused(ref, aMandate("12ab").build(), 400, "VALIDATION_FAILED");
        assertRefused(ref, aMandate(account).type("FIVE_PERCENT").build(), 400, "VALIDATION_FAILED");
        assertRefused(ref, aMandate(account).status("SUSPENDED").build(), 400, "VALIDATION_FAILED");
        Map<String, Object> noIban = new HashMap<>(aMandate(account).build());
        noIban.remove("debtorAccount");
        assertRefused(ref, noIban, 400, "VALIDATION_FAILED");
        assertRefused("has,comma", aMandate(account).build(), 400, "VALIDATION_FAILED");
        assertThat(get("/api/v1/mandates/" + ref, OPS).status()).isEqualTo(404);

        // an existing mandate refused a change keeps its terms and its history
        putMandate(ref, aMandate(account));
        assertRefused(ref, aMandate(account).type("HALF").build(), 400, "VALIDATION_FAILED");
        assertRefused(ref, aMandate(account).debtorAccount("KW81CBKU0000000000001234560102").build(), 422, "INVALID_IBAN");
        assertThat(mandate(ref).path("type").asText()).isEqualTo("MINIMUM");
        assertThat(mandate(ref).path("history")).hasSize(1);

        // two active mandates on one account would collect its bill twice
        Answer second = put("/api/v1/mandates/" + ref("SECOND"), OPS, aMandate(account).bank("GBK").build());
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().path("code").asText()).isEqualTo("ACCOUNT_HAS_ACTIVE_MANDATE");
        assertThat(getJson("/api/v1/accounts/" + account + "/mandates", OPS)).hasSize(1);
    }

    @Test
    void onlyOpsPutsMandatesAndStaffReadThem() {
        String account = newAccount("KWD");
        String ref = ref("SEC");
        assertThat(put("/api/v1/mandates/" + ref, TELLER, aMandate(account).build()).status()).isEqualTo(403);
        assertThat(put("/api/v1/mandates/" + ref, null, aMandate(account).build()).status()).isEqualTo(401);
        assertThat(put("/api/v1/mandates/" + ref, ONLINE_KEY, aMandate(account).build()).status()).isEqualTo(403);
        putMandate(ref, aMandate(account));
        assertThat(get("/api/v1/mandates/" + ref, SUPERVISOR).status()).isEqualTo(200);
        assertThat(get("/api/v1/mandates/" + ref, ONLINE_KEY).status()).isEqualTo(403);
        assertThat(post(RUNS, TELLER, Map.of("date", "2031-09-27")).status()).isEqualTo(403);
        assertThat(get(RUNS, SUPERVISOR).status()).isEqualTo(403);
    }

    private void assertRefused(String ref, Map<String, Object> body, int status, String code) {
        Answer answer = put("/api/v1/mandates/" + ref, OPS, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("code").asText()).as(answer.body()).isEqualTo(code);
    }
}
