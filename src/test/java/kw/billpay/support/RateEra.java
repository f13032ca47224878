package kw.billpay.support;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A stretch of time that belongs to one test, for the exchange rates it puts. Rates are global: one table shared by
 * every test of the JVM, and a rate is in force from its {@code effectiveAt} until the pair's next rate, so a rate one
 * test puts can change another test's conversion. The tests share time this way:
 * <ul>
 *   <li>The present (since 2026) has USD→KWD 0.305000 ({@link GatewayIntegrationTest#ensureUsdKwdRate},
 *       from 2026-01-01; the README's example, from 2026-11-01) and KWD→USD 3.2600000 from 2026-01-01 (the KNET
 *       tests). A test in the present puts no other rate for these pairs.</li>
 *   <li>2025 belongs to the tests that hold a received payment for want of a rate and release it (direct-debit
 *       fixtures at 2025-11, a posting test at 2025-06): a rate put there must be the one the test expects.</li>
 *   <li>Before 2000: eras of 30 days handed out by {@link #next}, each earlier than the one before, so no rate of a
 *       later era is in force in an earlier one. An era has no rate in force at all until its test puts one (a
 *       payment in it is refused {@code NO_FX_RATE}, or held {@code PENDING_FX}), and {@link #close} takes its rates
 *       away again when the test ends.</li>
 * </ul>
 */
public final class RateEra implements AutoCloseable {

    private static final LocalDate LAST_ERA_END = LocalDate.of(1999, 12, 1);
    private static final int DAYS = 30;
    private static final AtomicInteger HANDED_OUT = new AtomicInteger();

    private final JdbcTemplate jdbc;
    private final OffsetDateTime start;
    private final OffsetDateTime end;

    private RateEra(JdbcTemplate jdbc, OffsetDateTime start, OffsetDateTime end) {
        this.jdbc = jdbc;
        this.start = start;
        this.end = end;
    }

    /** A new era no test has used, with no rate in force, in the business time zone. */
    public static RateEra next(JdbcTemplate jdbc) {
        int n = HANDED_OUT.getAndIncrement();
        ZoneId kuwait = ZoneId.of("Asia/Kuwait");
        LocalDate endDay = LAST_ERA_END.minusDays((long) n * DAYS);
        return new RateEra(jdbc, endDay.minusDays(DAYS).atStartOfDay(kuwait).toOffsetDateTime(),
                endDay.atStartOfDay(kuwait).toOffsetDateTime());
    }

    public OffsetDateTime start() {
        return start;
    }

    /** A moment of the era: its start plus {@code sinceStart} (less than its 30 days). */
    public OffsetDateTime at(Duration sinceStart) {
        OffsetDateTime at = start.plus(sinceStart);
        if (!at.isBefore(end)) {
            throw new IllegalArgumentException(sinceStart + " is past the era's end");
        }
        return at;
    }

    /** One rate of {@code PUT /api/v1/fx-rates}, effective at a moment of this era. */
    public Map<String, Object> rate(String from, String to, String rate, OffsetDateTime effectiveAt, String source) {
        if (effectiveAt.isBefore(start) || !effectiveAt.isBefore(end)) {
            throw new IllegalArgumentException(effectiveAt + " is outside the era " + start + " to " + end);
        }
        return Map.of("from", from, "to", to, "rate", rate, "effectiveAt", effectiveAt.toString(), "source", source);
    }

    /** Takes away the rates put in this era: the next test finds the past as it was. */
    @Override
    public void close() {
        jdbc.update("delete from fx_rate where effective_at >= ? and effective_at < ?", start, end);
    }
}
