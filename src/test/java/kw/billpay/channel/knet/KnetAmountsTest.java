package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;

import kw.billpay.core.money.Money;
import org.junit.jupiter.api.Test;

/** KNET's {@code amt} matches an intent only when it is exactly the same money; anything unreadable does not match. */
class KnetAmountsTest {

    private static final Money TWENTY_FIVE = Money.of("25.000", "KWD");

    @Test
    void theSameAmountMatchesHoweverManyDecimalsItIsWrittenWith() {
        assertThat(KnetAmounts.matches("25.000", TWENTY_FIVE)).isTrue();
        assertThat(KnetAmounts.matches("25", TWENTY_FIVE)).isTrue();
    }

    @Test
    void anotherAmountOrNoneOrAMalformedOneDoesNotMatch() {
        assertThat(KnetAmounts.matches("25.001", TWENTY_FIVE)).isFalse();
        assertThat(KnetAmounts.matches(null, TWENTY_FIVE)).isFalse();
        assertThat(KnetAmounts.matches("", TWENTY_FIVE)).isFalse();
        assertThat(KnetAmounts.matches("25,000", TWENTY_FIVE)).isFalse();
        assertThat(KnetAmounts.matches("25.0001", TWENTY_FIVE)).isFalse();
    }
}
