package kw.billpay.idempotency;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * The published OpenAPI document (/v3/api-docs) shows an idempotent POST as the contract does, with its
 * {@code Idempotency-Key} header: the method takes an {@link IdempotentCall}, which the document leaves out
 * ({@code ControllerArgument}).
 */
@Component
class IdempotencyKeyHeader implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == IdempotentCall.class)) {
            operation.addParametersItem(new HeaderParameter().name(IdempotentCall.HEADER).required(false)
                    .description("1 to 64 visible ASCII characters, scoped to the caller: the same key with the same "
                            + "request gets the first answer again, with another request a 409. Required (400 "
                            + "IDEMPOTENCY_KEY_MISSING) on every idempotent POST but a suspense item's return")
                    .schema(new StringSchema().minLength(1).maxLength(64)));
        }
        return operation;
    }
}
