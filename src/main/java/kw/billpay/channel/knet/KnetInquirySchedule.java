package kw.billpay.channel.knet;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import kw.billpay.channel.knet.KnetInquiryScheduleRepository.Entry;
import kw.billpay.channel.knet.KnetInquiryScheduleRepository.Purpose;
import kw.billpay.channel.knet.KnetResolution.Decision;
import kw.billpay.channel.knet.KnetResolution.Resolution;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentCommand;
import kw.billpay.posting.Payments;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the gateway asks KNET's inquiry service about a payment, kept durably so that no captured money is lost
 * (CONTRACT "Online and mobile payments through KNET", DOMAIN R8, R21). An intent is expected when it starts, and asked
 * about after {@code KNET_RESOLVE_AFTER} unless KNET's callback resolved it first. An answer the gateway could not read
 * (or none) leaves the payment as it is and asks again after a back-off. A payment KNET's word failed is asked again
 * after {@code recheck-delay} and at the end of the business day; a capture then is posted and flagged by the core.
 * The sweep takes a bounded batch, the longest due first, and stops starting inquiries after {@code sweep-max-run}.
 */
@Component("knetInquirySchedule")
@Slf4j
public class KnetInquirySchedule {

    private final KnetInquiryScheduleRepository schedule;
    private final KnetResolution resolutions;
    private final KnetProperties knet;
    private final KnetAskAgain askAgain;
    private final Payments payments;
    private final Clock clock;

    public KnetInquirySchedule(KnetInquiryScheduleRepository schedule, KnetResolution resolutions, KnetProperties knet,
                               Payments payments, Clock clock) {
        this.schedule = schedule;
        this.resolutions = resolutions;
        this.payments = payments;
        this.knet = knet;
        this.askAgain = KnetAskAgain.of(knet, clock.getZone());
        this.clock = clock;
        if (knet.sweepBatchSize() < 1 || knet.sweepMaxRun() == null || knet.sweepMaxRun().isNegative()) {
            throw new IllegalArgumentException("gateway.knet.sweep-batch-size must be at least 1 and sweep-max-run not negative");
        }
    }

    /** A started intent: asked about after KNET_RESOLVE_AFTER unless KNET resolves it first. Joins the caller's transaction. */
    public Payment expect(Payment intent) {
        schedule.expect(intent.paymentId(), intent.receivedAt().plus(knet.resolveAfter()));
        return intent;
    }

    /**
     * One sweep run: the payments due, claimed in a bounded batch and handed out the longest due first, while the run
     * is within {@code sweep-max-run}; those it does not get to are released for the next run.
     */
    public Iterator<Resolution> due() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Duration lease = knet.sweepMaxRun().plus(Duration.ofMillis(2L * knet.inquiryTimeoutMs())).plusMinutes(1);
        List<Entry> claimed = schedule.claimDue(now, knet.sweepBatchSize(), now.plus(lease));
        return new SweepRun(claimed, clock.instant().plus(knet.sweepMaxRun()));
    }

    /** After KNET's answer and its step: when, and whether, the payment is asked about again. */
    @Transactional
    public void after(Resolution resolution, Decision decision) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Entry> entry = schedule.lock(resolution.paymentId());
        switch (decision.outcome()) {
            case CAPTURED -> schedule.done(resolution.paymentId());
            case AMOUNT_MISMATCH -> {
                // held for review in the payment's history: a payment that had already failed (a recheck) does not
                // fail again, so nothing else would say what KNET holds (R8, R25)
                if (decision.command() instanceof PaymentCommand.Fail held) {
                    payments.addToHistory(resolution.paymentId(), "KNET_AMOUNT_MISMATCH", held.actor(),
                            Map.of("result", held.result()));
                }
                schedule.done(resolution.paymentId());
            }
            case UNANSWERED -> {
                int attempts = entry.map(Entry::attempts).orElse(0) + 1;
                schedule.schedule(resolution.paymentId(), entry.map(Entry::purpose).orElse(Purpose.RESOLVE),
                        entry.map(Entry::stage).orElse(0), attempts, askAgain.afterUnanswered(now, attempts), now,
                        decision.answer());
            }
            case NOT_CAPTURED -> {
                if (entry.isEmpty() || entry.get().purpose() == Purpose.RESOLVE) {
                    schedule.schedule(resolution.paymentId(), Purpose.RECHECK, 1, 0, askAgain.firstRecheck(now), now,
                            decision.answer());
                } else if (entry.get().stage() == 1) {
                    schedule.schedule(resolution.paymentId(), Purpose.RECHECK, 2, 0, askAgain.endOfBusinessDayAfter(now),
                            now, decision.answer());
                } else {
                    schedule.done(resolution.paymentId());
                }
            }
        }
    }

    /** A payment whose resolution failed for a reason of the gateway's own: asked again after a back-off, not next run. */
    @Transactional
    public void failed(Resolution resolution, Exception failure) {
        log.warn("KNET resolution of payment {} failed, asked again later: {}", resolution.paymentId(), failure.toString());
        after(resolution, new Decision(KnetResolution.Outcome.UNANSWERED, null,
                KnetInquiry.InquiryAnswer.none("gateway error: " + failure).problem()));
    }

    /** Hands out a claimed batch while the run is in time; settled payments leave the schedule on the way. */
    private final class SweepRun implements Iterator<Resolution> {

        private final List<Entry> claimed;
        private final java.time.Instant deadline;
        private int next;
        private Resolution ready;

        SweepRun(List<Entry> claimed, java.time.Instant deadline) {
            this.claimed = claimed;
            this.deadline = deadline;
        }

        @Override
        public boolean hasNext() {
            while (ready == null && next < claimed.size()) {
                if (clock.instant().isAfter(deadline)) {
                    List<java.util.UUID> left = new ArrayList<>();
                    claimed.subList(next, claimed.size()).forEach(e -> left.add(e.paymentId()));
                    schedule.release(left);
                    log.info("KNET sweep run reached sweep-max-run; {} payments left to the next run", left.size());
                    next = claimed.size();
                    return false;
                }
                Entry entry = claimed.get(next++);
                Optional<Resolution> resolution = resolutions.forScheduled(entry.paymentId());
                if (resolution.isPresent()) {
                    ready = resolution.get();
                } else {
                    schedule.done(entry.paymentId()); // settled meanwhile: nothing to ask
                }
            }
            return ready != null;
        }

        @Override
        public Resolution next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Resolution handed = ready;
            ready = null;
            return handed;
        }
    }
}
