package kw.billpay.channel.knet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every call KNET made to {@code /knet/response} and {@code /knet/error}, as received (table {@code knet_callback}). */
@Repository
public class KnetCallbackRepository {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public KnetCallbackRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A callback as kept, with what the gateway made of it. */
    public record StoredCallback(long id, OffsetDateTime receivedAt, String endpoint, Map<String, String> form,
                                 String plainText, String trackId, UUID paymentId, String result, String outcome) { }

    /** Keeps a callback; returns its id. */
    public long insert(String endpoint, Map<String, String> form, String plainText, String trackId, UUID paymentId,
                       String result, String outcome) {
        return jdbc.queryForObject("""
                insert into knet_callback (endpoint, form, plain_text, track_id, payment_id, result, outcome)
                values (?, ?::jsonb, ?, ?, ?, ?, ?) returning id""", Long.class,
                endpoint, toJson(form), plainText, trackId, paymentId, result, outcome);
    }

    public StoredCallback find(long id) {
        return jdbc.queryForObject(SELECT + " where id = ?", this::map, id);
    }

    /** Newest first, optionally only those with one outcome. */
    public List<StoredCallback> latest(String outcome, int limit) {
        return jdbc.query(SELECT + " where (?::text is null or outcome = ?) order by id desc limit ?", this::map,
                outcome, outcome, limit);
    }

    private static final String SELECT = """
            select id, received_at, endpoint, form, plain_text, track_id, payment_id, result, outcome from knet_callback""";

    @SuppressWarnings("unchecked")
    private StoredCallback map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Map<String, String> form;
        try {
            form = json.readValue(rs.getString("form"), Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored callback form is unreadable", e);
        }
        return new StoredCallback(rs.getLong("id"), rs.getObject("received_at", OffsetDateTime.class),
                rs.getString("endpoint"), form, rs.getString("plain_text"), rs.getString("track_id"),
                rs.getObject("payment_id", UUID.class), rs.getString("result"), rs.getString("outcome"));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
