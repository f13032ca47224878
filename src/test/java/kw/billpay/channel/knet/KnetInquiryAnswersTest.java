package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.UnaryOperator;
import kw.billpay.knetsim.KnetSimulatorInquiry.Request;
import kw.billpay.knetsim.KnetSimulatorInquiry.Scripted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * KNET's inquiry service as the gateway meets it (CONTRACT "Online and mobile payments through KNET", DOMAIN R21): the
 * request exactly as the contract writes it; any KNET that speaks the documented elements is read, with or without an
 * XML declaration or a root element; an answer the gateway cannot read, or none, is not an answer: the payment stays
 * unresolved and is asked again later with back-off; only a readable answer that says not captured fails it.
 */
class KnetInquiryAnswersTest extends KnetIntegrationTest {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    @Test
    void theInquiryIsTheContractsRequestExactly() throws Exception {
        Started started = start(newAccount("KWD"), "10.000");

        press(started, "PAY");

        awaitStatus(started.paymentId(), "POSTED");
        Request request = knetInquiry.requestsFor(started.trackId()).get(0);
        assertThat(request.param()).isEqualTo("tranInit");
        assertThat(request.contentType()).startsWith("application/xml");
        assertThat(request.body()).isEqualTo("<id>demo-tranportal</id><password>demo-password</password><action>8</action>"
                + "<amt>10.000</amt><transid>" + started.trackId() + "</transid><trackid>" + started.trackId()
                + "</trackid><udf5>TrackID</udf5>");
        assertThat(request.refusal()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"declaration", "root", "declaration and root", "root with whitespace"})
    void anAnswerInAnyWellFormedShapeOfTheDocumentedElementsIsRead(String shape) throws Exception {
        Started started = start(newAccount("KWD"), "10.000");
        UnaryOperator<String> body = switch (shape) {
            case "declaration" -> e -> DECLARATION + e;
            case "root" -> e -> "<response>" + e + "</response>";
            case "declaration and root" -> e -> DECLARATION + "\n<response>" + e + "</response>\n";
            default -> e -> "\n  <response>\n    " + e.replace("><", ">\n    <") + "\n  </response>\n";
        };
        knetInquiry.script(started.trackId(), new Scripted(200, "application/xml", body, Duration.ZERO));

        press(started, "PAY");

        JsonNode posted = awaitStatus(started.paymentId(), "POSTED");
        assertThat(posted.path("posted").path("amount").asText()).isEqualTo("10.000");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HTML page with 200", "empty body", "502 with the elements", "!ERROR!", "unparsable",
            "elements of another track id", "capture without an amount"})
    void anAnswerTheGatewayCannotReadLeavesThePaymentUnresolvedAndItIsAskedAgainLater(String kind) throws Exception {
        String account = newAccount("KWD");
        Started started = start(account, "10.000");
        knetInquiry.script(started.trackId(), switch (kind) {
            case "HTML page with 200" -> new Scripted(200, "text/html",
                    e -> "<!DOCTYPE html><html><body><h1>Service temporarily unavailable</h1></body></html>", Duration.ZERO);
            case "empty body" -> new Scripted(200, "application/xml", e -> "", Duration.ZERO);
            case "502 with the elements" -> new Scripted(502, "application/xml", e -> e, Duration.ZERO);
            case "!ERROR!" -> new Scripted(200, "application/xml",
                    e -> "<result>!ERROR!-IPAY0100263-Transaction not found</result>", Duration.ZERO);
            case "unparsable" -> new Scripted(200, "application/xml", e -> e.substring(0, e.length() / 2), Duration.ZERO);
            case "elements of another track id" -> new Scripted(200, "application/xml",
                    e -> e.replace(started.trackId(), "SOMEONEELSE"), Duration.ZERO);
            default -> new Scripted(200, "application/xml", e -> e.replaceAll("<amt>[^<]*</amt>", ""), Duration.ZERO);
        });

        press(started, "PAY");

        assertAskedAndUnresolved(started);
        knetInquiry.unscript(started.trackId());
        askNow(started.paymentId());
        awaitStatus(started.paymentId(), "POSTED");
        assertThat(postingsOf(account)).isEqualTo(1);
    }

    @Test
    void anInquiryThatTimesOutLeavesThePaymentUnresolved() throws Exception {
        Started started = start(newAccount("KWD"), "10.000");
        // longer than gateway.knet.inquiry-timeout-ms (5 s)
        knetInquiry.script(started.trackId(), new Scripted(200, "application/xml", e -> e, Duration.ofSeconds(7)));

        press(started, "PAY");

        assertAskedAndUnresolved(started);
        assertThat(scheduleOf(started.paymentId()).get("last_answer").toString()).containsIgnoringCase("timeout");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NOT CAPTURED", "FAILURE", "SUSPECTED", "CANCELED"})
    void aReadableAnswerThatSaysNotCapturedFailsThePayment(String result) throws Exception {
        String account = newAccount("KWD");
        Started started = start(account, "10.000");
        knetInquiry.overrideResult(started.trackId(), result);

        press(started, "PAY");

        JsonNode failed = awaitStatus(started.paymentId(), "FAILED");
        assertThat(failed.path("statusReason").asText()).isEqualTo("INQUIRY_DISAGREES: " + result);
        assertThat(postingsOf(account)).isZero();
    }

    /**
     * KNET was asked, the payment is still INITIATED, and its next inquiry waits a back-off, not the next poll. The
     * unanswered ask is recorded by the step that decided to leave the payment as it was, so once it is there, the
     * payment's status is final for this answer: no waiting to see that nothing happens.
     */
    private void assertAskedAndUnresolved(Started started) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !knetInquiry.requestsFor(started.trackId()).isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> unansweredAsks(started.paymentId()) >= 1);
        Map<String, Object> schedule = scheduleOf(started.paymentId());
        assertThat(schedule).containsEntry("purpose", "RESOLVE").containsEntry("attempts", 1);
        OffsetDateTime next = ((java.sql.Timestamp) schedule.get("next_ask_at")).toInstant().atOffset(java.time.ZoneOffset.UTC);
        assertThat(next).isAfter(OffsetDateTime.now().plusSeconds(30));
        assertThat(knetInquiry.requestsFor(started.trackId())).hasSize(1);
        assertThat(status(started.paymentId())).isEqualTo("INITIATED");
    }
}
