package kw.billpay.channel.knet;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Keeps the terminal's tranportal id and password out of what the gateway stores and shows. The gateway's own payment
 * request carries both inside its {@code trandata}, and a customer's browser holds that request: posted back as a
 * callback, it would show them to whoever reads the stored callbacks. Masked: every field named as a credential, every
 * value that is one, and the password wherever it appears (the id too, unless it is all digits, as real tranportal
 * ids are: those digits may also occur inside KNET's own numbers).
 */
final class KnetSecrets {

    static final String MASK = "****";
    private static final Set<String> CREDENTIAL_FIELDS = Set.of("id", "password", "tranportalid", "tranportalpassword");

    private final String id;
    private final String password;

    KnetSecrets(String id, String password) {
        this.id = id == null ? "" : id;
        this.password = password == null ? "" : password;
    }

    /** Form fields as they may be kept. */
    Map<String, String> mask(Map<String, String> fields) {
        Map<String, String> masked = new LinkedHashMap<>();
        fields.forEach((name, value) -> masked.put(name, maskValue(name, value)));
        return masked;
    }

    /** A URL-encoded query string (a decrypted trandata) as it may be kept: each pair masked, the rest unchanged. */
    String maskQuery(String query) {
        if (query == null) {
            return null;
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? null : decode(pair.substring(eq + 1));
            boolean credential = value != null && (CREDENTIAL_FIELDS.contains(name.toLowerCase(Locale.ROOT)) || isSecret(value));
            kept.add(credential ? pair.substring(0, eq + 1) + MASK : scrub(pair));
        }
        return kept.toString();
    }

    private String maskValue(String name, String value) {
        if (value == null) {
            return null;
        }
        if (CREDENTIAL_FIELDS.contains(name.toLowerCase(Locale.ROOT)) || isSecret(value)) {
            return MASK;
        }
        return "trandata".equals(name) ? value : scrub(value); // ciphertext: hex that may hold a numeric id by chance
    }

    private boolean isSecret(String value) {
        return (!id.isEmpty() && value.equals(id)) || (!password.isEmpty() && value.equals(password));
    }

    /** Replaces the secrets inside a longer text, as they are and URL-encoded. */
    private String scrub(String text) {
        String scrubbed = text;
        for (String secret : new String[] {password, id.chars().allMatch(Character::isDigit) ? "" : id}) {
            if (secret.length() >= 4) {
                scrubbed = scrubbed.replace(secret, MASK).replace(URLEncoder.encode(secret, StandardCharsets.UTF_8), MASK);
            }
        }
        return scrubbed;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
