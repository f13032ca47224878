package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KnetCipherTest {

    private static final String PLAIN = "result=CAPTURED&trackid=ABC&amt=25.000";
    /** Computed with OpenSSL: printf PLAIN | openssl enc -aes-128-cbc -K hex(key) -iv hex(key) | xxd -p */
    private static final String OPENSSL = "84986d6857ac8dc478c773827437e35f8d45c71802a83824aa8de0232c31184a1b6499fe3f7ecf6397ba012adb699d23";

    private final KnetCipher cipher = new KnetCipher("0123456789ABCDEF");

    @Test
    void encryptsLikeOpenSsl() {
        assertThat(cipher.encrypt(PLAIN)).isEqualTo(OPENSSL);
    }

    @Test
    void decryptsOpenSslsOutputInEitherCase() {
        assertThat(cipher.decrypt(OPENSSL)).contains(PLAIN);
        assertThat(cipher.decrypt(OPENSSL.toUpperCase())).contains(PLAIN);
    }

    @Test
    void roundTripsArabicAndLongText() {
        String text = "udf1=دفع فاتورة&udf2=" + "x".repeat(1000);
        assertThat(cipher.decrypt(cipher.encrypt(text))).contains(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "zz986d6857ac8dc478c773827437e35f",                                   // not hex
            "84986d6857ac8dc478c773827437e35",                                    // odd length
            "84986d6857ac8dc4",                                                   // not a whole block
            "84986d6857ac8dc478c773827437e35f8d45c71802a83824aa8de0232c31184a",   // truncated: padding breaks
            "84986d6857ac8dc478c773827437e35f8d45c71802a83824aa8de0232c31184a1b6499fe3f7ecf6397ba012adb699d24", // last byte flipped
            "84986d6857ac8dc478c773827437e35f 8d45c71802a83824aa8de0232c31184"})  // whitespace
    void whatIsNotAnEncryptionUnderThisKeyIsNotDecryptable(String hex) {
        assertThat(cipher.decrypt(hex)).isEmpty();
    }

    @Test
    void anotherKeysEncryptionIsNotDecryptable() {
        String underAnotherKey = new KnetCipher("FEDCBA9876543210").encrypt(PLAIN);

        assertThat(cipher.decrypt(underAnotherKey)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "0123456789ABCDEF0"})
    void aResourceKeyIsSixteenCharacters(String key) {
        assertThatThrownBy(() -> new KnetCipher(key)).isInstanceOf(IllegalArgumentException.class);
    }
}
