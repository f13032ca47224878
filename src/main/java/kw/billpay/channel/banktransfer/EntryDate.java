package kw.billpay.channel.banktransfer;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * {@code Ntry/BookgDt} or {@code Ntry/ValDt}: the ISO choice of a date ({@code Dt}) or a date-time ({@code DtTm}); exactly
 * one of the two is set.
 */
public record EntryDate(LocalDate date, OffsetDateTime dateTime) {

    public EntryDate {
        if ((date == null) == (dateTime == null)) {
            throw new IllegalArgumentException("exactly one of date and dateTime");
        }
    }

    /** The calendar day: the date, or the date-time's own date (in its own offset). */
    public LocalDate day() {
        return date != null ? date : dateTime.toLocalDate();
    }
}
