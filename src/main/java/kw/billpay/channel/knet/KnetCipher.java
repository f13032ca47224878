package kw.billpay.channel.knet;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * KNET's {@code trandata} encryption (CONTRACT "Online and mobile payments"): AES-128-CBC with PKCS#5 padding, key and
 * IV both the terminal's 16-byte resource key, ciphertext hex-encoded. Decryption never throws: anything that is not
 * a well-formed encryption under this key is simply not decryptable.
 */
public final class KnetCipher {

    private static final String TRANSFORMATION = "AES/CBC/PKCS5Padding";
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final IvParameterSpec iv;

    public KnetCipher(String resourceKey) {
        byte[] bytes = resourceKey == null ? new byte[0] : resourceKey.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != 16) {
            throw new IllegalArgumentException("a KNET terminal resource key is 16 ASCII characters");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.iv = new IvParameterSpec(bytes);
    }

    /** Encrypts a URL-encoded query string; lower-case hex. */
    public String encrypt(String plainText) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, iv);
            return HEX.formatHex(cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC/PKCS5Padding is on every Java platform", e);
        }
    }

    /**
     * The plain text of {@code hex}, or empty when it is not decryptable: not hex, an odd length, not whole AES
     * blocks, bad padding (a wrong key, tampering), or not UTF-8.
     */
    public Optional<String> decrypt(String hex) {
        if (hex == null || hex.isEmpty() || hex.length() % 32 != 0) {
            return Optional.empty();
        }
        byte[] cipherText;
        try {
            cipherText = HEX.parseHex(hex);
        } catch (IllegalArgumentException notHex) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, iv);
            byte[] plain = cipher.doFinal(cipherText);
            var decoder = StandardCharsets.UTF_8.newDecoder();
            return Optional.of(decoder.decode(java.nio.ByteBuffer.wrap(plain)).toString());
        } catch (GeneralSecurityException | java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
