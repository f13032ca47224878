package kw.billpay.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.knetsim.KnetSimulator;
import kw.billpay.testkit.BranchPaymentJson;
import org.assertj.core.api.AbstractInstantAssert;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every branch method from the teller's request to POSTED (DOMAIN R19, R20), each channel's value time (R18: the
 * teller's posting time for cash and POS, the clearing time for cheques and drafts, the collection date for a direct
 * debit, the capture for KNET) and the history that says where a payment came from and who took it (R25: teller,
 * institution and branch; bank, file and line; KNET's payment id).
 */
class ValueTimeAndHistoryTest extends BehaviourTest {

    @Autowired
    KnetSimulator knet;

    @Test
    void cashAndPosCountWhenTheTellerTakesThem() {
        String accountNumber = newAccount("KWD");
        Instant before = clock.instant();
        JsonNode cash = atCounter(cash(accountNumber, "10.000", "KWD"));
        JsonNode card = atCounter(BranchPaymentJson.pos(accountNumber, "20.000", "KWD", "POS-778899").json());
        Instant after = clock.instant();

        for (JsonNode taken : List.of(cash, card)) {
            assertThat(taken.path("status").asText()).isEqualTo("POSTED");
            JsonNode stored = payment(taken.path("paymentId").asText());
            assertThat(stored.path("status").asText()).isEqualTo("POSTED");
            assertValueTime(stored).isBetween(before, after);
            assertThat(stored.path("receiptNumber").asText()).isNotBlank();
        }
        for (JsonNode taken : List.of(cash, card)) {
            JsonNode origin = payment(taken.path("paymentId").asText()).path("origin");
            assertThat(origin.path("teller").asText()).isEqualTo("teller");
            assertThat(origin.path("institution").asText()).isEqualTo("AMEX"); // the demo teller's own counter
            assertThat(origin.path("branch").asText()).isEqualTo("SALHIYA");
        }
        JsonNode storedPos = payment(card.path("paymentId").asText());
        assertThat(storedPos.path("method").asText()).isEqualTo("POS_KNET");
        assertThat(storedPos.path("origin").path("posReference").asText()).isEqualTo("POS-778899");
        assertThat(account(accountNumber).path("totalOwed").asText()).isEqualTo("485.000");
    }

    @Test
    void chequesAndDraftsCountWhenTheyClearNotWhenTheyAreTaken() {
        String accountNumber = newAccount("KWD");
        String draftNumber = "DD" + System.nanoTime(); // an instrument is taken once
        Map<String, Object> draft = BranchPaymentJson.demandDraft(accountNumber, "60.000", "KWD").instrument(draftNumber, "KFH").json();
        Map<String, Object> chequeRequest = cheque(accountNumber, "50.000", "KWD");
        JsonNode takenCheque = atCounter(chequeRequest);
        JsonNode takenDraft = atCounter(draft);
        for (JsonNode taken : List.of(takenCheque, takenDraft)) {
            assertThat(taken.path("status").asText()).isEqualTo("PENDING_CLEARING");
            assertThat(taken.path("allocations")).isEmpty();
        }
        assertThat(account(accountNumber).path("totalOwed").asText()).isEqualTo("515.000");

        // two days later the supervisor records both as cleared
        clock.travelTo(clock.instant().plus(Duration.ofDays(2)));
        Instant before = clock.instant();
        clear(takenCheque.path("paymentId").asText());
        clear(takenDraft.path("paymentId").asText());
        Instant after = clock.instant();

        JsonNode cheque = payment(takenCheque.path("paymentId").asText());
        JsonNode demandDraft = payment(takenDraft.path("paymentId").asText());
        for (JsonNode cleared : List.of(cheque, demandDraft)) {
            assertThat(cleared.path("status").asText()).isEqualTo("POSTED");
            assertValueTime(cleared).isBetween(before, after);
            assertThat(OffsetDateTime.parse(cleared.path("receivedAt").asText()).toInstant())
                    .isBefore(before.minus(Duration.ofDays(1)));
            assertThat(types(cleared)).containsSubsequence("RECEIVED", "CLEARED", "POSTED");
            assertThat(cleared.path("origin").path("teller").asText()).isEqualTo("teller");
            assertThat(cleared.path("origin").path("institution").asText()).isEqualTo("AMEX");
            assertThat(cleared.path("origin").path("branch").asText()).isEqualTo("SALHIYA");
        }
        assertThat(demandDraft.path("method").asText()).isEqualTo("DEMAND_DRAFT");
        assertThat(demandDraft.path("origin").path("chequeNumber").asText()).isEqualTo(draftNumber);
        assertThat(demandDraft.path("origin").path("chequeBank").asText()).isEqualTo("KFH");
        assertThat(cheque.path("origin").path("chequeNumber").asText())
                .isEqualTo(((Map<?, ?>) chequeRequest.get("cheque")).get("number"));
        assertThat(allocations(demandDraft)).isNotEmpty();
        assertThat(account(accountNumber).path("totalOwed").asText()).isEqualTo("405.000");
    }

    @Test
    void aDirectDebitCountsOnItsCollectionDateAndNamesItsBankFileAndLine() throws Exception {
        String accountNumber = newAccount("KWD");
        String other = newAccount("KWD");

        List<String> ack = dropDirectDebitFile(PartnerBank.KIB, "KWD", List.of(
                new Collected(other, "5.000", LocalDate.parse("2026-11-27")),
                new Collected(accountNumber, "12.500", LocalDate.parse("2026-11-28"))));

        JsonNode collected = payment(postedId(ack, 2));
        assertThat(collected.path("channel").asText()).isEqualTo("DIRECT_DEBIT");
        assertThat(OffsetDateTime.parse(collected.path("valueTime").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-11-28T00:00:00+03:00"));
        JsonNode origin = collected.path("origin");
        String fileId = ack.get(0).split(",")[2];
        assertThat(origin.path("bank").asText()).isEqualTo("KIB");
        assertThat(origin.path("fileId").asText()).isEqualTo(fileId);
        assertThat(origin.path("file").asText()).isEqualTo(fileId + ".csv");
        assertThat(origin.path("seq").asText()).isEqualTo("2");
        assertThat(origin.path("line").asText()).isEqualTo("3"); // H, the first D, then this one
        assertThat(collected.path("reference").asText()).isEqualTo("MND-2");
    }

    @Test
    void aKnetPaymentCountsWhenTheCaptureIsSeenAndKeepsKnetsPaymentId() throws Exception {
        String accountNumber = newAccount("KWD");
        Started started = startOnline(accountNumber, "15.000");

        payOnKnet(started);

        JsonNode posted = awaitStatus(started.paymentId(), "POSTED");
        String knetPaymentId = knet.transaction(started.trackId()).orElseThrow().paymentId();
        assertThat(posted.path("reference").asText()).isEqualTo(started.trackId());
        assertThat(posted.path("history")).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("KNET_CALLBACK");
            assertThat(e.path("detail").path("knetPaymentId").asText()).isEqualTo(knetPaymentId);
        });
        assertThat(posted.path("history")).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("CAPTURED");
            assertThat(e.path("detail").path("payid").asText()).isEqualTo(knetPaymentId);
        });
        // the capture is seen when KNET's callback arrives: that is the value time
        OffsetDateTime callbackArrived = jdbc.queryForObject("select received_at from knet_callback where track_id = ?",
                OffsetDateTime.class, started.trackId());
        assertThat(OffsetDateTime.parse(posted.path("valueTime").asText()).toInstant()).isEqualTo(callbackArrived.toInstant());
    }

    private static AbstractInstantAssert<?> assertValueTime(JsonNode payment) {
        return assertThat(OffsetDateTime.parse(payment.path("valueTime").asText()).toInstant());
    }
}
