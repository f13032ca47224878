package kw.billpay.core.payment;

import java.time.OffsetDateTime;
import java.util.Map;

/** One entry of a payment's audit trail (DOMAIN R25). */
public record PaymentEvent(long id, OffsetDateTime occurredAt, String type, String actor, Map<String, Object> detail) {
}
