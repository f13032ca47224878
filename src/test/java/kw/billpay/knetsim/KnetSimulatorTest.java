package kw.billpay.knetsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import kw.billpay.channel.knet.KnetCipher;
import org.junit.jupiter.api.Test;

class KnetSimulatorTest {

    private static final String KEY = "0123456789ABCDEF";

    // 2026-12-31 22:30 UTC is already 1 January 2027 in Kuwait (+03:00)
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-31T22:30:00Z"), ZoneOffset.UTC);
    private final KnetSimulator simulator = new KnetSimulator(KEY, "sim-terminal", "sim-password", clock);

    @Test
    void theInquiryServiceForgetsTheOldestTransactionsBeyondItsBound() {
        KnetCipher merchant = new KnetCipher(KEY);
        for (int i = 0; i <= KnetSimulator.REMEMBERED; i++) {
            simulator.captureWithoutCallback(merchant.encrypt("id=sim-terminal&password=sim-password&action=1&amt=5.000&trackid=T" + i));
        }

        assertThat(simulator.transaction("T0")).isEmpty();
        assertThat(simulator.transaction("T1")).hasValueSatisfying(t -> assertThat(t.result()).isEqualTo("CAPTURED"));
        assertThat(simulator.transaction("T" + KnetSimulator.REMEMBERED)).isPresent();
    }

    @Test
    void aTransactionsPostDateIsKnetsBusinessDayInKuwaitAsMonthAndDay() {
        KnetCipher merchant = new KnetCipher(KEY);

        KnetSimulator.Transaction t = simulator.captureWithoutCallback(
                merchant.encrypt("id=sim-terminal&password=sim-password&action=1&amt=5.000&trackid=NEWYEAR"));

        assertThat(t.postDate()).isEqualTo("0101");
        assertThat(t.at().toString()).isEqualTo("2027-01-01T01:30+03:00");
        assertThat(t.tranId()).matches("\\d{15}");
        assertThat(t.paymentId()).matches("\\d{15}");
        assertThat(t.ref()).matches("\\d{12}");
        assertThat(t.auth()).matches("\\d{6}");
    }
}
