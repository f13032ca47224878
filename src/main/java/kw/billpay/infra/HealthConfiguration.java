package kw.billpay.infra;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointProperties;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointWebExtension;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code GET /actuator/health} answers exactly {@code {"status":"UP"}} once the gateway takes traffic (CONTRACT
 * "Running"). With the liveness and readiness groups configured, Spring Boot would list their names beside the status
 * ({@code "groups": ["liveness","readiness"]}); the groups still answer at their own paths.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean
    HealthEndpointWebExtension healthEndpointWebExtension(HealthContributorRegistry registry, HealthEndpointGroups groups,
                                                          HealthEndpointProperties properties) {
        return new HealthEndpointWebExtension(registry, groups, properties.getLogging().getSlowIndicatorThreshold()) {
            @Override
            protected HealthComponent aggregateContributions(ApiVersion apiVersion, Map<String, HealthComponent> contributions,
                                                             StatusAggregator statusAggregator, boolean showComponents,
                                                             Set<String> groupNames) {
                return super.aggregateContributions(apiVersion, contributions, statusAggregator, showComponents, null);
            }
        };
    }
}
