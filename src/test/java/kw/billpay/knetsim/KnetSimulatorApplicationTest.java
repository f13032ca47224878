package kw.billpay.knetsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The KNET simulator as a process of its own (the external stage's and compose's KNET) starts on its own configuration
 * and answers its health check: it has none of the gateway's beans, so each one it needs must be its own (its clock
 * was missing once, and only the external stage noticed).
 */
class KnetSimulatorApplicationTest {

    @Test
    void theStandaloneSimulatorStartsAndIsHealthy() throws Exception {
        try (ConfigurableApplicationContext simulator = new SpringApplicationBuilder(KnetSimulatorApplication.class)
                .properties("spring.config.name=knet-simulator", "server.port=0", "KNET_TRANPORTAL_ID=test-tranportal",
                        "KNET_TRANPORTAL_PASSWORD=test-password", "KNET_RESOURCE_KEY=FEDCBA9876543210")
                .run()) {
            int port = ((WebServerApplicationContext) simulator).getWebServer().getPort();
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("UP");
            assertThat(simulator.getBean(KnetSimulator.class)).isNotNull();
        }
    }
}
