package kw.billpay.channel.knet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every call KNET made to {@code /knet/response} and {@code /knet/error}, as received but for the tranportal's secrets
 * (table {@code knet_callback}); a repeat of one (same address, same trandata) is counted on its row.
 */
@Repository
@RequiredArgsConstructor
public class KnetCallbackRepository {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    /** A callback as kept, with what the gateway made of it, and how often it came again. */
    public record StoredCallback(long id, OffsetDateTime receivedAt, String endpoint, Map<String, String> form,
                                 String plainText, String trackId, UUID paymentId, String result, String outcome,
                                 int repeats, OffsetDateTime lastReceivedAt) { }

    /** A callback to keep; {@code digest} identifies its repeats (null: none are looked for). */
    public record NewCallback(String endpoint, String digest, Map<String, String> form, String plainText, String trackId,
                              UUID paymentId, String result, String outcome) { }

    /** The callback kept before under this digest, its repeat now counted; empty when it came for the first time. */
    public Optional<StoredCallback> repeated(String endpoint, String digest) {
        return jdbc.query("update knet_callback set repeats = repeats + 1, last_received_at = now()"
                + " where endpoint = ? and trandata_digest = ? returning " + COLUMNS, this::map, endpoint, digest)
                .stream().findFirst();
    }

    /**
     * Keeps a callback and returns its id; empty when a twin racing it was kept first under the same digest (then
     * counted as its repeat).
     */
    public Optional<Long> insert(NewCallback c) {
        return jdbc.query("""
                insert into knet_callback (endpoint, trandata_digest, form, plain_text, track_id, payment_id, result, outcome)
                values (?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                on conflict (endpoint, trandata_digest) where trandata_digest is not null
                do update set repeats = knet_callback.repeats + 1, last_received_at = now()
                returning id, xmax = 0 as fresh""", (rs, i) -> rs.getBoolean("fresh") ? rs.getLong("id") : null,
                c.endpoint(), c.digest(), toJson(c.form()), c.plainText(), c.trackId(), c.paymentId(), c.result(), c.outcome())
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    public StoredCallback find(long id) {
        return jdbc.queryForObject("select " + COLUMNS + " from knet_callback where id = ?", this::map, id);
    }

    public Optional<StoredCallback> findByDigest(String endpoint, String digest) {
        return jdbc.query("select " + COLUMNS + " from knet_callback where endpoint = ? and trandata_digest = ?", this::map,
                endpoint, digest).stream().findFirst();
    }

    /** The latest accepted callback about a payment, if any. */
    public Optional<StoredCallback> latestAccepted(UUID paymentId) {
        return jdbc.query("select " + COLUMNS + " from knet_callback where payment_id = ? and outcome = 'ACCEPTED'"
                + " order by id desc limit 1", this::map, paymentId).stream().findFirst();
    }

    /** Newest first, optionally only those with one outcome. */
    public List<StoredCallback> latest(String outcome, int limit) {
        return jdbc.query("select " + COLUMNS + " from knet_callback where (?::text is null or outcome = ?) order by id desc limit ?",
                this::map, outcome, outcome, limit);
    }

    /** Newest first, those the gateway did not accept (undecryptable, unknown track id, another amount). */
    public List<StoredCallback> notAccepted(int limit) {
        return jdbc.query("select " + COLUMNS + " from knet_callback where outcome <> 'ACCEPTED' order by id desc limit ?",
                this::map, limit);
    }

    private static final String COLUMNS = """
            id, received_at, endpoint, form, plain_text, track_id, payment_id, result, outcome, repeats, last_received_at""";

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
                rs.getObject("payment_id", UUID.class), rs.getString("result"), rs.getString("outcome"),
                rs.getInt("repeats"), rs.getObject("last_received_at", OffsetDateTime.class));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
