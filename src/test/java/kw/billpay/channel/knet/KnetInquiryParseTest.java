package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kw.billpay.channel.knet.KnetInquiry.InquiryResult;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** Reading KNET's inquiry answer (CONTRACT: a sequence of elements with no single root). */
class KnetInquiryParseTest {

    private static final String CAPTURED = "<result>CAPTURED</result><payid>100000000000001</payid><trackid>T1</trackid>"
            + "<ref>987654321012</ref><auth>123456</auth><postdate>1121</postdate><tranid>500000000000001</tranid>"
            + "<amt>25.000</amt>";

    // parse() reads no collaborator
    private final KnetInquiry inquiry = new KnetInquiry(null, null);

    @Test
    void aCaptureIsReadWithEveryField() {
        InquiryResult answer = inquiry.parse(CAPTURED);

        assertThat(answer.captured()).isTrue();
        assertThat(answer.fields()).containsEntry("amt", "25.000").containsEntry("trackid", "T1")
                .containsEntry("tranid", "500000000000001").hasSize(8);
    }

    @Test
    void otherResultsAreNotCaptures() {
        assertThat(inquiry.parse("<result>NOT CAPTURED</result><trackid>T1</trackid>").captured()).isFalse();
        assertThat(inquiry.parse("<result> success </result>").captured()).isTrue();
        assertThat(inquiry.parse("<trackid>T1</trackid>").result()).isNull();
    }

    @Test
    void anUnreadableAnswerIsNotACaptureAndTheNextAnswerIsReadAgain() {
        assertThat(inquiry.parse("<result>CAPTURED").result()).isEqualTo("UNREADABLE");
        assertThat(inquiry.parse(null).result()).isNull();
        // the thread's parser, reset after the failure, reads the next answer
        assertThat(inquiry.parse(CAPTURED).captured()).isTrue();
    }

    @Test
    void anAnswerWithADocumentTypeDeclarationIsUnreadable() {
        String xxe = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><result>&x;</result>";
        InquiryResult answer = inquiry.parse(xxe);
        assertThat(answer.result()).isEqualTo("UNREADABLE");
        assertThat(answer.captured()).isFalse();
    }

    /** Inside parse()'s wrapper a DOCTYPE is malformed anyway; the parser itself refuses DTDs in any document. */
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
                amounts.add(threads.submit(() -> inquiry.parse("<result>CAPTURED</result><amt>" + amount + "</amt>")
                        .fields().get("amt")));
            }
            for (int i = 0; i < amounts.size(); i++) {
                assertThat(amounts.get(i).get()).isEqualTo(i + ".000");
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
