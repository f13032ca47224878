package kw.billpay.idempotency;

import java.util.function.Supplier;
import kw.billpay.idempotency.IdempotencyService.Answer;
import kw.billpay.security.Caller;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;

/**
 * A request its sender may send again: who sends it and the {@code Idempotency-Key} it carries (CONTRACT "Common
 * rules"). An API method that takes one as a parameter ({@link IdempotentCalls}) is an idempotent POST: its work runs
 * once per caller and key, and a retry gets the first answer again.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public final class IdempotentCall {

    /** The header the contract names. */
    public static final String HEADER = "Idempotency-Key";

    private final Caller caller;
    private final String key;
    private final IdempotencyService idempotency;

    public Caller caller() {
        return caller;
    }

    /** The key as sent; null when the header is absent ({@link #respond} then refuses the request). */
    public String key() {
        return key;
    }

    /** Refuses the request now (400 IDEMPOTENCY_KEY_MISSING or _INVALID) unless it carries a usable key. */
    public IdempotentCall requireKey() {
        IdempotencyService.requireValidKey(key);
        return this;
    }

    /** The answer to this request: {@code work}'s the first time, the stored one again on a retry (a 409 if it differs). */
    public ResponseEntity<String> respond(Object request, Supplier<Answer> work) {
        return idempotency.respond(caller, key, request, work);
    }
}
