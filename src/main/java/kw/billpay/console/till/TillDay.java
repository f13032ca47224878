package kw.billpay.console.till;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import kw.billpay.console.till.TillBook.Tally;
import kw.billpay.posting.Payments;
import kw.billpay.security.Hashing;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * What a teller's payments of a day say the till holds, as they stand now: a count is compared against it when it is
 * shown and when it is signed off, so that a payment taken after the count shows as a difference instead of being in
 * no count.
 */
@Component
@RequiredArgsConstructor
public class TillDay {

    private final Payments payments;
    private final Clock clock;

    public Map<String, Tally> expected(String teller, LocalDate day) {
        ZonedDateTime start = day.atStartOfDay(clock.getZone());
        return TillBook.expected(payments.takenBy(teller, start.toOffsetDateTime(), start.plusDays(1).toOffsetDateTime()));
    }

    /** A count and the expected side as a supervisor saw them, so that a sign-off signs nothing that changed since. */
    public static String fingerprint(TillCount count, Map<String, Tally> expected) {
        return Hashing.sha256Hex(count.countedAt().toInstant() + "|" + expected);
    }
}
