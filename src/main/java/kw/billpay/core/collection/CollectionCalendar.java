package kw.billpay.core.collection;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/** The collection dates (DOMAIN R17): the 27th of each month, and the 28th for what the 27th did not collect. */
public final class CollectionCalendar {

    public static final int FIRST_DAY = 27;
    public static final int SECOND_DAY = 28;

    private CollectionCalendar() {
    }

    public static boolean isCollectionDate(LocalDate date) {
        return date.getDayOfMonth() == FIRST_DAY || date.getDayOfMonth() == SECOND_DAY;
    }

    /** 1 for the 27th (every active mandate), 2 for the 28th (only what the 27th did not collect). */
    public static int presentation(LocalDate date) {
        if (!isCollectionDate(date)) {
            throw new IllegalArgumentException(date + " is not a collection date (the 27th or 28th)");
        }
        return date.getDayOfMonth() == FIRST_DAY ? 1 : 2;
    }

    /** The 27th whose uncollected requests a run on the 28th presents again. */
    public static LocalDate firstPresentation(LocalDate secondPresentation) {
        return secondPresentation.withDayOfMonth(FIRST_DAY);
    }

    /**
     * The date whose scheduled run is due at {@code now} (in the business time zone): today, when today is the 27th or
     * the 28th and the configured time has come. A gateway that was down at that time runs it when it is back the
     * same day.
     */
    public static Optional<LocalDate> scheduledRunDue(ZonedDateTime now, LocalTime runAt) {
        LocalDate today = now.toLocalDate();
        return isCollectionDate(today) && !now.toLocalTime().isBefore(runAt) ? Optional.of(today) : Optional.empty();
    }
}
