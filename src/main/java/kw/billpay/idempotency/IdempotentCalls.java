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
        return new IdempotentCall(Caller.required(), request.getHeader(IdempotentCall.HEADER), idempotency);
    }
}
