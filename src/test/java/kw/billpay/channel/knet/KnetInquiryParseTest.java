package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kw.billpay.channel.knet.KnetInquiry.InquiryAnswer;
import kw.billpay.channel.knet.KnetResolution.Resolution;
import kw.billpay.core.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Reading KNET's inquiry answer (CONTRACT: a sequence of elements with no single root). Any well-formed shape of the
 * documented elements is read; what cannot be read is no answer, never "not captured".
 */
class KnetInquiryParseTest {

    private static final String CAPTURED = "<result>CAPTURED</result><payid>100000000000001</payid><trackid>T1</trackid>"
            + "<ref>987654321012</ref><auth>123456</auth><postdate>1121</postdate><tranid>500000000000001</tranid>"
            + "<amt>25.000</amt>";
    private static final Resolution T1 = new Resolution(UUID.randomUUID(), "T1", Money.of("25.000", "KWD"), null, true,
            OffsetDateTime.now(), null);

    // read() uses no collaborator
    private final KnetInquiry inquiry = new KnetInquiry(null, null);

    private InquiryAnswer read(String body) {
        return inquiry.read(200, body, T1);
    }

    @Test
    void aCaptureIsReadWithEveryField() {
        InquiryAnswer answer = read(CAPTURED);

        assertThat(answer.readable()).isTrue();
        assertThat(answer.captured()).isTrue();
        assertThat(answer.fields()).containsEntry("amt", "25.000").containsEntry("trackid", "T1")
                .containsEntry("tranid", "500000000000001").hasSize(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + CAPTURED,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<response>" + CAPTURED + "</response>",
            "<response>" + CAPTURED + "</response>",
            "\uFEFF  <Response>\n  <data>" + CAPTURED + "</data>\n</Response>\n",
            "<result>CAPTURED</result>\n<payid>1</payid>\n<trackid>T1</trackid>\n<amt>25.000</amt>"})
    void anyWellFormedShapeOfTheElementsIsRead(String body) {
        InquiryAnswer answer = read(body);

        assertThat(answer.readable()).as(answer.problem()).isTrue();
        assertThat(answer.captured()).isTrue();
        assertThat(answer.fields()).containsEntry("amt", "25.000").containsEntry("trackid", "T1");
    }

    @Test
    void otherResultsAreReadableAndNotCaptures() {
        assertThat(read("<result>NOT CAPTURED</result><trackid>T1</trackid>")).satisfies(a -> {
            assertThat(a.readable()).isTrue();
            assertThat(a.captured()).isFalse();
            assertThat(a.result()).isEqualTo("NOT CAPTURED");
        });
        assertThat(read("<result>FAILURE</result>").captured()).isFalse();
        assertThat(read("<result>SUSPECTED</result>").readable()).isTrue();
        assertThat(read("<result> success </result><amt>25.000</amt>").captured()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "<result>CAPTURED", "<!DOCTYPE html><html><body>Service unavailable</body></html>",
            "<html><body><h1>Error</h1></body></html>", "<trackid>T1</trackid>", "<result></result>",
            "<result>!ERROR!-IPAY0100263-Transaction not found</result>", "CAPTURED",
            "<result>CAPTURED</result><trackid>T2</trackid><amt>25.000</amt>", "<result>CAPTURED</result><trackid>T1</trackid>"})
    void whatCannotBeReadIsNoAnswer(String body) {
        InquiryAnswer answer = read(body);

        assertThat(answer.readable()).isFalse();
        assertThat(answer.captured()).isFalse();
        assertThat(answer.problem()).isNotBlank();
    }

    @Test
    void aNon2xxStatusIsNoAnswerWhateverTheBody() {
        assertThat(inquiry.read(502, CAPTURED, T1).readable()).isFalse();
        assertThat(inquiry.read(302, CAPTURED, T1).readable()).isFalse();
        assertThat(inquiry.read(null, CAPTURED, T1).problem()).contains("HTTP null");
    }

    @Test
    void knetNotReachedIsNoAnswer() {
        assertThat(inquiry.unreachable(new ConnectException("Connection refused")).problem())
                .isEqualTo("KNET not reached: ConnectException: Connection refused");
        assertThat(inquiry.unreachable(new SocketTimeoutException("Read timed out")).readable()).isFalse();
    }

    @Test
    void aLongProblemIsCutShort() {
        assertThat(read("<html>" + "x".repeat(1000)).problem()).hasSize(200);
    }

    @Test
    void theNextAnswerIsReadAfterAnUnreadableOne() {
        assertThat(read("<result>CAPTURED").readable()).isFalse();
        // the thread's parser, reset after the failure, reads the next answer
        assertThat(read(CAPTURED).captured()).isTrue();
    }

    @Test
    void anAnswerWithADocumentTypeDeclarationIsNoAnswer() {
        String xxe = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><result>&x;</result>";
        assertThat(read(xxe).readable()).isFalse();
    }

    /** Inside the reader's wrapper a DOCTYPE is malformed anyway; the parser itself refuses DTDs in any document. */
    @Test
    void theParserRefusesDocumentTypeDeclarations() {
        String xxe = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        assertThatThrownBy(() -> KnetInquiry.newParser().parse(new InputSource(new StringReader(xxe))))
                .isInstanceOf(SAXParseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void answersAreReadConcurrently() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> amounts = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String amount = i + ".000";
                amounts.add(threads.submit(() -> read("<result>CAPTURED</result><amt>" + amount + "</amt>").fields().get("amt")));
            }
            for (int i = 0; i < amounts.size(); i++) {
                assertThat(amounts.get(i).get()).isEqualTo(i + ".000");
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
