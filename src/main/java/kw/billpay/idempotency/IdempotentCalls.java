package kw.billpay.idempotency;

import kw.billpay.security.Caller;
import kw.billpay.web.ControllerArgument;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * Lets an API method take an {@link IdempotentCall} as a parameter: the one place that reads the
 * {@code Idempotency-Key} header, so that every idempotent POST reads it, scopes it to its caller and checks it alike.
 * The key is checked when the call is answered ({@link IdempotentCall#respond}, {@link IdempotentCall#requireKey}), so a
 * request refused for its body is refused for its body, whatever its key.
 */
@Component
class IdempotentCalls extends ControllerArgument<IdempotentCall> {

    private final IdempotencyService idempotency;

    IdempotentCalls(IdempotencyService idempotency) {
        super(IdempotentCall.class);
        this.idempotency = idempotency;
    }

    @Override
    protected IdempotentCall resolve(NativeWebRequest request) {
        // the header sent twice is one key of both values, as Spring's @RequestHeader String reads it ("k1,k2"), not
        // the first: a different request under it is not taken for a retry of the first key's
        String[] values = request.getHeaderValues(IdempotentCall.HEADER);
        return new IdempotentCall(Caller.required(), values == null ? null : String.join(",", values), idempotency);
    }
}
