package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import kw.billpay.core.money.Money;
import org.junit.jupiter.api.Test;

/** The inquiry request as the CONTRACT writes it: action 8, the amount with 3 decimals, the track id three times. */
class KnetInquiryRequestFormatTest {

    private static final KnetProperties KNET = new KnetProperties("https://kpay.example", Duration.ofMinutes(15), "tp<1>",
            "p&ss", "0123456789ABCDEF", 5000, Duration.ofSeconds(30), Duration.ofMinutes(30), 50, Duration.ofSeconds(20),
            Duration.ofHours(1), "23:00");
    private final KnetInquiry inquiry = new KnetInquiry(KNET, new KnetPaymentPage(KNET, null, new KnetCipher(KNET.resourceKey())));

    @Test
    void anInquiryLooksTheTransactionUpByTrackId() {
        KnetResolution.Resolution intent = new KnetResolution.Resolution(UUID.randomUUID(), "TRACK42",
                Money.of("25.5", "KWD"), null, true, OffsetDateTime.parse("2026-11-21T10:15:00+03:00"), null);

        assertThat(inquiry.requestFor(intent)).isEqualTo("<id>tp&lt;1&gt;</id><password>p&amp;ss</password>"
                + "<action>8</action><amt>25.500</amt><transid>TRACK42</transid><trackid>TRACK42</trackid>"
                + "<udf5>TrackID</udf5>");
    }

    @Test
    void theInquiryServiceIsUnderKnetsBaseUrl() {
        assertThat(inquiry.url()).isEqualTo("https://kpay.example/kpg/tranPipe.htm?param=tranInit");
    }
}
