package kw.billpay.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kw.billpay.core.payment.Channel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Who may call the gateway: staff users (HTTP Basic, password stored as a {@code {bcrypt}} hash) and channel back
 * ends (header {@code X-Api-Key}, stored as the key's SHA-256 in hex; a random key needs no slow hash).
 */
@ConfigurationProperties("gateway.security")
public record SecurityProperties(Map<String, StaffUser> staff, List<ApiKey> apiKeys,
                                 Duration credentialCacheTtl, long credentialCacheSize) {

    public SecurityProperties {
        staff = staff == null ? Map.of() : Map.copyOf(staff);
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /**
     * A staff user.
     *
     * @param institution where the user works (a teller's counter: AMEX, GBK or AUB, DOMAIN R20); may be absent
     * @param branch      the branch of that institution; a teller takes payments for this counter only
     */
    public record StaffUser(String password, StaffRole role, String institution, String branch) {

        @ConstructorBinding
        public StaffUser {
        }

        /** A user without a counter (operations, a supervisor). */
        public StaffUser(String password, StaffRole role) {
            this(password, role, null, null);
        }
    }

    public record ApiKey(String sha256, Channel channel) { }
}
