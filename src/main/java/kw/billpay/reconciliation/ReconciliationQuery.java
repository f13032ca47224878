package kw.billpay.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Component;

/**
 * The reconciliation read model (CONTRACT "Reconciliation"): totals per channel and currency, and the DOMAIN R24 check
 * that every fils of every posted payment went to a bucket or to a credit balance. A named query over the ledger's
 * tables, read in one repeatable-read snapshot so the totals and the check describe the same moment. Money a channel
 * holds unposted (bank transfers in suspense, R27) is counted as received and not posted, from the same snapshot.
 */
@Component
@RequiredArgsConstructor
public class ReconciliationQuery {

    private final JdbcTemplate jdbc;
    private final ObjectProvider<UnpostedMoney> unposted;

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, Object> reconcile() {
        // received and its outcomes in the currency the money came in; posted and reversed in the billing currency
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select channel, received_currency as currency, 'received' as kind, count(*) as n, sum(received_amount) as total
                  from payment group by channel, received_currency
                union all
                select channel, received_currency, case when status in ('INITIATED', 'PENDING_CLEARING', 'PENDING_FX') then 'pending'
                                                        else lower(status) end, count(*), sum(received_amount)
                  from payment where status in ('INITIATED', 'PENDING_CLEARING', 'PENDING_FX', 'FAILED', 'RETURNED')
                  group by 1, 2, 3
                union all
                select channel, billing_currency, lower(status), count(*), sum(posted_amount)
                  from payment where status in ('POSTED', 'REVERSED') group by channel, billing_currency, status""");
        Map<String, Map<String, Object>> totals = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            String channel = (String) row.get("channel");
            String currency = ((String) row.get("currency")).trim();
            Map<String, Object> entry = totals.computeIfAbsent(channel + "/" + currency, k -> emptyTotals(channel, currency));
            entry.put((String) row.get("kind"), Map.of("count", ((Number) row.get("n")).longValue(),
                    "amount", money((BigDecimal) row.get("total"), currency)));
        }
        List<Map<String, Object>> suspense = new ArrayList<>();
        for (UnpostedMoney channel : unposted.orderedStream().toList()) {
            for (UnpostedMoney.Unposted held : channel.unposted()) {
                Map<String, Object> entry = totals.computeIfAbsent(held.channel() + "/" + held.currency(),
                        k -> emptyTotals(held.channel(), held.currency()));
                add(entry, "received", held.count(), held.amount(), held.currency());
                add(entry, held.state(), held.count(), held.amount(), held.currency());
                if (held.state().equals(UnpostedMoney.SUSPENSE)) {
                    suspense.add(Map.of("channel", held.channel(), "bank", held.bank(), "currency", held.currency(),
                            "count", held.count(), "amount", money(held.amount(), held.currency())));
                }
            }
        }

        List<Map<String, Object>> checks = new ArrayList<>();
        boolean balanced = true;
        for (Map<String, Object> row : jdbc.queryForList("""
                select p.billing_currency as currency, sum(p.posted_amount) as posted, sum(p.credit_balance_part) as credit,
                       coalesce(sum(a.allocated), 0) as allocated
                from payment p
                left join (select payment_id, sum(amount) as allocated from allocation group by payment_id) a using (payment_id)
                where p.status = 'POSTED' group by p.billing_currency""")) {
            String currency = ((String) row.get("currency")).trim();
            BigDecimal posted = (BigDecimal) row.get("posted");
            BigDecimal accounted = ((BigDecimal) row.get("allocated")).add((BigDecimal) row.get("credit"));
            boolean ok = posted.compareTo(accounted) == 0;
            balanced &= ok;
            checks.add(Map.of("currency", currency, "posted", money(posted, currency),
                    "allocated", money((BigDecimal) row.get("allocated"), currency),
                    "creditBalanceParts", money((BigDecimal) row.get("credit"), currency), "balanced", ok));
        }
        Long unbalancedPayments = jdbc.queryForObject("""
                select count(*) from payment p where p.status in ('POSTED', 'REVERSED')
                and p.posted_amount <> p.credit_balance_part + coalesce((select sum(amount) from allocation a where a.payment_id = p.payment_id), 0)""",
                Long.class);
        balanced &= unbalancedPayments == 0;

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("balanced", balanced);
        answer.put("totals", List.copyOf(totals.values()));
        answer.put("suspense", suspense);
        answer.put("conservation", Map.of("rule", "posted = allocations + credit-balance parts (DOMAIN R24), per billing currency",
                "perCurrency", checks, "unbalancedPayments", unbalancedPayments));
        return answer;
    }

    /** Payments received in a period, per channel, status and the currency received: count and sum. */
    public record StatusTotal(String channel, String status, Money received, long count) { }

    /** What came in between two times (a business day), per channel and status, for the operations console. */
    @Transactional(readOnly = true)
    public List<StatusTotal> receivedBetween(java.time.OffsetDateTime from, java.time.OffsetDateTime to) {
        return jdbc.query("""
                select channel, status, received_currency, count(*) as n, sum(received_amount) as total from payment
                where received_at >= ? and received_at < ? group by channel, status, received_currency
                order by channel, status, received_currency""",
                (rs, i) -> new StatusTotal(rs.getString("channel"), rs.getString("status"),
                        new Money(rs.getBigDecimal("total"), Currencies.parse(rs.getString("received_currency").trim())),
                        rs.getLong("n")), from, to);
    }

    private static Map<String, Object> emptyTotals(String channel, String currency) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("channel", channel);
        entry.put("currency", currency);
        for (String kind : List.of("received", "posted", "pending", "failed", "returned", "reversed", "suspense")) {
            entry.put(kind, Map.of("count", 0L, "amount", money(BigDecimal.ZERO, currency)));
        }
        return entry;
    }

    /** Adds held money to a kind of a totals row (received and not posted: R27). */
    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> entry, String kind, long count, BigDecimal amount, String currency) {
        Map<String, Object> before = (Map<String, Object>) entry.get(kind);
        entry.put(kind, Map.of("count", (Long) before.get("count") + count,
                "amount", money(new BigDecimal((String) before.get("amount")).add(amount), currency)));
    }

    private static String money(BigDecimal amount, String currency) {
        return new Money(amount, Currencies.parse(currency)).toPlainString();
    }
}
