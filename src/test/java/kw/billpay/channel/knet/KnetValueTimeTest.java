package kw.billpay.channel.knet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** KNET's post date ({@code MMDD}, no year, no time) made into a value time (DOMAIN R18). */
class KnetValueTimeTest {

    @ParameterizedTest
    @CsvSource({
            "1121, 2026-11-21, 2026-11-21",
            "1120, 2026-11-21, 2026-11-20",
            "0101, 2026-12-31, 2027-01-01",  // posted on the next business day, in the next year
            "1231, 2027-01-01, 2026-12-31",  // seen in January, posted in December
            "0229, 2028-03-01, 2028-02-29",
            "0229, 2027-03-01, 2028-02-29",  // no 29 February in 2027: the nearest that exists
            "0701, 2026-12-20, 2026-07-01",
            "0620, 2026-12-20, 2027-06-20"})
    void theYearIsTheOneNearestTheWitness(String postDate, LocalDate near, LocalDate expected) {
        assertThat(KnetValueTime.postDate(postDate, near)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"''", "1", "11211", "AB21", "1321", "0000", "0431"})
    void whatNamesNoDateIsNoPostDate(String postDate) {
        assertThat(KnetValueTime.postDate(postDate, LocalDate.of(2026, 11, 21))).isEmpty();
    }

    @Test
    void aWitnessOnThePostDateIsTheValueTime() {
        OffsetDateTime callback = OffsetDateTime.parse("2026-11-21T14:05:09.123+03:00");

        assertThat(KnetValueTime.of("1121", callback)).isEqualTo(callback);
    }

    @Test
    void aPostDateBeforeTheWitnessEndsThatDay() {
        OffsetDateTime inquiry = OffsetDateTime.parse("2026-11-23T09:00:00+03:00");

        assertThat(KnetValueTime.of("1121", inquiry)).isEqualTo(OffsetDateTime.parse("2026-11-21T23:59:59.999+03:00"));
    }

    @Test
    void aPostDateAfterTheWitnessStartsThatDay() {
        OffsetDateTime lateEvening = OffsetDateTime.parse("2026-12-31T23:58:00+03:00");

        assertThat(KnetValueTime.of("0101", lateEvening)).isEqualTo(OffsetDateTime.parse("2027-01-01T00:00:00+03:00"));
    }

    @Test
    void theDayIsKuwaitsWhateverTheWitnessesOffset() {
        OffsetDateTime utc = OffsetDateTime.parse("2026-11-21T22:30:00Z"); // already 22 November in Kuwait

        assertThat(KnetValueTime.of("1122", utc)).isEqualTo(utc);
        assertThat(KnetValueTime.of("1121", utc)).isEqualTo(OffsetDateTime.parse("2026-11-21T23:59:59.999+03:00"));
    }

    @Test
    void withoutAPostDateTheWitnessIsKept() {
        OffsetDateTime callback = OffsetDateTime.parse("2026-11-21T14:05:09+03:00");

        assertThat(KnetValueTime.of(null, callback)).isEqualTo(callback);
        assertThat(KnetValueTime.of("99", callback)).isEqualTo(callback);
    }
}
