package kw.billpay.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The external profile's configuration is checked whole before anything starts, and refused with one message naming
 * every missing or malformed variable, and every demo secret of the embedded profile (CONTRACT "Running"). No context.
 */
class ExternalConfigurationGuardTest {

    /** BCrypt is slow by design: hashed once. */
    private static final String OPS_HASH = "{bcrypt}" + BCrypt.hashpw("Correct-Horse-Battery-1", BCrypt.gensalt(4));

    private static MockEnvironment complete() {
        return new MockEnvironment()
                .withProperty("DB_URL", "jdbc:postgresql://db.bank.internal:5432/gateway")
                .withProperty("DB_USER", "gateway")
                .withProperty("DB_PASSWORD", "db-secret-7731")
                .withProperty("ARTEMIS_URL", "tcp://broker.bank.internal:61616")
                .withProperty("ARTEMIS_USER", "gateway")
                .withProperty("ARTEMIS_PASSWORD", "broker-secret-7731")
                .withProperty("KNET_BASE_URL", "https://kpay.example.com")
                .withProperty("KNET_TRANPORTAL_ID", "prod-tranportal-7731")
                .withProperty("KNET_TRANPORTAL_PASSWORD", "s3cr3t-Tranportal-Pa55")
                .withProperty("KNET_RESOURCE_KEY", "9F8E7D6C5B4A3921")
                .withProperty("gateway.security.staff.ops.password", OPS_HASH)
                .withProperty("gateway.security.staff.ops.role", "OPS")
                .withProperty("gateway.security.api-keys[0].sha256", Hashing.sha256Hex("a3f9c1d2e4b5a6978899aabbccddeeff"))
                .withProperty("gateway.security.api-keys[0].channel", "KNET_ONLINE");
    }

    @Test
    void aCompleteConfigurationWithRealSecretsStarts() {
        assertThat(ExternalConfigurationGuard.problems(complete())).isEmpty();
    }

    @Test
    void everyMissingVariableIsNamedInOneMessage() {
        MockEnvironment nothing = new MockEnvironment();
        nothing.setActiveProfiles("external");
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(nothing);

        assertThatThrownBy(() -> new ExternalConfigurationGuard().initialize(context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll("DB_URL is not set", "DB_USER is not set", "DB_PASSWORD is not set",
                        "ARTEMIS_URL is not set", "ARTEMIS_USER is not set", "ARTEMIS_PASSWORD is not set",
                        "KNET_BASE_URL is not set", "KNET_TRANPORTAL_ID is not set", "KNET_TRANPORTAL_PASSWORD is not set",
                        "KNET_RESOURCE_KEY is not set", "no staff user");
    }

    @Test
    void theEmbeddedProfileIsNotChecked() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(new MockEnvironment());
        new ExternalConfigurationGuard().initialize(context);
    }

    @Test
    void malformedValuesAreNamed() {
        MockEnvironment environment = complete()
                .withProperty("DB_URL", "postgres://db:5432/gateway")
                .withProperty("ARTEMIS_URL", "db.bank.internal")
                .withProperty("KNET_BASE_URL", "${UNSET_VARIABLE}")
                .withProperty("GATEWAY_PUBLIC_URL", "payments.example.com")
                .withProperty("KNET_RESOURCE_KEY", "short")
                .withProperty("gateway.security.api-keys[0].sha256", "not-hex")
                .withProperty("gateway.security.api-keys[0].channel", "CARRIER_PIGEON");

        assertThat(String.join("\n", ExternalConfigurationGuard.problems(environment)))
                .contains("DB_URL must be a PostgreSQL JDBC URL")
                .contains("ARTEMIS_URL must be the broker's URL")
                .contains("KNET_BASE_URL holds a ${…} placeholder that nothing resolves")
                .contains("GATEWAY_PUBLIC_URL must be an absolute http(s) URL")
                .contains("KNET_RESOURCE_KEY must be the terminal's 16-character resource key")
                .contains("GATEWAY_SECURITY_APIKEYS_0_SHA256 must be the key's SHA-256 in hex")
                .contains("GATEWAY_SECURITY_APIKEYS_0_CHANNEL must be a channel");
    }

    @Test
    void aBcryptHashWhoseDollarsWereDoubledForADotEnvFileIsRefusedWithTheReason() {
        MockEnvironment environment = complete()
                .withProperty("gateway.security.staff.ops.password", OPS_HASH.replace("$", "$$"));

        assertThat(ExternalConfigurationGuard.problems(environment)).singleElement().asString()
                .contains("GATEWAY_SECURITY_STAFF_OPS_PASSWORD holds \"$$\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{noop}Correct-Horse-Battery-1", "Correct-Horse-Battery-1", "{bcrypt}$2a$10$tooshort", "{sha256}abc"})
    void aPasswordThatIsNotAWellFormedBcryptHashIsRefused(String password) {
        MockEnvironment environment = complete()
                .withProperty("gateway.security.staff.teller.password", password)
                .withProperty("gateway.security.staff.teller.role", "TELLER");

        assertThat(ExternalConfigurationGuard.problems(environment)).singleElement().asString()
                .startsWith("GATEWAY_SECURITY_STAFF_TELLER_PASSWORD")
                .doesNotContain("Correct-Horse");
    }

    @Test
    void anUnknownRoleIsRefused() {
        MockEnvironment environment = complete().withProperty("gateway.security.staff.ops.role", "ADMIN");

        assertThat(ExternalConfigurationGuard.problems(environment)).singleElement().asString()
                .contains("GATEWAY_SECURITY_STAFF_OPS_ROLE must be one of [OPS, SUPERVISOR, TELLER]");
    }

    @Test
    void theEmbeddedProfilesDemoSecretsAreRefused() {
        // the {bcrypt} hashes, API key hashes and KNET secrets shipped in application-embedded.yml
        MockEnvironment environment = complete()
                .withProperty("gateway.security.staff.ops.password", "{bcrypt}$2a$10$QakXRtlXtu4zh/btT5jc.uGYk48.TjmYKEwj8f7urwcUcS9PvY3Om")
                .withProperty("gateway.security.staff.teller.password", "{bcrypt}$2a$10$16ZpbTuv1Cl5N0LWqeW.X.6cm1jLv7WZhPvpAU.37dhOlNM8k3A8q")
                .withProperty("gateway.security.staff.teller.role", "TELLER")
                .withProperty("gateway.security.api-keys[0].sha256", "d9057d51b360b170cba87dba1e51f6962353d0828dfd2d0d9ffd02fca87535b7")
                .withProperty("gateway.security.api-keys[1].sha256", "9DC7A754F3AA57422490883A51AC6F0AAD87A4A6D0A2F6C21D360DE2C4B2CDEC")
                .withProperty("gateway.security.api-keys[1].channel", "MOBILE_APP")
                .withProperty("KNET_TRANPORTAL_ID", "demo-tranportal")
                .withProperty("KNET_TRANPORTAL_PASSWORD", "demo-password")
                .withProperty("KNET_RESOURCE_KEY", "0123456789ABCDEF");

        List<String> problems = ExternalConfigurationGuard.problems(environment);
        assertThat(String.join("\n", problems))
                .contains("GATEWAY_SECURITY_STAFF_OPS_PASSWORD: a demo password")
                .contains("GATEWAY_SECURITY_STAFF_TELLER_PASSWORD: a demo password")
                .contains("GATEWAY_SECURITY_APIKEYS_0_SHA256: a demo API key")
                .contains("GATEWAY_SECURITY_APIKEYS_1_SHA256: a demo API key")
                .contains("KNET_TRANPORTAL_ID, KNET_TRANPORTAL_PASSWORD, KNET_RESOURCE_KEY: a demo value")
                .doesNotContain("demo-password").doesNotContain("ops-demo");
    }

    @Test
    void aDemoKnetSecretSetThroughItsPropertyInsteadOfItsVariableIsRefused() {
        // GATEWAY_KNET_RESOURCE_KEY (relaxed binding) wins over the KNET_RESOURCE_KEY that application-external.yml reads
        MockEnvironment environment = complete().withProperty("gateway.knet.resource-key", "0123456789ABCDEF");

        assertThat(ExternalConfigurationGuard.problems(environment)).singleElement().asString()
                .isEqualTo("gateway.knet.resource-key: a demo value of the embedded profile");
        assertThat(ExternalConfigurationGuard.problems(complete().withProperty("gateway.knet.resource-key", "9F8E7D6C5B4A3921")))
                .isEmpty();
        assertThat(ExternalConfigurationGuard.problems(complete().withProperty("gateway.knet.resource-key", "9F8E7D6C")))
                .singleElement().asString()
                .isEqualTo("gateway.knet.resource-key must be the terminal's 16-character resource key (AES-128)");
    }

    @Test
    void theBuiltInKnetSimulatorIsRefused() {
        MockEnvironment environment = complete().withProperty("gateway.knet.simulator.enabled", "true");

        assertThat(ExternalConfigurationGuard.problems(environment)).singleElement().asString()
                .contains("KNET simulator never runs in the external profile");
    }
}
