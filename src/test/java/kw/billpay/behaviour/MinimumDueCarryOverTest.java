package kw.billpay.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The minimum due the gateway computes when a statement leaves it out (DOMAIN R15, R16), over two successive
 * statements through the accounts API: the first one's minimum holds the amount over the credit limit, and what was
 * not paid of it is carried into the second one's.
 */
class MinimumDueCarryOverTest extends BehaviourTest {

    @Test
    void theSecondStatementsMinimumCarriesTheFirstsUnpaidMinimumAndTheAmountOverTheLimit() {
        String accountNumber = randomAccountNumber();

        // Statement of 25 September: 1200.000 billed on a 1000.000 limit.
        // R15: 5% of 1200.000 = 60.000 (above the 15.000 floor), plus 200.000 over the limit = 260.000.
        JsonNode first = putStatement(accountNumber, "2026-09-25", "2026-10-20", "200.000", "1000.000");
        assertThat(first.path("statement").path("minimumDueComputed").asBoolean()).isTrue();
        assertThat(first.path("statement").path("minimumDue").asText()).isEqualTo("260.000");

        // 100.000 paid at the counter on 5 October, between the two statements.
        clock.travelTo(OffsetDateTime.parse("2026-10-05T10:00:00+03:00").toInstant());
        atCounter(cash(accountNumber, "100.000", "KWD"));
        clock.reset();
        JsonNode afterPayment = account(accountNumber).path("statement");
        assertThat(afterPayment.path("paidSinceStatement").asText()).isEqualTo("100.000");
        assertThat(afterPayment.path("minimumDueRemaining").asText()).isEqualTo("160.000");

        // Statement of 25 October: 1100.000 billed, 100.000 of it over the limit.
        // 5% of 1100.000 = 55.000, plus 100.000 over the limit, plus R16's 160.000 left unpaid = 315.000.
        JsonNode second = putStatement(accountNumber, "2026-10-25", "2026-11-19", "100.000", "1000.000");
        assertThat(second.path("statement").path("minimumDue").asText()).isEqualTo("315.000");
        assertThat(second.path("statement").path("paidSinceStatement").asText()).isEqualTo("0.000");
        assertThat(second.path("statement").path("minimumDueRemaining").asText()).isEqualTo("315.000");
        assertThat(account(accountNumber).path("statement").path("minimumDue").asText()).isEqualTo("315.000");
    }

    @Test
    void aMinimumPaidInFullCarriesNothingAndAStatementWithinTheLimitHasNoOverLimitPart() {
        String accountNumber = randomAccountNumber();
        // 800.000 billed on a 1000.000 limit: 5% = 40.000, nothing over the limit
        JsonNode first = putStatement(accountNumber, "2026-09-25", "2026-10-20", "100.000", "700.000");
        assertThat(first.path("statement").path("minimumDue").asText()).isEqualTo("40.000");

        clock.travelTo(OffsetDateTime.parse("2026-10-05T10:00:00+03:00").toInstant());
        atCounter(cash(accountNumber, "40.000", "KWD"));
        clock.reset();

        JsonNode second = putStatement(accountNumber, "2026-10-25", "2026-11-19", "60.000", "700.000");
        assertThat(second.path("statement").path("minimumDue").asText()).isEqualTo("38.000"); // 5% of 760.000
    }

    /** A KWD credit card on a 1000.000 limit whose statement leaves the minimum due for the gateway to compute. */
    private JsonNode putStatement(String accountNumber, String statementDate, String dueDate, String previousPurchases,
                                  String currentPurchases) {
        Map<String, Object> body = Map.of(
                "issuer", "amex-kw", "holderName", "Carry Over", "currency", "KWD", "product", "CREDIT",
                "creditLimit", "1000.000", "status", "OPEN",
                "statement", Map.of("statementDate", statementDate, "dueDate", dueDate,
                        "buckets", Map.of("PREVIOUS_PURCHASES", previousPurchases, "CURRENT_PURCHASES", currentPurchases)),
                "unbilled", "0.000");
        Answer answer = put("/api/v1/accounts/" + accountNumber, OPS, body);
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        return answer.json();
    }
}
