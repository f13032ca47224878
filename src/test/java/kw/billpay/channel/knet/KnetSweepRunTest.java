package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import kw.billpay.channel.knet.KnetInquiryScheduleRepository.Entry;
import kw.billpay.channel.knet.KnetInquiryScheduleRepository.Purpose;
import kw.billpay.channel.knet.KnetResolution.Resolution;
import kw.billpay.core.money.Money;
import org.junit.jupiter.api.Test;

/** One sweep run is bounded: a batch of at most sweep-batch-size, and no inquiry started after sweep-max-run. */
class KnetSweepRunTest {

    private static final KnetProperties KNET = new KnetProperties("", Duration.ofMinutes(15), "id", "password",
            "0123456789ABCDEF", 5000, Duration.ofMinutes(1), Duration.ofHours(1), 100, Duration.ofSeconds(20),
            Duration.ofHours(1), "23:30");

    private final MovingClock clock = new MovingClock();
    private final List<UUID> released = new ArrayList<>();
    private final List<UUID> done = new ArrayList<>();
    private int askedFor;
    private final List<Entry> due = IntStream.range(0, 100)
            .mapToObj(i -> new Entry(new UUID(0, i), Purpose.RESOLVE, 0, OffsetDateTime.now(clock).minusMinutes(100 - i), 0))
            .toList();

    private final KnetInquiryScheduleRepository repository = new KnetInquiryScheduleRepository(null) {
        @Override
        public List<Entry> claimDue(OffsetDateTime now, int limit, OffsetDateTime claimedUntil) {
            askedFor = limit;
            assertThat(claimedUntil).isAfter(now.plusSeconds(30));
            return due.subList(0, Math.min(limit, due.size()));
        }

        @Override
        public void release(Collection<UUID> paymentIds) {
            released.addAll(paymentIds);
        }

        @Override
        public void done(UUID paymentId) {
            done.add(paymentId);
        }
    };

    /** Every third payment was settled meanwhile. */
    private final KnetResolution resolutions = new KnetResolution(null, null, null) {
        @Override
        public Optional<Resolution> forScheduled(UUID paymentId) {
            return paymentId.getLeastSignificantBits() % 3 == 2 ? Optional.empty()
                    : Optional.of(new Resolution(paymentId, "T" + paymentId.getLeastSignificantBits(),
                    Money.of("1.000", "KWD"), null, true, OffsetDateTime.now(clock), null));
        }
    };

    @Test
    void aRunStartsNoInquiryAfterItsMaximumAndLeavesTheRestToTheNextRun() {
        Iterator<Resolution> run = new KnetInquirySchedule(repository, resolutions, KNET, null, clock).due();

        List<Resolution> asked = new ArrayList<>();
        while (run.hasNext()) {
            asked.add(run.next());
            clock.advance(Duration.ofSeconds(6)); // each inquiry takes 6 s: KNET is slow today
        }

        assertThat(askedFor).isEqualTo(100);
        // at 0, 6, 12 and 18 s; at 24 s the run is past its 20 s
        assertThat(asked).extracting(Resolution::trackId).containsExactly("T0", "T1", "T3", "T4");
        assertThat(done).containsExactly(new UUID(0, 2));
        assertThat(released).hasSize(95).startsWith(new UUID(0, 5)).endsWith(new UUID(0, 99));
    }

    @Test
    void aQuickRunTakesTheWholeBatchTheLongestDueFirst() {
        Iterator<Resolution> run = new KnetInquirySchedule(repository, resolutions, KNET, null, clock).due();

        List<Resolution> asked = new ArrayList<>();
        run.forEachRemaining(asked::add);

        assertThat(asked).hasSize(67).first().extracting(Resolution::trackId).isEqualTo("T0");
        assertThat(released).isEmpty();
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T07:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.ofHours(3);
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
