package kw.billpay.knetsim;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The KNET simulator as a process of its own, for the external profile, which never runs it inside the gateway: the
 * hosted page and the inquiry service on {@code SERVER_PORT} (8090), with the terminal's secrets from
 * {@code KNET_TRANPORTAL_ID}, {@code KNET_TRANPORTAL_PASSWORD} and {@code KNET_RESOURCE_KEY} (the gateway's), and
 * nothing else of the gateway: no database, broker or routes. Configuration: {@code knet-simulator.yml}. Deliberately
 * not a {@code @Configuration}: the gateway's component scan must not pick it up. From the jar:
 * <pre>java -Dloader.main=kw.billpay.knetsim.KnetSimulatorApplication -cp bill-payment-gateway.jar \
 *     org.springframework.boot.loader.launch.PropertiesLauncher</pre>
 */
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
@Import({KnetSimulator.class, KnetSimulatorInquiry.class, KnetSimulatorController.class})
public class KnetSimulatorApplication {

    public static void main(String[] args) {
        // its own configuration file instead of application.yml: none of the gateway's profiles or engines
        System.setProperty("spring.config.name", "knet-simulator");
        SpringApplication.run(KnetSimulatorApplication.class, args);
    }

    /** The simulator's clock: the machine's (KnetSimulator writes KNET's dates in Kuwait's zone itself). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** GET /health: for a container's healthcheck and a test's wait. */
    @Bean
    RouterFunction<ServerResponse> health() {
        return RouterFunctions.route().GET("/health", request -> ServerResponse.ok().body("UP")).build();
    }
}
