package kw.billpay.channel.knet;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A KNET payment's value time (DOMAIN R18: the KNET transaction time). KNET dates a transaction by its {@code postdate},
 * the month and day ({@code MMDD}) of KNET's business day in Kuwait, with neither year nor time. The year is the one
 * that puts the date nearest the moment the gateway saw the payment (a transaction is posted within a day or so of
 * being made, so a December payment posted on {@code 0101} is January of the next year). The time of day is the
 * gateway's best witness of it, the callback's arrival or else the intent's start, when that falls on the post date;
 * otherwise the post date's nearest instant: its first millisecond when KNET posted it on a later day than the
 * witness, its last when on an earlier one.
 */
final class KnetValueTime {

    /** KNET's business day is Kuwait's, whatever the gateway's own time zone. */
    static final ZoneId KNET_ZONE = ZoneId.of("Asia/Kuwait");
    private static final Pattern MMDD = Pattern.compile("\\d{4}");

    private KnetValueTime() {
    }

    /**
     * @param postDate KNET's {@code postdate}; null, blank or malformed leaves {@code witness} as the value time
     * @param witness  when the gateway saw the transaction: the callback's arrival, else the intent's start
     */
    static OffsetDateTime of(String postDate, OffsetDateTime witness) {
        ZoneId zone = KNET_ZONE;
        ZonedDateTime seen = witness.atZoneSameInstant(zone);
        Optional<LocalDate> day = postDate(postDate, seen.toLocalDate());
        if (day.isEmpty()) {
            return witness;
        }
        ZonedDateTime first = day.get().atStartOfDay(zone);
        ZonedDateTime last = day.get().plusDays(1).atStartOfDay(zone).minus(1, ChronoUnit.MILLIS);
        if (seen.isBefore(first)) {
            return first.toOffsetDateTime();
        }
        return seen.isAfter(last) ? last.toOffsetDateTime() : witness;
    }

    /** The date {@code MMDD} names in the year that puts it nearest {@code near}; empty when it names no date. */
    static Optional<LocalDate> postDate(String mmdd, LocalDate near) {
        if (mmdd == null || !MMDD.matcher(mmdd.trim()).matches()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(mmdd.trim().substring(0, 2));
        int day = Integer.parseInt(mmdd.trim().substring(2));
        LocalDate best = null;
        for (int year = near.getYear() - 1; year <= near.getYear() + 1; year++) {
            try {
                LocalDate candidate = LocalDate.of(year, month, day);
                if (best == null || distance(candidate, near) < distance(best, near)) {
                    best = candidate;
                }
            } catch (DateTimeException noSuchDate) {
                // 0229 outside a leap year, 1301, 0000: not that year
            }
        }
        return Optional.ofNullable(best);
    }

    private static long distance(LocalDate a, LocalDate b) {
        return Math.abs(ChronoUnit.DAYS.between(a, b));
    }
}
