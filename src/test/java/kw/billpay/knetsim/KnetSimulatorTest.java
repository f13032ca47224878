package kw.billpay.knetsim;

import static org.assertj.core.api.Assertions.assertThat;

import kw.billpay.channel.knet.KnetCipher;
import org.junit.jupiter.api.Test;

class KnetSimulatorTest {

    private static final String KEY = "0123456789ABCDEF";

    private final KnetSimulator simulator = new KnetSimulator(KEY, "sim-terminal", "sim-password");

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
}
