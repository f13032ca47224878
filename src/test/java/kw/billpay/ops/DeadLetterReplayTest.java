package kw.billpay.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** OPS lists the dead-letter queue and replays one message to the queue it came from; the replay is audited. */
class DeadLetterReplayTest extends GatewayIntegrationTest {

    @Autowired
    ConnectionFactory connectionFactory;

    @Test
    void opsSeesADeadLetterReplaysItToItsQueueAndTheReplayIsAudited() throws Exception {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(5000);
        String origin = "ops.replay.test." + UUID.randomUUID();
        String body = "{\"callback\": 42, \"card\": \"376612345678901\"}";
        jms.send("gateway.dlq", session -> {
            Message message = session.createTextMessage(body);
            message.setStringProperty(DeadLetters.ORIGIN_HEADER, origin);
            message.setStringProperty(DeadLetters.REASON_HEADER, "IllegalStateException: KNET unreachable");
            return message;
        });

        JsonNode letter = StreamSupport.stream(getJson("/api/v1/ops/dead-letters", OPS).spliterator(), false)
                .filter(l -> origin.equals(l.path("destination").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("the dead letter is not listed"));
        assertThat(letter.path("reason").asText()).isEqualTo("IllegalStateException: KNET unreachable");
        assertThat(letter.path("body").asText()).contains("***********8901").doesNotContain("376612345678901");
        String messageId = letter.path("messageId").asText();

        assertThat(get("/api/v1/ops/dead-letters", TELLER).status()).isEqualTo(403);
        assertThat(post("/api/v1/ops/dead-letters/" + messageId + "/replay", SUPERVISOR, Map.of()).status()).isEqualTo(403);
        Answer replayed = post("/api/v1/ops/dead-letters/" + messageId + "/replay", OPS, Map.of());
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);

        Message back = jms.receive(origin);
        assertThat(back).isNotNull();
        assertThat(back.getBody(String.class)).isEqualTo(body);
        assertThat(jdbc.queryForMap("select replayed_by, destination, reason from dead_letter_replay where message_id = ?", messageId))
                .containsEntry("replayed_by", "ops").containsEntry("destination", origin)
                .containsEntry("reason", "IllegalStateException: KNET unreachable");
        Answer again = post("/api/v1/ops/dead-letters/" + messageId + "/replay", OPS, Map.of());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().path("code").asText()).isEqualTo("DEAD_LETTER_NOT_FOUND");
        assertThat(get("/actuator/prometheus", OPS).body()).containsPattern("(?m)^gateway_dead_letter_replays_total\\{[^}]*\\} [1-9]");
    }
}
