package kw.billpay.posting;

import java.time.OffsetDateTime;
import java.util.List;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import kw.billpay.core.payment.PaymentMethod;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What a teller took in at the counter over a day, from table {@code payment} (read only here; written by
 * {@link PaymentRepository}): the expected side of the teller's till. Every payment the teller recorded counts in the
 * currency it was received in, whatever happened to it later (a cheque returned, a payment reversed): the cash or
 * the cheque was handed over the counter all the same. Online intents that never completed are not a teller's.
 */
@Repository
@RequiredArgsConstructor
public class TillTotals {

    private final JdbcTemplate jdbc;

    /** One tender in one currency: how many payments, how much. */
    public record Line(PaymentMethod method, Money total, int count) { }

    List<Line> takenBy(String teller, OffsetDateTime from, OffsetDateTime to) {
        // the expression and the predicate match index payment_teller_day_idx (V15)
        return jdbc.query("""
                select method, received_currency, count(*) as n, sum(received_amount) as total from payment
                where channel = 'BRANCH' and origin ->> 'teller' = ? and received_at >= ? and received_at < ?
                group by method, received_currency order by method, received_currency""",
                (rs, i) -> new Line(PaymentMethod.valueOf(rs.getString("method")),
                        new Money(rs.getBigDecimal("total"), Currencies.parse(rs.getString("received_currency").trim())),
                        rs.getInt("n")),
                teller, from, to);
    }
}
