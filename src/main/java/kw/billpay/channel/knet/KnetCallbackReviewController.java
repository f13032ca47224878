package kw.billpay.channel.knet;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import kw.billpay.core.Refusal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every call KNET made, with what the gateway made of it, for operations to review: the accepted ones and those that
 * named no intent, did not decrypt or carried another amount (which no payment's history can show).
 */
@RestController
class KnetCallbackReviewController {

    private static final Set<String> OUTCOMES = Set.of("ACCEPTED", "UNDECRYPTABLE", "UNKNOWN_TRACK_ID", "AMOUNT_MISMATCH");

    private final JdbcTemplate jdbc;

    KnetCallbackReviewController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record CallbackView(long id, OffsetDateTime receivedAt, String endpoint, String outcome, String trackId,
                        String result, UUID paymentId, String trandata, String plainText) { }

    @GetMapping("/api/v1/knet/callbacks")
    List<CallbackView> callbacks(@RequestParam(required = false) String outcome,
                                 @RequestParam(defaultValue = "100") int limit) {
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw Refusal.validation("outcome: one of " + OUTCOMES);
        }
        if (limit < 1 || limit > 1000) {
            throw Refusal.validation("limit: must be 1 to 1000");
        }
        return jdbc.query("""
                select id, received_at, endpoint, outcome, track_id, result, payment_id, form->>'trandata' as trandata, plain_text
                from knet_callback where (?::text is null or outcome = ?) order by id desc limit ?""",
                (rs, i) -> new CallbackView(rs.getLong("id"), rs.getObject("received_at", OffsetDateTime.class),
                        rs.getString("endpoint"), rs.getString("outcome"), rs.getString("track_id"), rs.getString("result"),
                        rs.getObject("payment_id", UUID.class), rs.getString("trandata"), rs.getString("plain_text")),
                outcome, outcome, limit);
    }
}
