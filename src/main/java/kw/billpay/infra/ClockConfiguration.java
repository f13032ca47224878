package kw.billpay.infra;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole gateway, in the business time zone: value times, receipts and statement days use it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${gateway.time-zone}") ZoneId zone) {
        return Clock.tickMillis(zone); // millisecond times: what every client and the database keep exactly
    }
}
