package kw.billpay.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.testkit.OnlinePaymentJson;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN R8 for a CLOSED account: money already received is never refused. A direct debit the bank collected, a
 * cheque that cleared after the account closed and a payment KNET captured after it closed are each posted, and
 * flagged ACCOUNT_CLOSED for review; a payment the payer can still take back is refused ACCOUNT_NOT_OPEN.
 */
class ClosedAccountTest extends BehaviourTest {

    @Test
    void aDirectDebitCollectedForAClosedAccountIsPostedAndFlagged() throws Exception {
        String accountNumber = newAccount("KWD");
        close(accountNumber);

        List<String> ack = dropDirectDebitFile(PartnerBank.BURGAN, "KWD",
                List.of(new Collected(accountNumber, "25.000", java.time.LocalDate.parse("2026-11-27"))));

        JsonNode posted = payment(postedId(ack, 1));
        // its mandate is none the gateway asked to collect: that is flagged too (CONTRACT "Direct-debit mandates")
        assertPostedAndFlagged(posted, accountNumber, "25.000", "490.000", "ACCOUNT_CLOSED", "UNEXPECTED_COLLECTION");
    }

    @Test
    void aChequeThatClearsAfterTheAccountClosedIsPostedAndFlagged() {
        String accountNumber = newAccount("KWD");
        JsonNode cheque = atCounter(cheque(accountNumber, "40.000", "KWD"));
        assertThat(cheque.path("status").asText()).isEqualTo("PENDING_CLEARING");
        close(accountNumber);

        clear(cheque.path("paymentId").asText());

        assertPostedAndFlagged(payment(cheque.path("paymentId").asText()), accountNumber, "40.000", "475.000", "ACCOUNT_CLOSED");
    }

    @Test
    void aKnetCaptureForAnAccountClosedMeanwhileIsPostedAndFlagged() throws Exception {
        String accountNumber = newAccount("KWD");
        Started started = startOnline(accountNumber, "30.000");
        close(accountNumber);

        payOnKnet(started);

        assertPostedAndFlagged(awaitStatus(started.paymentId(), "POSTED"), accountNumber, "30.000", "485.000", "ACCOUNT_CLOSED");
    }

    @Test
    void whatThePayerCanStillTakeBackIsRefused() {
        String accountNumber = newAccount("KWD");
        close(accountNumber);

        Answer cash = post("/api/v1/branch/payments", TELLER, cash(accountNumber, "10.000", "KWD"), newKey());
        Answer online = post("/api/v1/online/payments", ONLINE_KEY,
                OnlinePaymentJson.of(accountNumber, "10.000", "KWD").json(), newKey());

        assertThat(cash.status()).isEqualTo(422);
        assertThat(cash.json().path("code").asText()).isEqualTo("ACCOUNT_NOT_OPEN");
        assertThat(online.status()).isEqualTo(422);
        assertThat(online.json().path("code").asText()).isEqualTo("ACCOUNT_NOT_OPEN");
        assertThat(getJson("/api/v1/accounts/" + accountNumber + "/payments", OPS)).isEmpty();
    }

    private void assertPostedAndFlagged(JsonNode payment, String accountNumber, String amount, String totalOwedAfter,
                                        String... flags) {
        assertThat(payment.path("status").asText()).as(payment.toString()).isEqualTo("POSTED");
        assertThat(payment.path("posted").path("amount").asText()).isEqualTo(amount);
        assertThat(flags(payment)).containsExactlyInAnyOrder(flags);
        JsonNode account = account(accountNumber);
        assertThat(account.path("status").asText()).isEqualTo("CLOSED");
        assertThat(account.path("totalOwed").asText()).isEqualTo(totalOwedAfter);
    }

    /** The card system closes the account: the same statement, status CLOSED. */
    private void close(String accountNumber) {
        Map<String, Object> closed = new HashMap<>(sampleAccount("KWD"));
        closed.put("status", "CLOSED");
        Answer answer = put("/api/v1/accounts/" + accountNumber, OPS, closed);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
