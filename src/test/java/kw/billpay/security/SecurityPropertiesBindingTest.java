package kw.billpay.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kw.billpay.core.payment.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The external profile's users and keys come from environment variables named as in the README and docker-compose.yml. */
class SecurityPropertiesBindingTest {

    @Test
    void staffUsersAndApiKeysBindFromEnvironmentVariables() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "GATEWAY_SECURITY_STAFF_OPS_PASSWORD", "{bcrypt}hash-of-ops",
                "GATEWAY_SECURITY_STAFF_OPS_ROLE", "OPS",
                "GATEWAY_SECURITY_STAFF_TELLER_PASSWORD", "{bcrypt}hash-of-teller",
                "GATEWAY_SECURITY_STAFF_TELLER_ROLE", "TELLER",
                "GATEWAY_SECURITY_STAFF_TELLER_INSTITUTION", "GBK",
                "GATEWAY_SECURITY_STAFF_TELLER_BRANCH", "SHARQ",
                "GATEWAY_SECURITY_APIKEYS_0_SHA256", "abc123",
                "GATEWAY_SECURITY_APIKEYS_0_CHANNEL", "KNET_ONLINE",
                "GATEWAY_SECURITY_CREDENTIALCACHETTL", "PT1M",
                "GATEWAY_SECURITY_CREDENTIALCACHESIZE", "10")));

        SecurityProperties properties = new Binder(ConfigurationPropertySources.get(environment))
                .bind("gateway.security", SecurityProperties.class).get();

        assertThat(properties.staff()).containsOnlyKeys("ops", "teller");
        assertThat(properties.staff().get("ops").password()).isEqualTo("{bcrypt}hash-of-ops");
        assertThat(properties.staff().get("teller").role()).isEqualTo(StaffRole.TELLER);
        assertThat(properties.staff().get("teller").institution()).isEqualTo("GBK");
        assertThat(properties.staff().get("teller").branch()).isEqualTo("SHARQ");
        assertThat(properties.staff().get("ops").institution()).isNull();
        assertThat(properties.apiKeys()).containsExactly(new SecurityProperties.ApiKey("abc123", Channel.KNET_ONLINE));
    }
}
