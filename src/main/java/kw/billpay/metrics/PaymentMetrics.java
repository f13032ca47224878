package kw.billpay.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import kw.billpay.core.money.Money;
import kw.billpay.core.payment.Channel;
import kw.billpay.core.payment.PaymentStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The contract's payment counters, counted when the database has committed what they count:
 * {@code gateway_payments_total{channel,status}} (payments that reached a status: a cheque counts once as
 * PENDING_CLEARING and once as POSTED) and {@code gateway_payments_posted_amount_total{channel,currency}} (amounts posted,
 * in the account's billing currency).
 *
 * <p>Each instance counts what it committed, and Prometheus adds the instances up: with N instances nothing is counted
 * twice (one commit, one instance), a rolled-back transaction counts nothing, and an instance killed between two
 * scrapes loses at most the increments since its last scrape, never a double count. Counters read from the database
 * instead would show every instance the same totals, to be deduplicated rather than added, and cost a scan per scrape.
 */
@Component
public class PaymentMetrics {

    private static final String PENDING = PaymentMetrics.class.getName() + ".pending";

    private final MeterRegistry registry;

    public PaymentMetrics(MeterRegistry registry) {
        this.registry = registry;
        // every channel and status from the start: a dashboard shows 0, not "no data", for what has not happened yet
        for (Channel channel : Channel.values()) {
            for (PaymentStatus status : PaymentStatus.values()) {
                payments(channel, status);
            }
        }
    }

    /**
     * A payment reached {@code status}; {@code posted} is the amount it posted (POSTED), else null. Counted when the
     * current transaction commits, or now when there is none (the statement committed by itself).
     */
    public void reached(Channel channel, PaymentStatus status, Money posted) {
        Runnable count = () -> {
            payments(channel, status).increment();
            if (status == PaymentStatus.POSTED && posted != null) {
                postedAmount(channel, posted).increment(posted.amount().doubleValue());
            }
        };
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        pendingInThisTransaction().add(count);
    }

    /** The increments of the current transaction, run by one synchronization after its commit (a file's batch: many). */
    @SuppressWarnings("unchecked")
    private static List<Runnable> pendingInThisTransaction() {
        List<Runnable> pending = (List<Runnable>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            List<Runnable> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(PENDING, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    created.forEach(Runnable::run);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = created;
        }
        return pending;
    }

    private Counter payments(Channel channel, PaymentStatus status) {
        return Counter.builder("gateway.payments")
                .description("Payments that reached a status, per channel (counted at commit, per instance)")
                .tag("channel", channel.name())
                .tag("status", status.name())
                .register(registry);
    }

    private Counter postedAmount(Channel channel, Money amount) {
        return Counter.builder("gateway.payments.posted.amount")
                .description("Amounts posted, per channel and billing currency (counted at commit, per instance)")
                .tag("channel", channel.name())
                .tag("currency", amount.currency().getCurrencyCode())
                .register(registry);
    }
}
