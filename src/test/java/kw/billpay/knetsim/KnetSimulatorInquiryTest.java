package kw.billpay.knetsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import kw.billpay.channel.knet.KnetCipher;
import kw.billpay.knetsim.KnetSimulatorInquiry.Answer;
import kw.billpay.knetsim.KnetSimulatorInquiry.Request;
import kw.billpay.knetsim.KnetSimulatorInquiry.Scripted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator's inquiry service reads a request as strictly as KNET does (CONTRACT), and keeps what it received. */
class KnetSimulatorInquiryTest {

    private static final String KEY = "0123456789ABCDEF";
    private static final String WELL_FORMED = "<id>sim-terminal</id><password>sim-password</password><action>8</action>"
            + "<amt>5.000</amt><transid>T1</transid><trackid>T1</trackid><udf5>TrackID</udf5>";

    private final KnetSimulator knet = new KnetSimulator(KEY, "sim-terminal", "sim-password", Clock.systemUTC());
    private final KnetSimulatorInquiry inquiry = new KnetSimulatorInquiry(knet);

    @BeforeEach
    void aCapturedPayment() {
        knet.captureWithoutCallback(new KnetCipher(KEY).encrypt(
                "id=sim-terminal&password=sim-password&action=1&amt=5.000&trackid=T1"));
    }

    @Test
    void aWellFormedLookUpIsAnsweredWithTheTransactionsElements() {
        Answer answer = inquiry.answer("tranInit", "application/xml", WELL_FORMED);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).startsWith("<result>CAPTURED</result>").contains("<trackid>T1</trackid>", "<amt>5.000</amt>")
                .containsPattern("<postdate>\\d{4}</postdate>").containsPattern("<tranid>\\d{15}</tranid>");
        assertThat(inquiry.requestsFor("T1")).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo(WELL_FORMED);
            assertThat(r.param()).isEqualTo("tranInit");
            assertThat(r.refusal()).isNull();
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong action       | tranInit | <action>8</action>              | <action>1</action>              | IPAY0100011",
            "wrong param        | paymentInit | <action>8</action>           | <action>8</action>              | IPAY0100001",
            "amount, 2 decimals | tranInit | <amt>5.000</amt>                | <amt>5.00</amt>                 | IPAY0100012",
            "amount, none       | tranInit | <amt>5.000</amt>                | <amt>5</amt>                    | IPAY0100012",
            "transid not track  | tranInit | <transid>T1</transid>           | <transid>999</transid>          | IPAY0100013",
            "udf5 not TrackID   | tranInit | <udf5>TrackID</udf5>            | <udf5>T1</udf5>                 | IPAY0100013",
            "no udf5            | tranInit | <udf5>TrackID</udf5>            | ''                              | IPAY0100013",
            "wrong password     | tranInit | <password>sim-password</password> | <password>nope</password>     | IPAY0100114",
            "wrong id           | tranInit | <id>sim-terminal</id>           | <id>other</id>                  | IPAY0100114"})
    void aMalformedRequestIsRefusedWithKnetsErrorAndRecorded(String name, String param, String good, String bad, String code) {
        String body = WELL_FORMED.replace(good, bad);

        Answer answer = inquiry.answer(param, "application/xml", body);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).startsWith("<result>!ERROR!-" + code + "-").doesNotContain("CAPTURED");
        java.util.List<Request> received = inquiry.requestsFor("T1");
        Request recorded = received.get(received.size() - 1);
        assertThat(recorded.body()).isEqualTo(body);
        assertThat(recorded.refusal()).contains(code);
    }

    @Test
    void aFormEncodedRequestIsRefused() {
        assertThat(inquiry.answer("tranInit", "application/x-www-form-urlencoded", WELL_FORMED).body())
                .startsWith("<result>!ERROR!-IPAY0100002-");
    }

    @Test
    void anUnknownTrackIdIsNotFound() {
        assertThat(inquiry.answer("tranInit", "application/xml", WELL_FORMED.replace("T1", "T2")).body())
                .isEqualTo("<result>!ERROR!-IPAY0100263-Transaction not found</result>");
    }

    @Test
    void aScriptedAnswerIsMadeFromTheElementsKnetWouldHaveSent() {
        inquiry.script("T1", new Scripted(200, "text/xml", e -> "<?xml version=\"1.0\"?><response>" + e + "</response>",
                Duration.ofSeconds(2)));

        Answer answer = inquiry.answer("tranInit", "application/xml", WELL_FORMED);

        assertThat(answer.body()).startsWith("<?xml version=\"1.0\"?><response><result>CAPTURED</result>").endsWith("</response>");
        assertThat(answer.delay()).isEqualTo(Duration.ofSeconds(2));
        inquiry.unscript("T1");
        assertThat(inquiry.answer("tranInit", "application/xml", WELL_FORMED).body()).startsWith("<result>CAPTURED</result>");
    }

    @Test
    void overriddenElementsAreAnswered() {
        inquiry.overrideResult("T1", "SUSPECTED");
        inquiry.overrideField("T1", "postdate", "0229");

        assertThat(inquiry.answer("tranInit", "application/xml", WELL_FORMED).body())
                .startsWith("<result>SUSPECTED</result>").contains("<postdate>0229</postdate>");
    }

    @Test
    void theRequestsKeptAreBounded() {
        for (int i = 0; i < KnetSimulatorInquiry.REQUESTS_KEPT + 5; i++) {
            inquiry.answer("tranInit", "application/xml", WELL_FORMED);
        }
        assertThat(inquiry.requestsFor("T1")).hasSize(KnetSimulatorInquiry.REQUESTS_KEPT);
    }
}
