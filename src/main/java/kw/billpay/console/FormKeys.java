package kw.billpay.console;

import java.util.UUID;
import kw.billpay.core.Refusal;
import kw.billpay.idempotency.IdempotencyService;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The idempotency key a console form carries: made by the server when it draws the form, sent back with it, and used
 * as the API's {@code Idempotency-Key} ({@link IdempotencyService}), so that whatever the browser repeats is one request.
 */
public final class FormKeys {

    private FormKeys() {
    }

    public static String fresh() {
        return UUID.randomUUID().toString();
    }

    /** A form without a usable key was not drawn by the console: a bad request, not a refusal to explain. */
    public static void requireValid(String key) {
        try {
            IdempotencyService.requireValidKey(key);
        } catch (Refusal missing) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }
}
