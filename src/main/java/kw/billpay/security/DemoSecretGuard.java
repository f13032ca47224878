package kw.billpay.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The external profile is for real deployments: it refuses to start while any documented demo secret (README) is
 * configured, and while no staff user is configured at all (channel keys are optional: a branch-only deployment).
 */
@Component
@Profile("external")
class DemoSecretGuard {

    private static final Map<String, String> DEMO_PASSWORDS =
            Map.of("ops", "ops-demo", "teller", "teller-demo", "supervisor", "supervisor-demo");
    private static final Set<String> DEMO_API_KEYS = Set.of("online-demo-key", "mobile-demo-key");
    private static final Set<String> DEMO_KNET_SECRETS = Set.of("demo-tranportal", "demo-password", "0123456789ABCDEF");

    DemoSecretGuard(SecurityProperties properties, PasswordEncoder passwordEncoder,
                    @Value("${gateway.knet.tranportal-id}") String tranportalId,
                    @Value("${gateway.knet.tranportal-password}") String tranportalPassword,
                    @Value("${gateway.knet.resource-key}") String resourceKey) {
        List<String> problems = new ArrayList<>();
        if (properties.staff().isEmpty()) {
            problems.add("no staff user is configured");
        }
        properties.staff().forEach((user, staff) -> {
            for (String demo : DEMO_PASSWORDS.values()) {
                if (passwordEncoder.matches(demo, staff.password())) {
                    problems.add("staff user '" + user + "' has a demo password");
                }
            }
        });
        Set<String> demoKeyHashes = Set.copyOf(DEMO_API_KEYS.stream().map(Hashing::sha256Hex).toList());
        properties.apiKeys().stream()
                .filter(k -> demoKeyHashes.contains(k.sha256().toLowerCase()))
                .forEach(k -> problems.add("the API key of channel " + k.channel() + " is a demo key"));
        for (String knetSecret : List.of(tranportalId, tranportalPassword, resourceKey)) {
            if (DEMO_KNET_SECRETS.contains(knetSecret)) {
                problems.add("a KNET secret (tranportal id, password or resource key) is a demo value");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The external profile refuses demo secrets: " + String.join("; ", problems));
        }
    }
}
