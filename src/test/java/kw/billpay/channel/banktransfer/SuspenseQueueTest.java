package kw.billpay.channel.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.testkit.Camt054Builder;
import org.junit.jupiter.api.Test;

/**
 * The suspense queue (CONTRACT "Bank transfers", R27): transfers that match no account wait there, masked, each with
 * its reason; a supervisor or operations assigns one to an account (posted, the payment's history naming who) or marks
 * it to be sent back; a closed item is 409; both actions take an Idempotency-Key (a return may go without one); the
 * reconciliation counts them.
 */
class SuspenseQueueTest extends BankTransferIntegrationTest {

    private static final PartnerBank BANK = PartnerBank.BBK;

    @Test
    void anItemIsAssignedOnceAndTheAssignmentIsInThePaymentsHistory() {
        String account = newAccount("KWD");
        String run = unique();
        Camt054Builder.message("SUSP-" + run)
                .credit("SUSP-" + run + "-1", "15.111", "KWD", "2025-11-27", "for my card, thank you")
                .drop(folders.inbox(BANK), "susp-" + run + ".xml");
        awaitFile(BANK, "susp-" + run + ".xml");
        JsonNode item = openItem("SUSP-" + run + "-1");
        assertThat(item.path("reason").asText()).isEqualTo("NO_NUMBER");
        assertThat(item.path("remittance").asText()).isEqualTo("for my card, thank you");
        assertThat(item.path("debtorName").asText()).isEqualTo("Payer");
        assertThat(item.path("amount").path("amount").asText()).isEqualTo("15.111");
        assertThat(item.path("valueDate").asText()).isEqualTo("2025-11-27");
        long id = item.path("id").asLong();

        Map<String, Object> body = Map.of("accountNumber", account);
        String key = newKey();
        Answer assigned = post("/api/v1/suspense/" + id + "/assignment", SUPERVISOR, body, key);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json().path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(assigned.json().path("closedBy").asText()).isEqualTo("supervisor");
        assertThat(assigned.json().path("accountNumber").asText()).endsWith(account.substring(11)).startsWith("*");
        String paymentId = assigned.json().path("paymentId").asText();

        // the same key and body: the first answer again; the same key, another body: 409
        Answer replay = post("/api/v1/suspense/" + id + "/assignment", SUPERVISOR, body, key);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(assigned.body());
        Answer reused = post("/api/v1/suspense/" + id + "/assignment", SUPERVISOR, Map.of("accountNumber", newAccount("KWD")), key);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // closed: neither assigned again nor returned
        Answer again = post("/api/v1/suspense/" + id + "/assignment", OPS, body, newKey());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("SUSPENSE_ITEM_CLOSED");
        Answer returned = post("/api/v1/suspense/" + id + "/return", OPS, Map.of("reason", "wrong"), newKey());
        assertThat(returned.status()).isEqualTo(409);
        assertThat(returned.json().path("code").asText()).isEqualTo("SUSPENSE_ITEM_CLOSED");

        JsonNode payment = getJson("/api/v1/payments/" + paymentId, OPS);
        assertThat(payment.path("status").asText()).isEqualTo("POSTED");
        assertThat(payment.path("channel").asText()).isEqualTo("BANK_TRANSFER");
        assertThat(payment.path("posted").path("amount").asText()).isEqualTo("15.111");
        assertThat(payment.path("origin").path("assignedBy").asText()).isEqualTo("supervisor");
        assertThat(payment.path("origin").path("suspenseReason").asText()).isEqualTo("NO_NUMBER");
        List<String> history = new ArrayList<>();
        for (JsonNode event : payment.path("history")) {
            history.add(event.path("type").asText() + " by " + event.path("actor").asText());
        }
        assertThat(history).containsExactly("POSTED by supervisor", "ASSIGNED_FROM_SUSPENSE by supervisor");
        assertThat(totalOwed(account)).isEqualTo("499.889");
        assertThat(getJson("/api/v1/suspense?status=ASSIGNED&limit=1000", OPS).toString()).contains("\"id\":" + id + ",");
        assertThat(getJson("/api/v1/suspense?limit=1000", OPS).toString()).doesNotContain("\"id\":" + id + ",");
    }

    @Test
    void anItemIsReturnedToThePayerOrAssignedToAClosedAccountButNeverToAnUnknownOne() {
        String closed = newAccount("KWD");
        Map<String, Object> closing = new HashMap<>(sampleAccount("KWD"));
        closing.put("status", "CLOSED");
        assertThat(put("/api/v1/accounts/" + closed, OPS, closing).status()).isEqualTo(200);
        String unknown = randomAccountNumber();
        String run = unique();
        Camt054Builder.message("SUSR-" + run)
                .credit("SUSR-" + run + "-1", "21.000", "KWD", "2025-11-27", "card " + unknown)
                .credit("SUSR-" + run + "-2", "22.000", "KWD", "2025-11-27", "school fees 4111111111111111 and more")
                .drop(folders.inbox(BANK), "susr-" + run + ".xml");
        awaitFile(BANK, "susr-" + run + ".xml");
        JsonNode first = openItem("SUSR-" + run + "-1");
        JsonNode second = openItem("SUSR-" + run + "-2");
        assertThat(first.path("reason").asText()).isEqualTo("UNKNOWN_NUMBER");
        assertThat(first.path("remittance").asText()).isEqualTo("card ***********" + unknown.substring(11));
        assertThat(second.path("remittance").asText()).isEqualTo("school fees ************1111 and more");

        // an unknown account: refused, the item stays open
        Answer toUnknown = post("/api/v1/suspense/" + first.path("id") + "/assignment", OPS, Map.of("accountNumber", unknown), newKey());
        assertThat(toUnknown.status()).as(toUnknown.body()).isEqualTo(422);
        assertThat(toUnknown.json().path("code").asText()).isEqualTo("UNKNOWN_ACCOUNT");
        assertThat(openItem("SUSR-" + run + "-1")).isNotNull();
        // a closed account: money received is posted (R8)
        Answer toClosed = post("/api/v1/suspense/" + first.path("id") + "/assignment", OPS, Map.of("accountNumber", closed), newKey());
        assertThat(toClosed.status()).as(toClosed.body()).isEqualTo(200);
        assertThat(getJson("/api/v1/payments/" + toClosed.json().path("paymentId").asText(), OPS).path("status").asText())
                .isEqualTo("POSTED");

        String key = newKey();
        Map<String, Object> reason = Map.of("reason", "no card named; payer asked for it back");
        Answer returned = post("/api/v1/suspense/" + second.path("id") + "/return", SUPERVISOR, reason, key);
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().path("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.json().path("returnReason").asText()).isEqualTo("no card named; payer asked for it back");
        assertThat(returned.json().path("paymentId").isNull()).isTrue();
        assertThat(post("/api/v1/suspense/" + second.path("id") + "/return", SUPERVISOR, reason, key).body())
                .isEqualTo(returned.body());
        Answer againWithoutKey = post("/api/v1/suspense/" + second.path("id") + "/return", SUPERVISOR, reason);
        assertThat(againWithoutKey.status()).as("returning a closed item, no key to replay").isEqualTo(409);
        assertThat(againWithoutKey.json().path("code").asText()).isEqualTo("SUSPENSE_ITEM_CLOSED");
        Answer assignReturned = post("/api/v1/suspense/" + second.path("id") + "/assignment", SUPERVISOR,
                Map.of("accountNumber", closed), newKey());
        assertThat(assignReturned.status()).isEqualTo(409);
        assertThat(assignReturned.json().path("code").asText()).isEqualTo("SUSPENSE_ITEM_CLOSED");

        // received and never posted: counted by the reconciliation, which still balances (R24, R27)
        JsonNode reconciliation = getJson("/api/v1/reconciliation", OPS);
        assertThat(reconciliation.path("balanced").asBoolean()).isTrue();
        JsonNode row = null;
        for (JsonNode total : reconciliation.path("totals")) {
            if (total.path("channel").asText().equals("BANK_TRANSFER") && total.path("currency").asText().equals("KWD")) {
                row = total;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("returned").path("count").asLong()).isPositive();
    }

    @Test
    void onlySupervisorsAndOperationsSeeAndActOnTheQueue() {
        assertThat(get("/api/v1/suspense", TELLER).status()).isEqualTo(403);
        assertThat(get("/api/v1/suspense", null).status()).isEqualTo(401);
        assertThat(get("/api/v1/suspense", OPS).status()).isEqualTo(200);
        assertThat(post("/api/v1/suspense/1/assignment", TELLER, Map.of("accountNumber", "376612345678901"), newKey()).status())
                .isEqualTo(403);
        assertThat(get("/api/v1/bank-transfers/files", SUPERVISOR).status()).isEqualTo(403);
        Answer noKey = post("/api/v1/suspense/1/assignment", SUPERVISOR, Map.of("accountNumber", "376612345678901"));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
        Answer unknownItem = post("/api/v1/suspense/999999999/return", SUPERVISOR, Map.of("reason", "x"), newKey());
        assertThat(unknownItem.status()).isEqualTo(404);
        assertThat(post("/api/v1/suspense/999999999/return", SUPERVISOR, Map.of("reason", "x")).status())
                .as("the contract asks no key of a return").isEqualTo(404);
        assertThat(get("/api/v1/suspense?status=LOST", OPS).status()).isEqualTo(400);
    }

    /** The open item of this bank reference, as the list shows it (the contract's fields only). */
    private JsonNode openItem(String reference) {
        Long id = jdbc.queryForObject("select id from bank_transfer where bank = ? and bank_reference = ? and kind = 'TRANSFER'",
                Long.class, BANK.name(), reference);
        for (JsonNode item : getJson("/api/v1/suspense?limit=1000&after=" + (id - 1), SUPERVISOR)) {
            if (item.path("id").asLong() == id) {
                assertThat(item.size()).isEqualTo(8);
                assertThat(item.path("bank").asText()).isEqualTo(BANK.name());
                assertThat(item.path("status").asText()).isEqualTo("OPEN");
                return item;
            }
        }
        throw new AssertionError("no open suspense item for " + reference);
    }
}
