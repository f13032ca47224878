package kw.billpay.posting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kw.billpay.core.allocation.Allocation;
import kw.billpay.core.allocation.Bucket;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.FxRate;
import kw.billpay.core.money.Money;
import kw.billpay.core.payment.Channel;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentEvent;
import kw.billpay.core.payment.PaymentFlag;
import kw.billpay.core.payment.PaymentMethod;
import kw.billpay.core.payment.PaymentStatus;
import kw.billpay.web.ZonedTimes;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How a payment is stored in its columns and read back from them (table {@code payment}, with its {@code allocation}
 * rows, and its history in {@code payment_event}): times in the business day's zone, flags as a comma-separated list,
 * the origin and audit details as JSON.
 */
@Component
@RequiredArgsConstructor
class PaymentRows {

    private static final TypeReference<Map<String, String>> ORIGIN = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() { };

    private final ObjectMapper json;
    private final Clock clock;

    Payment map(ResultSet rs, int row) throws SQLException {
        Currency received = Currencies.parse(rs.getString("received_currency"));
        Currency billing = Currencies.parse(rs.getString("billing_currency"));
        BigDecimal posted = rs.getBigDecimal("posted_amount");
        BigDecimal rate = rs.getBigDecimal("fx_rate");
        FxRate fx = rate == null ? null : new FxRate(received, billing, FxRate.quoted(rate),
                zoned(rs.getObject("fx_effective_at", OffsetDateTime.class)), rs.getString("fx_source"));
        BigDecimal creditPart = rs.getBigDecimal("credit_balance_part");
        return new Payment(
                rs.getObject("payment_id", UUID.class),
                rs.getString("source_key"),
                Channel.valueOf(rs.getString("channel")),
                PaymentMethod.valueOf(rs.getString("method")),
                PaymentStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getString("account_number"),
                new Money(rs.getBigDecimal("received_amount"), received),
                billing,
                posted == null ? null : new Money(posted, billing),
                fx,
                List.of(),
                creditPart == null ? null : new Money(creditPart, billing),
                zoned(rs.getObject("value_time", OffsetDateTime.class)),
                zoned(rs.getObject("received_at", OffsetDateTime.class)),
                rs.getString("reference"),
                rs.getString("receipt_number"),
                parseFlags(rs.getString("flags")),
                fromJson(rs.getString("origin"), ORIGIN));
    }

    /** One row of the payment's history. */
    PaymentEvent event(ResultSet rs, int row) throws SQLException {
        return new PaymentEvent(rs.getLong("id"), zoned(rs.getObject("occurred_at", OffsetDateTime.class)),
                rs.getString("type"), rs.getString("actor"), detail(rs.getString("detail")));
    }

    /** The payments as read, the posted ones with their allocations (one query for all of them), in paying order. */
    List<Payment> withAllocations(JdbcTemplate jdbc, List<Payment> payments) {
        List<UUID> posted = payments.stream().filter(p -> p.posted() != null).map(Payment::paymentId).toList();
        if (posted.isEmpty()) {
            return payments;
        }
        Map<UUID, List<Allocation>> byPayment = new HashMap<>();
        Map<UUID, Currency> currencies = payments.stream()
                .collect(Collectors.toMap(Payment::paymentId, Payment::billingCurrency));
        jdbc.query("select payment_id, bucket, amount from allocation where payment_id = any(?) order by payment_id, position",
                rs -> {
                    UUID id = rs.getObject("payment_id", UUID.class);
                    byPayment.computeIfAbsent(id, k -> new ArrayList<>()).add(new Allocation(
                            Bucket.valueOf(rs.getString("bucket")), new Money(rs.getBigDecimal("amount"), currencies.get(id))));
                },
                (Object) posted.toArray(UUID[]::new));
        return payments.stream()
                .map(p -> p.posted() == null ? p : p.withAllocations(byPayment.getOrDefault(p.paymentId(), List.of())))
                .toList();
    }

    OffsetDateTime zoned(OffsetDateTime time) {
        return ZonedTimes.inZone(time, clock.getZone());
    }

    static String flags(Set<PaymentFlag> flags) {
        return flags.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static Set<PaymentFlag> parseFlags(String flags) {
        if (flags == null || flags.isEmpty()) {
            return Set.of();
        }
        EnumSet<PaymentFlag> set = EnumSet.noneOf(PaymentFlag.class);
        Arrays.stream(flags.split(",")).map(PaymentFlag::valueOf).forEach(set::add);
        return set;
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    /** An audit entry's detail as stored. */
    Map<String, Object> detail(String text) {
        return fromJson(text, DETAIL);
    }
}
