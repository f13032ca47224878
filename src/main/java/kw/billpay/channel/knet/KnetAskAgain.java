package kw.billpay.channel.knet;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * When the gateway asks KNET's inquiry service about a payment again: after an answer it could not read, a back-off
 * that doubles up to a maximum; after KNET's word failed the payment, once after a delay and once at the end of the
 * business day.
 */
final class KnetAskAgain {

    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final Duration recheckDelay;
    private final LocalTime endOfDay;
    private final ZoneId zone;

    KnetAskAgain(Duration backoffInitial, Duration backoffMax, Duration recheckDelay, LocalTime endOfDay, ZoneId zone) {
        if (backoffInitial.isNegative() || backoffInitial.isZero() || backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("gateway.knet.inquiry-backoff-initial must be positive and at most inquiry-backoff-max");
        }
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
        this.recheckDelay = recheckDelay;
        this.endOfDay = endOfDay;
        this.zone = zone;
    }

    static KnetAskAgain of(KnetProperties knet, ZoneId zone) {
        LocalTime endOfDay;
        try {
            endOfDay = LocalTime.parse(knet.recheckEndOfDay());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("gateway.knet.recheck-end-of-day must be a time of day, HH:mm: "
                    + knet.recheckEndOfDay(), e);
        }
        return new KnetAskAgain(knet.inquiryBackoffInitial(), knet.inquiryBackoffMax(), knet.recheckDelay(), endOfDay, zone);
    }

    /** The next ask after the {@code unanswered}-th answer in a row the gateway could not read (1 for the first). */
    OffsetDateTime afterUnanswered(OffsetDateTime now, int unanswered) {
        Duration wait = backoffInitial;
        for (int i = 1; i < unanswered && wait.compareTo(backoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return now.plus(wait.compareTo(backoffMax) > 0 ? backoffMax : wait);
    }

    /** The first recheck of a payment KNET's word failed at {@code failedAt}. */
    OffsetDateTime firstRecheck(OffsetDateTime failedAt) {
        return failedAt.plus(recheckDelay);
    }

    /** The first end of a business day strictly after {@code after}: the second recheck. */
    OffsetDateTime endOfBusinessDayAfter(OffsetDateTime after) {
        ZonedDateTime local = after.atZoneSameInstant(zone);
        ZonedDateTime today = local.toLocalDate().atTime(endOfDay).atZone(zone);
        return (today.isAfter(local) ? today : today.plusDays(1)).toOffsetDateTime();
    }
}
