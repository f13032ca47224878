package kw.billpay.core.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The calendar of the runs (R17) and the reason-code policy. */
class CollectionRulesTest {

    private static final LocalTime NINE = LocalTime.of(9, 0);

    @Test
    void aRunIsDueOnThe27thAnd28thOnceTheirTimeHasCome() {
        assertThat(CollectionCalendar.scheduledRunDue(ZonedDateTime.parse("2026-11-27T08:59:59+03:00[Asia/Kuwait]"), NINE)).isEmpty();
        assertThat(CollectionCalendar.scheduledRunDue(ZonedDateTime.parse("2026-11-27T09:00:00+03:00[Asia/Kuwait]"), NINE))
                .contains(LocalDate.parse("2026-11-27"));
        assertThat(CollectionCalendar.scheduledRunDue(ZonedDateTime.parse("2026-11-28T23:59:00+03:00[Asia/Kuwait]"), NINE))
                .contains(LocalDate.parse("2026-11-28"));
        assertThat(CollectionCalendar.scheduledRunDue(ZonedDateTime.parse("2026-11-29T09:00:00+03:00[Asia/Kuwait]"), NINE)).isEmpty();
        // February has a 27th and a 28th too
        assertThat(CollectionCalendar.scheduledRunDue(ZonedDateTime.parse("2027-02-28T10:00:00+03:00[Asia/Kuwait]"), NINE))
                .contains(LocalDate.parse("2027-02-28"));
    }

    @Test
    void the28thPresentsAgainWhatThe27thOfItsMonthDidNotCollect() {
        assertThat(CollectionCalendar.presentation(LocalDate.parse("2026-11-27"))).isEqualTo(1);
        assertThat(CollectionCalendar.presentation(LocalDate.parse("2026-11-28"))).isEqualTo(2);
        assertThat(CollectionCalendar.firstPresentation(LocalDate.parse("2026-11-28"))).isEqualTo(LocalDate.parse("2026-11-27"));
        assertThat(CollectionCalendar.isCollectionDate(LocalDate.parse("2026-11-26"))).isFalse();
    }

    @Test
    void theStandardPolicyPresentsAgainAllButAClosedAccountNoMandateOrADeceasedDebtorWhichSuspend() {
        ReasonPolicy policy = ReasonPolicy.standard();
        assertThat(policy.actionFor("AM04")).isEqualTo(ReasonAction.RE_PRESENT);
        assertThat(policy.actionFor("AC04")).isEqualTo(ReasonAction.SUSPEND);
        assertThat(policy.actionFor("MD01")).isEqualTo(ReasonAction.SUSPEND);
        assertThat(policy.actionFor("MD07")).isEqualTo(ReasonAction.SUSPEND);
        assertThat(policy.actionFor("MS03")).isEqualTo(ReasonAction.RE_PRESENT);
        assertThat(policy.actionFor(null)).isEqualTo(ReasonAction.RE_PRESENT);
    }

    @Test
    void otherCodesFollowTheConfiguration() {
        ReasonPolicy policy = new ReasonPolicy(Map.of("AM04", ReasonAction.SKIP, "MS03", ReasonAction.RE_PRESENT), ReasonAction.SUSPEND);
        assertThat(policy.actionFor("AM04")).isEqualTo(ReasonAction.SKIP);
        assertThat(policy.actionFor("MS03")).isEqualTo(ReasonAction.RE_PRESENT);
        assertThat(policy.actionFor("XX99")).isEqualTo(ReasonAction.SUSPEND);
        assertThat(Optional.of(policy.otherwise())).contains(ReasonAction.SUSPEND);
    }
}
