package kw.billpay.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kw.billpay.core.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Account numbers: 6 to 19 digits (CONTRACT "Common rules"), never shown beyond their last 4. */
class AccountNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"123456", "1234567890123456789", "376612345678901"})
    void sixToNineteenDigitsAreValid(String number) {
        assertThat(AccountNumbers.isValid(number)).isTrue();
        assertThat(AccountNumbers.requireValid("accountNumber", number)).isSameAs(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "12345678901234567890", "37661234567890a", "", " 123456", "1234-5678"})
    void anythingElseIsRefusedNamingTheField(String number) {
        assertThat(AccountNumbers.isValid(number)).isFalse();
        assertThatThrownBy(() -> AccountNumbers.requireValid("accountNumber", number))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(r.getMessage()).isEqualTo("accountNumber: must be 6 to 19 digits");
                });
        assertThat(AccountNumbers.isValid(null)).isFalse();
    }

    @Test
    void allButTheLastFourDigitsAreMasked() {
        assertThat(AccountNumbers.mask("376612345678901")).isEqualTo("***********8901");
        assertThat(AccountNumbers.mask("12345")).isEqualTo("*2345");
        assertThat(AccountNumbers.mask("1234")).isEqualTo("1234");
        assertThat(AccountNumbers.mask("12")).isEqualTo("12");
        assertThat(AccountNumbers.mask("")).isEmpty();
        assertThat(AccountNumbers.mask(null)).isNull();
    }

    @Test
    void theLastFourDigits() {
        assertThat(AccountNumbers.last4("376612345678901")).isEqualTo("8901");
        assertThat(AccountNumbers.last4("123")).isEqualTo("123");
    }
}
