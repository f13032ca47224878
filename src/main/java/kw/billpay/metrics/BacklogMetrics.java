package kw.billpay.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Registers every {@link BacklogGauge}, those counted in the database ({@link GatewayBacklogs}) and any other bean of
 * that type (the dead letters on the broker), and reads each at most once per {@code gateway.metrics.backlog-cache}: two
 * Prometheus servers scraping every few seconds cost the database one round of cheap counts, not one per scrape.
 * A backlog that cannot be read (the database or broker away) reports NaN, which Prometheus shows as a gap, rather than
 * an old value that would look current.
 */
@Component
@Slf4j
class BacklogMetrics {

    private final Duration cacheFor;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();

    private record Reading(double value, long readAtNanos) { }

    BacklogMetrics(MeterRegistry registry, GatewayBacklogs database, List<BacklogGauge> others,
                   @Value("${gateway.metrics.backlog-cache}") Duration cacheFor) {
        this.cacheFor = cacheFor;
        for (BacklogGauge backlog : Stream.concat(database.gauges().stream(), others.stream()).toList()) {
            Gauge.builder(backlog.name(), backlog, this::cached).description(backlog.description()).register(registry);
        }
    }

    private double cached(BacklogGauge backlog) {
        long now = System.nanoTime();
        return readings.compute(backlog.name(), (name, last) -> {
            if (last != null && now - last.readAtNanos() < cacheFor.toNanos()) {
                return last;
            }
            try {
                return new Reading(backlog.read(), now);
            } catch (RuntimeException e) {
                log.debug("Backlog {} could not be read: {}", name, e.toString());
                return new Reading(Double.NaN, now);
            }
        }).value();
    }
}
