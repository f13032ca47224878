package kw.billpay.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kw.billpay.channel.directdebit.DirectDebitProperties;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.support.GatewayIntegrationTest;
import kw.billpay.testkit.ResultFileBuilder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R13 with a rate that came late: the refund threshold is in USD, so a KWD account's check needs a USD-KWD rate at the
 * payment's value time. A collection posted without one is checked when the rate arrives (PUT /api/v1/fx-rates).
 *
 * <p>Dated March 2025, and February 2025: no other test of the shared database has a USD-KWD rate in force then (theirs
 * start in November 2025 or later; the USD fixture held for a rate is dated November 2024), and the rates stored here do
 * not reach theirs. The February test runs second: its rate, from 2025-02-01, would decide the March one's check.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PendingRefundCheckTest extends GatewayIntegrationTest {

    @Autowired
    DirectDebitProperties folders;

    @Test
    @Order(1)
    void aRefundCheckSkippedForWantOfARateIsDoneWhenTheRateArrives() throws IOException {
        String account = newAccount("KWD");
        String paymentId = collect(account, "20000.000", "20250310");
        JsonNode posted = getJson("/api/v1/payments/" + paymentId, OPS);
        assertThat(posted.path("status").asText()).isEqualTo("POSTED");
        assertThat(posted.path("creditBalancePart").asText()).isEqualTo("19485.000");
        assertThat(posted.path("flags").toString()).doesNotContain("REFUND_DUE");
        assertThat(refundDueOf(paymentId)).isNull();

        // a rate that starts after the payment's value time does not decide it
        assertThat(putRate("0.310000", "2025-03-20T00:00:00+03:00").status()).isEqualTo(200);
        assertThat(refundDueOf(paymentId)).isNull();

        // one in force at its value time does: 50,000.00 USD × 0.305 = 15,250.000 KWD; 19,485.000 − 15,250.000 is due
        assertThat(putRate("0.305000", "2025-03-01T00:00:00+03:00").status()).isEqualTo(200);
        JsonNode due = refundDueOf(paymentId);
        assertThat(due).isNotNull();
        assertThat(due.path("amount").path("amount").asText()).isEqualTo("4235.000");
        JsonNode checked = getJson("/api/v1/payments/" + paymentId, OPS);
        assertThat(checked.path("flags").toString()).contains("REFUND_DUE");
        assertThat(checked.path("history")).extracting(e -> e.path("type").asText()).containsExactly("POSTED", "REFUND_DUE");

        // done once: another rate changes nothing
        assertThat(putRate("0.305000", "2025-03-02T00:00:00+03:00").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from refund_due where payment_id = ?::uuid", Integer.class, paymentId)).isEqualTo(1);
    }

    /**
     * R13 with R23: the second payment's excess stood on credit the first one made; the first is reversed before the
     * rate arrives, so when the second's check is made nothing of the account's credit is above the threshold any more.
     */
    @Test
    @Order(2)
    void aCheckMadeLateCountsOnlyTheCreditStillThere() throws IOException {
        String account = newAccount("KWD");
        String first = collect(account, "10515.000", "20250210"); // leaves a credit of 10,000.000
        String second = collect(account, "10000.000", "20250211"); // 20,000.000: 4,750.000 above 15,250.000
        Answer reversed = post("/api/v1/payments/" + first + "/reversal", OPS, Map.of("reason", "DIRECT_DEBIT_RETURNED"), newKey());
        assertThat(reversed.status()).as(reversed.body()).isEqualTo(200);
        assertThat(getJson("/api/v1/accounts/" + account, OPS).path("creditBalance").asText()).isEqualTo("10000.000");

        assertThat(putRate("0.305000", "2025-02-01T00:00:00+03:00").status()).isEqualTo(200);

        assertThat(refundDueOf(second)).as("10,000.000 of credit is not above the threshold").isNull();
        assertThat(getJson("/api/v1/payments/" + second, OPS).path("flags").toString()).doesNotContain("REFUND_DUE");
        assertThat(jdbc.queryForObject("select count(*) from refund_check_pending where payment_id in (?::uuid, ?::uuid)",
                Integer.class, first, second)).as("both checks done").isZero();
    }

    private Answer putRate(String rate, String effectiveAt) {
        return put("/api/v1/fx-rates", OPS, Map.of("rates", List.of(Map.of(
                "from", "USD", "to", "KWD", "rate", rate, "effectiveAt", effectiveAt))));
    }

    /** A KWD collection from NBK's result file, posted with its collection date as value time; its payment id. */
    private String collect(String account, String amount, String collectionDate) throws IOException {
        String fileId = "IT-REFUND-CHECK-" + UUID.randomUUID();
        String name = fileId + ".csv";
        ResultFileBuilder.file("NBK", fileId).created("20250310").collected(account, "M-1", amount, collectionDate)
                .drop(folders.inbox(PartnerBank.NBK), name);
        Path ack = folders.outbox(PartnerBank.NBK).resolve(name + ".ack.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(ack));
        String record = Files.readAllLines(ack, StandardCharsets.UTF_8).get(1);
        assertThat(record).startsWith("R,1,POSTED,");
        return record.substring("R,1,POSTED,".length());
    }

    private JsonNode refundDueOf(String paymentId) {
        List<JsonNode> open = new ArrayList<>();
        getJson("/api/v1/refunds-due?limit=1000", OPS).forEach(open::add);
        return open.stream().filter(r -> r.path("paymentId").asText().equals(paymentId)).findFirst().orElse(null);
    }
}
