package kw.billpay.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * A payment event published while no downstream system listens waits for each of them in its own durable queue on the
 * events address (payments.events::card-system, ::notifications), as config/broker.xml has it for a standalone broker.
 */
class DurableEventQueuesTest extends GatewayIntegrationTest {

    @Autowired
    ConnectionFactory connectionFactory;

    @Test
    void anEventPublishedWhileNobodyListensWaitsInEveryDownstreamSystemsQueue() {
        String account = newAccount("KWD");
        Answer payment = post("/api/v1/branch/payments", TELLER, cash(account, "7.000", "KWD"), newKey());
        assertThat(payment.status()).isEqualTo(201);
        String paymentId = payment.json().path("paymentId").asText();

        JmsTemplate jms = new JmsTemplate(connectionFactory);
        for (String queue : List.of("payments.events::card-system", "payments.events::notifications")) {
            await(queue).atMost(Duration.ofSeconds(20)).until(() -> bodies(jms, queue).stream().anyMatch(b -> b.contains(paymentId)));
        }
    }

    private static List<String> bodies(JmsTemplate jms, String queue) {
        return jms.browse(queue, (session, browser) -> {
            List<String> bodies = new ArrayList<>();
            for (Object message : Collections.list(browser.getEnumeration())) {
                bodies.add(((TextMessage) message).getText());
            }
            return bodies;
        });
    }
}
