package kw.billpay.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kw.billpay.core.payment.Channel;
import org.springframework.boot.context.properties.ConfigurationProperties;

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

    public record StaffUser(String password, StaffRole role) { }

    public record ApiKey(String sha256, Channel channel) { }
}
