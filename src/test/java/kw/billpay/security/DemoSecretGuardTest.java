package kw.billpay.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kw.billpay.core.payment.Channel;
import kw.billpay.security.SecurityProperties.ApiKey;
import kw.billpay.security.SecurityProperties.StaffUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The external profile refuses to start with any documented demo secret (CONTRACT "Running"). No Spring context. */
class DemoSecretGuardTest {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static final String TRANPORTAL_ID = "prod-tranportal-7731";
    private static final String TRANPORTAL_PASSWORD = "s3cr3t-Tranportal-Pa55";
    private static final String RESOURCE_KEY = "9F8E7D6C5B4A3921";

    private static StaffUser staff(String password, StaffRole role) {
        return new StaffUser(ENCODER.encode(password), role);
    }

    private static ApiKey key(String plain, Channel channel) {
        return new ApiKey(Hashing.sha256Hex(plain), channel);
    }

    private static SecurityProperties properties(Map<String, StaffUser> staff, List<ApiKey> apiKeys) {
        return new SecurityProperties(staff, apiKeys, Duration.ofMinutes(5), 1000);
    }

    /** BCrypt is slow by design: the real configuration is hashed once. */
    private static final SecurityProperties REAL = realConfiguration();

    private static SecurityProperties realProperties() {
        return REAL;
    }

    private static SecurityProperties realConfiguration() {
        return properties(Map.of("ops", staff("Correct-Horse-Battery-1", StaffRole.OPS),
                        "teller", staff("Teller-Long-Passphrase-2", StaffRole.TELLER)),
                List.of(key("a3f9c1d2e4b5a6978899aabbccddeeff", Channel.KNET_ONLINE),
                        key("0f1e2d3c4b5a69788796a5b4c3d2e1f0", Channel.MOBILE_APP)));
    }

    private static DemoSecretGuard guard(SecurityProperties properties, String tranportalId, String password, String resourceKey) {
        return new DemoSecretGuard(properties, ENCODER, tranportalId, password, resourceKey);
    }

    @Test
    void realSecretsAreAccepted() {
        assertThatCode(() -> guard(realProperties(), TRANPORTAL_ID, TRANPORTAL_PASSWORD, RESOURCE_KEY)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ops-demo", "teller-demo", "supervisor-demo"})
    void aDemoPasswordIsRefused(String demoPassword) {
        SecurityProperties properties = properties(Map.of("ops", staff("Correct-Horse-Battery-1", StaffRole.OPS),
                "alice", staff(demoPassword, StaffRole.SUPERVISOR)), realProperties().apiKeys());

        assertThatThrownBy(() -> guard(properties, TRANPORTAL_ID, TRANPORTAL_PASSWORD, RESOURCE_KEY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("staff user 'alice' has a demo password")
                .hasMessageNotContaining("'ops'")
                .hasMessageNotContaining(demoPassword);
    }

    @Test
    void theDemoConfigurationsOwnHashesAreRefused() {
        // the {bcrypt} hashes shipped in application-embedded.yml
        SecurityProperties properties = properties(Map.of(
                "ops", new StaffUser("{bcrypt}$2a$10$QakXRtlXtu4zh/btT5jc.uGYk48.TjmYKEwj8f7urwcUcS9PvY3Om", StaffRole.OPS),
                "teller", new StaffUser("{bcrypt}$2a$10$16ZpbTuv1Cl5N0LWqeW.X.6cm1jLv7WZhPvpAU.37dhOlNM8k3A8q", StaffRole.TELLER),
                "supervisor", new StaffUser("{bcrypt}$2a$10$HT6Qdf9CnEMm1L7ZUOZlhOkWyCJpEghTU33GkANHlYGAArvqzI4mu", StaffRole.SUPERVISOR)),
                List.of(new ApiKey("d9057d51b360b170cba87dba1e51f6962353d0828dfd2d0d9ffd02fca87535b7", Channel.KNET_ONLINE),
                        new ApiKey("9dc7a754f3aa57422490883a51ac6f0aad87a4a6d0a2f6c21d360de2c4b2cdec", Channel.MOBILE_APP)));

        assertThatThrownBy(() -> guard(properties, "demo-tranportal", "demo-password", "0123456789ABCDEF"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("staff user 'ops' has a demo password")
                .hasMessageContaining("staff user 'teller' has a demo password")
                .hasMessageContaining("staff user 'supervisor' has a demo password")
                .hasMessageContaining("channel KNET_ONLINE is a demo key")
                .hasMessageContaining("channel MOBILE_APP is a demo key")
                .hasMessageContaining("KNET secret");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"online-demo-key", "mobile-demo-key"})
    void aDemoApiKeyIsRefused(String demoKey) {
        SecurityProperties properties = properties(realProperties().staff(), List.of(key(demoKey, Channel.KNET_ONLINE)));

        assertThatThrownBy(() -> guard(properties, TRANPORTAL_ID, TRANPORTAL_PASSWORD, RESOURCE_KEY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the API key of channel KNET_ONLINE is a demo key")
                .hasMessageNotContaining(demoKey);
    }

    @Test
    void aDemoApiKeyHashInUpperCaseIsRefused() {
        SecurityProperties properties = properties(realProperties().staff(),
                List.of(new ApiKey(Hashing.sha256Hex("mobile-demo-key").toUpperCase(), Channel.MOBILE_APP)));

        assertThatThrownBy(() -> guard(properties, TRANPORTAL_ID, TRANPORTAL_PASSWORD, RESOURCE_KEY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("channel MOBILE_APP is a demo key");
    }

    @Test
    void theDemoTranportalIdIsRefused() {
        assertThatThrownBy(() -> guard(realProperties(), "demo-tranportal", TRANPORTAL_PASSWORD, RESOURCE_KEY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KNET secret");
    }

    @Test
    void theDemoTranportalPasswordIsRefused() {
        assertThatThrownBy(() -> guard(realProperties(), TRANPORTAL_ID, "demo-password", RESOURCE_KEY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KNET secret")
                .hasMessageNotContaining("demo-password");
    }

    @Test
    void theDemoResourceKeyIsRefused() {
        assertThatThrownBy(() -> guard(realProperties(), TRANPORTAL_ID, TRANPORTAL_PASSWORD, "0123456789ABCDEF"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KNET secret")
                .hasMessageNotContaining("0123456789ABCDEF");
    }

    @Test
    void noStaffUserIsRefused() {
        SecurityProperties properties = properties(Map.of(), realProperties().apiKeys());

        assertThatThrownBy(() -> guard(properties, TRANPORTAL_ID, TRANPORTAL_PASSWORD, RESOURCE_KEY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no staff user is configured");
    }

    @Test
    void aStrongPasswordThatMerelyContainsADemoWordIsAccepted() {
        SecurityProperties properties = properties(Map.of("ops", staff("ops-demo-but-much-longer-and-real", StaffRole.OPS)),
                realProperties().apiKeys());

        assertThatCode(() -> guard(properties, TRANPORTAL_ID, TRANPORTAL_PASSWORD, RESOURCE_KEY)).doesNotThrowAnyException();
    }
}
