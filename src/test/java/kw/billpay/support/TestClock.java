package kw.billpay.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The gateway's clock in the integration tests: the system clock, until a test sets it to a fixed time (and sets it
 * back when done), so that a test can be on the 27th at 09:00 without waiting for it.
 */
public final class TestClock extends Clock {

    private final Clock system;
    private volatile Clock current;

    TestClock(ZoneId zone) {
        this.system = Clock.tickMillis(zone);
        this.current = system;
    }

    /** Stops the clock at this time. */
    public void setTo(ZonedDateTime time) {
        current = Clock.fixed(time.toInstant(), system.getZone());
    }

    public void reset() {
        current = system;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return current.withZone(zone);
    }

    @Override
    public Instant instant() {
        return current.instant();
    }

    /** Replaces the gateway's clock in the tests' context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock(@Value("${gateway.time-zone}") ZoneId zone) {
            return new TestClock(zone);
        }
    }
}
