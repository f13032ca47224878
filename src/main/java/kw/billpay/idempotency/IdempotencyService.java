package kw.billpay.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import kw.billpay.security.Caller;
import kw.billpay.security.Hashing;
import kw.billpay.core.Refusal;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Idempotency-Key} handling (CONTRACT "Common rules"): the same key with the same request returns the first
 * answer again; with another request it is a 409. The record is written in the same transaction as the payment it
 * answers, so a key and its payment commit together or not at all, and the database's unique keys, not memory,
 * decide which of two racing requests wins.
 */
@Service
@RequiredArgsConstructor
public class IdempotencyService {

    /** Canonical form of a request: same fields, same values, same fingerprint, whatever the JSON's layout. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .findAndAddModules()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    /** What a request's work answered: an HTTP status, the body to render as JSON, the payment it concerns. */
    public record Answer(int status, Object body, UUID paymentId) { }

    /** The answer a request was given, as JSON, kept to be given again byte for byte. */
    public record StoredResponse(int status, String body, UUID paymentId) { }

    /**
     * Runs {@code work} and stores its answer under the key, in one transaction. A key seen before makes that
     * transaction fail on the record's primary key (or earlier, on the payment's own source key) and roll back; the
     * stored answer is then given again, or a 409 when the request differs. The first-time path pays no extra look-up;
     * a retry pays a rolled-back attempt, which is rare.
     *
     * @param requestHash SHA-256 of the normalised request, to tell a retry from a different request
     */
    public StoredResponse execute(Caller caller, String key, String requestHash, Supplier<Answer> work) {
        requireValidKey(key);
        String scope = caller.idempotencyScope();
        try {
            return transaction.execute(status -> {
                Answer answer = work.get();
                StoredResponse response = new StoredResponse(answer.status(), toJson(answer.body()), answer.paymentId());
                jdbc.update("""
                        insert into idempotency_record (scope, idempotency_key, request_hash, response_status, response_body, payment_id)
                        values (?, ?, ?, ?, ?, ?)""", scope, key, requestHash, response.status(), response.body(), response.paymentId());
                return response;
            });
        } catch (RuntimeException failed) {
            // A retry, a twin racing it, or a request refused now: if the key has an answer, that answer stands.
            Optional<StoredResponse> earlier;
            try {
                earlier = replay(scope, key, requestHash);
            } catch (Refusal reused) {
                throw reused;
            } catch (RuntimeException lookupFailed) {
                failed.addSuppressed(lookupFailed);
                throw failed;
            }
            return earlier.orElseThrow(() -> failed);
        }
    }

    private Optional<StoredResponse> replay(String scope, String key, String requestHash) {
        return jdbc.query("""
                select request_hash, response_status, response_body, payment_id from idempotency_record
                where scope = ? and idempotency_key = ?""", (rs, i) -> {
            if (!rs.getString("request_hash").equals(requestHash)) {
                throw Refusal.conflict("IDEMPOTENCY_KEY_REUSED",
                        "Idempotency-Key '" + key + "' was already used with a different request");
            }
            return new StoredResponse(rs.getInt("response_status"), rs.getString("response_body"),
                    rs.getObject("payment_id", UUID.class));
        }, scope, key).stream().findFirst();
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer serialises", e);
        }
    }

    /**
     * An idempotent POST's HTTP answer: {@code work} runs once per caller and key ({@link #execute}), the request
     * identified by its canonical JSON; a retry gets the first answer again, byte for byte.
     */
    public ResponseEntity<String> respond(Caller caller, String key, Object request, Supplier<Answer> work) {
        StoredResponse response = execute(caller, key, fingerprint(request), work);
        return ResponseEntity.status(response.status()).contentType(MediaType.APPLICATION_JSON).body(response.body());
    }

    /** SHA-256 of the request's canonical JSON, to tell a retry from a different request under the same key. */
    public static String fingerprint(Object request) {
        try {
            return Hashing.sha256Hex(CANONICAL.writeValueAsBytes(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed request serialises", e);
        }
    }

    public static void requireValidKey(String key) {
        if (key == null || key.isEmpty()) {
            throw Refusal.invalid("IDEMPOTENCY_KEY_MISSING", "The Idempotency-Key header is required (1 to 64 characters)");
        }
        if (key.length() > 64 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw Refusal.invalid("IDEMPOTENCY_KEY_INVALID", "Idempotency-Key must be 1 to 64 visible ASCII characters");
        }
    }
}
