package kw.billpay.core.collection;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IbanTest {

    @Test
    void theContractsSampleIsValid() {
        assertThat(Iban.isValidKuwaiti("KW81CBKU0000000000001234560101")).isTrue();
    }

    @Test
    void badCheckDigitsLengthsShapesAndOtherCountriesAreNot() {
        assertThat(Iban.isValidKuwaiti("KW82CBKU0000000000001234560101")).isFalse();   // check digits
        assertThat(Iban.isValidKuwaiti("KW81CBKU0000000000001234560110")).isFalse();   // two digits swapped
        assertThat(Iban.isValidKuwaiti("KW81CBKU000000000000123456010")).isFalse();    // 29 characters
        assertThat(Iban.isValidKuwaiti("kw81cbku0000000000001234560101")).isFalse();   // lower case
        assertThat(Iban.isValidKuwaiti("KW81 CBKU 0000 0000 0000 1234 5601 01")).isFalse();
        assertThat(Iban.isValidKuwaiti("GB82WEST12345698765432")).isFalse();           // a valid British IBAN
        assertThat(Iban.isValidKuwaiti("KW81C8KU0000000000001234560101")).isFalse();   // the bank code has a digit
        assertThat(Iban.isValidKuwaiti("")).isFalse();
        assertThat(Iban.isValidKuwaiti(null)).isFalse();
    }

    @Property(tries = 300)
    void anyAccountWithItsComputedCheckDigitsIsValid(@ForAll("bbans") String bban) {
        assertThat(Iban.isValidKuwaiti(withCheckDigits(bban))).isTrue();
    }

    /** Mod 97 catches every single mistyped digit (a letter typed for a digit may change the number's length). */
    @Property(tries = 300)
    void mistypingOneDigitMakesItInvalid(@ForAll("bbans") String bban, @ForAll @IntRange(min = 2, max = 29) int at,
                                         @ForAll("digits") char replacement) {
        String valid = withCheckDigits(bban);
        if (!Character.isDigit(valid.charAt(at))) {
            return;
        }
        String changed = valid.substring(0, at) + replacement + valid.substring(at + 1);
        if (!changed.equals(valid)) {
            assertThat(Iban.isValidKuwaiti(changed)).as(changed).isFalse();
        }
    }

    private static String withCheckDigits(String bban) {
        int check = 98 - Iban.mod97("KW00" + bban);
        return "KW" + String.format("%02d", check) + bban;
    }

    @Provide
    Arbitrary<String> bbans() {
        Arbitrary<String> bank = Arbitraries.strings().withCharRange('A', 'Z').ofLength(4);
        Arbitrary<String> account = Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z').ofLength(22);
        return bank.flatMap(b -> account.map(a -> b + a));
    }

    @Provide
    Arbitrary<Character> digits() {
        return Arbitraries.chars().range('0', '9');
    }
}
