package kw.billpay.metrics;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The backlogs the contract and the dashboard name that are counted in the shared database: each one cheap query on a
 * partial index, one row of the table below. (Dead letters are counted on the broker: kw.billpay.ops.DeadLetters.)
 */
@Component
class GatewayBacklogs {

    private final List<BacklogGauge> gauges;

    GatewayBacklogs(JdbcTemplate jdbc, @Value("${gateway.knet.resolve-after}") Duration resolveAfter) {
        String unresolved = " from payment where status = 'INITIATED'";
        String directDebitFiles = " from direct_debit_file where status = 'IN_PROGRESS'";
        gauges = List.of(
                counted(jdbc, "gateway.knet.payments.unresolved",
                        "Online payments (KNET) started and not yet resolved (no final callback or inquiry answer)",
                        "select count(*)" + unresolved),
                counted(jdbc, "gateway.knet.payments.overdue",
                        "Online payments waiting longer than KNET_RESOLVE_AFTER: the sweep asks KNET about them",
                        "select count(*)" + unresolved
                                + " and received_at < now() - make_interval(secs => " + resolveAfter.toSeconds() + ")"),
                counted(jdbc, "gateway.knet.payments.unresolved.oldest.seconds",
                        "Age of the oldest online payment not yet resolved (0: none)",
                        "select coalesce(extract(epoch from now() - min(received_at)), 0)" + unresolved),
                counted(jdbc, "gateway.direct.debit.files.in.progress",
                        "Direct-debit result files being posted",
                        "select count(*)" + directDebitFiles),
                counted(jdbc, "gateway.direct.debit.records.in.progress",
                        "Records of the direct-debit files being posted that are not done yet",
                        "select coalesce(sum(greatest(record_count - records_done, 0)), 0)" + directDebitFiles),
                counted(jdbc, "gateway.bank.transfer.files.in.progress",
                        "Bank-transfer (camt.054) files being taken",
                        "select count(*) from bank_transfer_file where status = 'IN_PROGRESS'"),
                counted(jdbc, "gateway.suspense.items.open",
                        "Bank transfers received and held in suspense, waiting to be assigned to an account or returned (R27)",
                        "select count(*) from bank_transfer where suspended and status = 'SUSPENSE'"),
                counted(jdbc, "gateway.events.outbox.backlog",
                        "Payment events written and not yet relayed to the broker",
                        "select count(*) from payment_event e, event_relay_position p"
                                + " where e.publish and p.relay = 'payment-events' and (e.tx_id, e.id) > (p.tx_id, p.id)"));
    }

    List<BacklogGauge> gauges() {
        return gauges;
    }

    /** A backlog that is the one number {@code sql} answers. */
    private static BacklogGauge counted(JdbcTemplate jdbc, String name, String description, String sql) {
        return BacklogGauge.of(name, description, () -> {
            Number value = jdbc.queryForObject(sql, Number.class);
            return value == null ? 0 : value.doubleValue();
        });
    }
}
