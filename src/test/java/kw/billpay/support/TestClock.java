package kw.billpay.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The gateway's clock in the integration tests. The tests' present runs at the speed of real time (the KNET sweep,
 * the outbox relay and the file polls see time pass) from where it starts: the machine's time, or a fixed moment given
 * as {@code -Dgateway.test.clock-start=2026-11-21T10:15:00+03:00} so that no test depends on today's date (see
 * docs/testing.md for what still reads the machine's date). A test may stop the clock at a time ({@link #setTo}: the
 * 27th at 09:00 without waiting for it), run it from another moment ({@link #travelTo}: a time no exchange rate
 * covers) or move the present forward for good ({@link #advance}: past {@code KNET_RESOLVE_AFTER} without waiting).
 * {@link GatewayIntegrationTest} {@link #reset}s it after every test.
 */
public final class TestClock extends Clock {

    /** The system property that fixes where the tests' present starts (ISO-8601 with an offset). */
    public static final String START_PROPERTY = "gateway.test.clock-start";

    private final ZoneId zone;
    /** What is added to the real time to give the present, and to give the moment a test travelled to. */
    private volatile long presentOffsetMillis;
    private volatile long offsetMillis;
    /** Where the clock stands while a test has stopped it, else null. */
    private volatile Instant stoppedAt;

    TestClock(ZoneId zone) {
        this.zone = zone;
        String start = System.getProperty(START_PROPERTY);
        this.presentOffsetMillis = start == null ? 0 : OffsetDateTime.parse(start).toInstant().toEpochMilli() - System.currentTimeMillis();
        this.offsetMillis = presentOffsetMillis;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.fixed(instant(), other); // nobody in the gateway asks; a fixed copy is honest enough
    }

    /** Millisecond times, as the gateway's own clock gives (the database keeps microseconds; clients, milliseconds). */
    @Override
    public Instant instant() {
        Instant stopped = stoppedAt;
        return stopped != null ? stopped : Instant.ofEpochMilli(System.currentTimeMillis() + offsetMillis);
    }

    /** Stops the clock at this time, until {@link #reset} or another move. */
    public synchronized void setTo(ZonedDateTime time) {
        stoppedAt = time.toInstant();
    }

    /** Runs the clock from {@code moment} on, until {@link #reset}. */
    public synchronized void travelTo(Instant moment) {
        stoppedAt = null;
        offsetMillis = moment.toEpochMilli() - System.currentTimeMillis();
    }

    /** Moves the present forward for good: time never goes back for the tests that come after. */
    public synchronized void advance(Duration duration) {
        presentOffsetMillis += duration.toMillis();
        offsetMillis += duration.toMillis();
        if (stoppedAt != null) {
            stoppedAt = stoppedAt.plus(duration);
        }
    }

    /** Back to the present, running. */
    public synchronized void reset() {
        stoppedAt = null;
        offsetMillis = presentOffsetMillis;
    }

    /** Replaces the gateway's clock in the tests' Spring context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock(@Value("${gateway.time-zone}") ZoneId zone) {
            return new TestClock(zone);
        }
    }
}
