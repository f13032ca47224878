package kw.billpay.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Times as responses and read models give them: at the offset of the gateway's zone (the business day's). */
public final class ZonedTimes {

    private ZonedTimes() {
    }

    /** The same instant at the zone's offset; null (a time not yet reached, e.g. a file not completed) stays null. */
    public static OffsetDateTime inZone(OffsetDateTime time, ZoneId zone) {
        return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
