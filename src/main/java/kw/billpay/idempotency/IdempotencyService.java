package kw.billpay.idempotency;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import kw.billpay.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Idempotency-Key} handling (CONTRACT "Common rules"): the same key with the same request returns the first
 * answer again; with another request it is a 409. The record is written in the same transaction as the payment it
 * answers, so a key and its payment commit together or not at all. Two concurrent requests with one key both run; the
 * second fails on the primary key at insert, its transaction (payment included) rolls back, and it answers from the
 * first's record.
 */
@Service
public class IdempotencyService {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public IdempotencyService(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** The answer a request was given, kept to be given again. */
    public record StoredResponse(int status, String body, UUID paymentId) { }

    /**
     * Runs {@code work} in one transaction unless this key has been seen, and stores its answer with it.
     *
     * @param requestHash SHA-256 of the normalised request, to tell a retry from a different request
     */
    public StoredResponse execute(String scope, String key, String requestHash, Supplier<StoredResponse> work) {
        requireValidKey(key);
        Optional<StoredResponse> earlier = replay(scope, key, requestHash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return transaction.execute(status -> {
                StoredResponse response = work.get();
                jdbc.update("""
                        insert into idempotency_record (scope, idempotency_key, request_hash, response_status, response_body, payment_id)
                        values (?, ?, ?, ?, ?, ?)""", scope, key, requestHash, response.status(), response.body(), response.paymentId());
                return response;
            });
        } catch (RuntimeException e) {
            // The twin request committed first: its payment took the source key, or its record took this key.
            // (A route in between wraps the database's refusal, hence the search along the causes.)
            if (!causedByDuplicateKey(e)) {
                throw e;
            }
            return replay(scope, key, requestHash).orElseThrow(() -> e);
        }
    }

    private static boolean causedByDuplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }

    private Optional<StoredResponse> replay(String scope, String key, String requestHash) {
        return jdbc.query("""
                select request_hash, response_status, response_body, payment_id from idempotency_record
                where scope = ? and idempotency_key = ?""", (rs, i) -> {
            if (!rs.getString("request_hash").equals(requestHash)) {
                throw ApiException.conflict("IDEMPOTENCY_KEY_REUSED",
                        "Idempotency-Key '" + key + "' was already used with a different request");
            }
            return new StoredResponse(rs.getInt("response_status"), rs.getString("response_body"),
                    rs.getObject("payment_id", UUID.class));
        }, scope, key).stream().findFirst();
    }

    public static void requireValidKey(String key) {
        if (key == null || key.isEmpty()) {
            throw ApiException.badRequest("IDEMPOTENCY_KEY_MISSING", "The Idempotency-Key header is required (1 to 64 characters)");
        }
        if (key.length() > 64 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ApiException.badRequest("IDEMPOTENCY_KEY_INVALID", "Idempotency-Key must be 1 to 64 visible ASCII characters");
        }
    }
}
