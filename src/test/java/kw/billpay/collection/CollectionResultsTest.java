package kw.billpay.collection;

import static kw.billpay.testkit.MandateBuilder.aMandate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Results dropped back by the banks, matched to their requests in the result batch's transaction: the three things
 * users complain of most (a wrong re-presentation, a duplicate collection, a collection accepted and never posted).
 */
@ExtendWith(OutputCaptureExtension.class)
class CollectionResultsTest extends CollectionSupport {

    @Test
    void the28thPresentsAgainOnlyWhatThe27thDidNotCollectAndOnlyForAReasonThatAllowsIt() throws IOException {
        String collected = ref("COLL");
        String insufficient = ref("AM04");
        String closed = ref("AC04");
        String noResult = ref("NONE");
        String other = ref("MS03");
        String collectedAccount = newAccount("KWD");
        String insufficientAccount = newAccount("KWD");
        String closedAccount = newAccount("KWD");
        String otherAccount = newAccount("KWD");
        putMandate(collected, aMandate(collectedAccount).bank("KFH"));
        putMandate(insufficient, aMandate(insufficientAccount).bank("KFH"));
        putMandate(closed, aMandate(closedAccount).bank("KFH"));
        putMandate(noResult, aMandate(newAccount("KWD")).bank("KFH"));
        putMandate(other, aMandate(otherAccount).bank("KFH"));
        run("2031-01-27");
        assertThat(requestLines("KFH", "20310127")).containsKeys(collected, insufficient, closed, noResult, other);

        String fileId = ref("KFH-RES");
        List<String> ack = dropResult(resultFile("KFH", fileId)
                .collected(collectedAccount, collected, "25.000", "20310127")
                .notCollected(insufficientAccount, insufficient, "25.000", "20310127", "AM04")
                .notCollected(closedAccount, closed, "25.000", "20310127", "AC04")
                .notCollected(otherAccount, other, "25.000", "20310127", "MS03"));
        assertThat(ack.get(0)).startsWith("H,KFH," + fileId + ",ACCEPTED");

        JsonNode asked = collection(collected, "2031-01-27");
        assertThat(asked.path("state").asText()).isEqualTo("COLLECTED");
        assertThat(asked.path("paymentId").asText()).isEqualTo(postedBySeq(ack).get("1"));
        assertThat(asked.path("resultFile").asText()).isEqualTo("KFH/" + fileId + "/1");
        assertThat(flags(postedBySeq(ack).get("1"))).doesNotContain("UNEXPECTED_COLLECTION");
        assertThat(collection(insufficient, "2031-01-27").path("reasonAction").asText()).isEqualTo("RE_PRESENT");
        assertThat(collection(closed, "2031-01-27").path("state").asText()).isEqualTo("NOT_COLLECTED");
        assertThat(collection(closed, "2031-01-27").path("reasonCode").asText()).isEqualTo("AC04");
        assertThat(collection(other, "2031-01-27").path("reasonAction").asText()).isEqualTo("RE_PRESENT");
        assertThat(collection(noResult, "2031-01-27").path("state").asText()).isEqualTo("PENDING");
        // AC04: the mandate is suspended, and the history says which file did it
        JsonNode suspended = mandate(closed);
        assertThat(suspended.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(suspended.path("statusReason").asText()).isEqualTo("AC04");
        JsonNode change = suspended.path("history").get(suspended.path("history").size() - 1);
        assertThat(change.path("change").asText()).isEqualTo("SUSPENDED");
        assertThat(change.path("actor").asText()).isEqualTo("direct-debit:KFH/" + fileId);
        assertThat(mandate(other).path("status").asText()).isEqualTo("ACTIVE");

        // the customer pays 10.000 at a branch on the 27th: the 28th asks only what is still unpaid then
        assertThat(post("/api/v1/branch/payments", TELLER, cash(insufficientAccount, "10.000", "KWD"), newKey()).status())
                .isEqualTo(201);
        JsonNode second = run("2031-01-28");
        assertThat(second.path("presentation").asInt()).isEqualTo(2);
        Map<String, String[]> again = requestLines("KFH", "20310128");
        assertThat(again.get(insufficient)[4]).isEqualTo("15.000");
        assertThat(again.get(noResult)[4]).isEqualTo("25.000");
        assertThat(again.get(other)[4]).as("MS03: no code the policy names, tried again").isEqualTo("25.000");
        assertThat(again).doesNotContainKeys(collected, closed);
        assertThat(collection(insufficient, "2031-01-28").path("state").asText()).isEqualTo("PENDING");
    }

    /**
     * The request file asks in KWD of one bank: 25.00 USD collected is another amount, and a line in another bank's
     * file answers nothing that bank was not asked. Both are posted (R8) and flagged; the second leaves the request open.
     */
    @Test
    void aCollectionInAnotherCurrencyOrFromAnotherBankIsFlaggedAndNeverTakenForTheOneAsked() throws IOException {
        ensureUsdKwdRate();
        Mandated inUsd = mandated("USD", "ABK", "MINIMUM");
        Mandated atBurgan = mandated("BURGAN", "BURGAN", "MINIMUM");
        run("2031-09-27");
        assertThat(requestLines("ABK", "20310927").get(inUsd.ref())[4]).isEqualTo("25.000");

        List<String> usd = dropResult(resultFile("ABK", ref("ABK-USD")).currency("USD")
                .collected(inUsd.account(), inUsd.ref(), "25.00", "20310927"));
        assertThat(flags(postedBySeq(usd).get("1"))).contains("UNEXPECTED_COLLECTION");
        JsonNode answered = collection(inUsd.ref(), "2031-09-27");
        assertThat(answered.path("note").asText()).isEqualTo("OTHER_AMOUNT");
        assertThat(answered.path("collected").path("amount").asText()).isEqualTo("25.00");
        assertThat(answered.path("collected").path("currency").asText()).isEqualTo("USD");

        List<String> otherBank = dropResult(resultFile("BOUBYAN", ref("BOUBYAN")).collected(atBurgan.account(),
                atBurgan.ref(), "25.000", "20310927"));
        assertThat(flags(postedBySeq(otherBank).get("1"))).contains("UNEXPECTED_COLLECTION");
        assertThat(collection(atBurgan.ref(), "2031-09-27").path("state").asText()).as("Burgan's request").isEqualTo("PENDING");
    }

    @Test
    void aCollectionReportedTwiceUnaskedForAnotherAmountOrOnBothDaysIsPostedAndFlagged(CapturedOutput log) throws IOException {
        String once = ref("ONCE");
        String otherAmount = ref("AMT");
        String bothDays = ref("BOTH");
        String onceAccount = newAccount("KWD");
        String otherAmountAccount = newAccount("KWD");
        String bothDaysAccount = newAccount("KWD");
        putMandate(once, aMandate(onceAccount).bank("WARBA"));
        putMandate(otherAmount, aMandate(otherAmountAccount).bank("WARBA"));
        putMandate(bothDays, aMandate(bothDaysAccount).bank("WARBA"));
        run("2031-02-27");

        String first = ref("WARBA-1");
        List<String> ack = dropResult(resultFile("WARBA", first)
                .collected(onceAccount, once, "25.000", "20310227")
                .collected(otherAmountAccount, otherAmount, "30.000", "20310227")
                .collected(onceAccount, ref("UNASKED"), "12.000", "20310227")
                // collected, but for an account the gateway does not hold: refused, so nothing is posted or flagged
                .collected(randomAccountNumber(), ref("UNKNOWN"), "7.000", "20310227"));
        Map<String, String> posted = postedBySeq(ack);
        assertThat(posted).containsOnlyKeys("1", "2", "3"); // money received is posted (R8)
        assertThat(flags(posted.get("1"))).doesNotContain("UNEXPECTED_COLLECTION");
        assertThat(flags(posted.get("2"))).contains("UNEXPECTED_COLLECTION");
        assertThat(flags(posted.get("3"))).contains("UNEXPECTED_COLLECTION");
        JsonNode amount = collection(otherAmount, "2031-02-27");
        assertThat(amount.path("state").asText()).isEqualTo("COLLECTED");
        assertThat(amount.path("collected").path("amount").asText()).isEqualTo("30.000");
        assertThat(amount.path("note").asText()).isEqualTo("OTHER_AMOUNT");
        // operations read one line for the batch, not one per flagged line, and it counts only what was posted
        assertThat(log.getOut()).contains("flagged UNEXPECTED_COLLECTION: bank=WARBA fileId=" + first
                + " lines=2 kinds={NO_OPEN_REQUEST=1, OTHER_AMOUNT=1} seqs=[2, 3]");
        assertThat(log.getOut()).doesNotContain("collection flagged: bank=WARBA fileId=" + first);

        // the bank reports the same collection again in another file: a duplicate collection, posted and flagged
        List<String> repeated = dropResult(resultFile("WARBA", ref("WARBA-2"))
                .collected(onceAccount, once, "25.000", "20310227"));
        assertThat(flags(postedBySeq(repeated).get("1"))).contains("UNEXPECTED_COLLECTION");
        assertThat(collection(once, "2031-02-27").path("paymentId").asText()).isEqualTo(posted.get("1"));

        // no result by the 28th: presented again, and the bank collects both days
        Map<String, String[]> second = requestLines("WARBA", run("2031-02-28").path("collectionDate").asText().replace("-", ""));
        assertThat(second).containsOnlyKeys(bothDays);
        List<String> both = dropResult(resultFile("WARBA", ref("WARBA-3"))
                .collected(bothDaysAccount, bothDays, "25.000", "20310227")
                .collected(bothDaysAccount, bothDays, "25.000", "20310228"));
        assertThat(flags(postedBySeq(both).get("1"))).doesNotContain("UNEXPECTED_COLLECTION");
        assertThat(flags(postedBySeq(both).get("2"))).contains("UNEXPECTED_COLLECTION");
        assertThat(collection(bothDays, "2031-02-28").path("note").asText()).isEqualTo("ALREADY_COLLECTED");
    }

    @Test
    void everyAcceptedCollectionIsPostedAndItsRequestNamesItsPayment() throws IOException {
        Mandated minimumMandate = mandated("PMIN", "CBK", "MINIMUM");
        Mandated fullMandate = mandated("PFULL", "CBK", "FULL");
        String minimum = minimumMandate.ref();
        String full = fullMandate.ref();
        String minimumAccount = minimumMandate.account();
        String fullAccount = fullMandate.account();
        run("2031-03-27");
        Map<String, String[]> asked = requestLines("CBK", "20310327");
        assertThat(asked.get(minimum)[4]).isEqualTo("25.000");
        assertThat(asked.get(full)[4]).isEqualTo("500.000");

        List<String> ack = dropResult(resultFile("CBK", ref("CBK-RES"))
                .collected(minimumAccount, minimum, "25.000", "20310327")
                .collected(fullAccount, full, "500.000", "20310327"));
        assertThat(ack.get(ack.size() - 1)).isEqualTo("T,2,525.000,0,0");
        for (String[] line : List.of(new String[] {minimum, "1", "25.000"}, new String[] {full, "2", "500.000"})) {
            JsonNode request = collection(line[0], "2031-03-27");
            assertThat(request.path("state").asText()).isEqualTo("COLLECTED");
            assertThat(request.path("note").isNull()).isTrue();
            JsonNode payment = getJson("/api/v1/payments/" + request.path("paymentId").asText(), OPS);
            assertThat(payment.path("paymentId").asText()).isEqualTo(postedBySeq(ack).get(line[1]));
            assertThat(payment.path("status").asText()).isEqualTo("POSTED");
            assertThat(payment.path("posted").path("amount").asText()).isEqualTo(line[2]);
            assertThat(java.time.OffsetDateTime.parse(payment.path("valueTime").asText()))
                    .isEqualTo(java.time.OffsetDateTime.parse("2031-03-27T00:00:00+03:00"));
            assertThat(payment.path("reference").asText()).isEqualTo(line[0]);
        }
        assertThat(getJson("/api/v1/accounts/" + minimumAccount, OPS).path("statement").path("minimumDueRemaining").asText())
                .isEqualTo("0.000");
        assertThat(getJson("/api/v1/accounts/" + fullAccount, OPS).path("statement").path("balance").asText())
                .isEqualTo("0.000");
    }

    /** A debit the bank did not collect shows nothing collected, whatever amount its line carried. */
    @Test
    void aDebitNotCollectedShowsNothingCollected() throws IOException {
        Mandated notCollected = mandated("NC", "KFH", "MINIMUM");
        run("2032-05-27");
        dropResult(resultFile("KFH", ref("KFH-NC"))
                .notCollected(notCollected.account(), notCollected.ref(), "25.000", "20320527", "AM04"));
        JsonNode request = collection(notCollected.ref(), "2032-05-27");
        assertThat(request.path("state").asText()).isEqualTo("NOT_COLLECTED");
        assertThat(request.path("collected").isMissingNode() || request.path("collected").isNull()).as(request.toString()).isTrue();
    }

    /**
     * August's collection reported again in another file while July's request never had an answer: flagged as the
     * duplicate it is, and July's request stays open, never answered by August's money.
     */
    @Test
    void aRepeatedCollectionIsFlaggedAndNeverAnswersAnOlderRequestLeftOpen() throws IOException {
        Mandated repeated = mandated("DUP", "GBK", "MINIMUM");
        run("2032-07-27");
        run("2032-08-27");
        List<String> first = dropResult(resultFile("GBK", ref("GBK-A")).collected(repeated.account(), repeated.ref(), "25.000", "20320827"));
        List<String> again = dropResult(resultFile("GBK", ref("GBK-B")).collected(repeated.account(), repeated.ref(), "25.000", "20320827"));
        assertThat(flags(postedBySeq(first).get("1"))).doesNotContain("UNEXPECTED_COLLECTION");
        assertThat(flags(postedBySeq(again).get("1"))).contains("UNEXPECTED_COLLECTION");
        assertThat(collection(repeated.ref(), "2032-07-27").path("state").asText()).isEqualTo("PENDING");
        assertThat(collection(repeated.ref(), "2032-08-27").path("paymentId").asText()).isEqualTo(postedBySeq(first).get("1"));
    }
}
