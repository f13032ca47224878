package kw.billpay.channel.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kw.billpay.channel.branch.BranchPaymentRequest.BranchMethod;
import kw.billpay.channel.branch.BranchPaymentRequest.Institution;
import kw.billpay.core.Refusal;
import kw.billpay.security.Caller;
import kw.billpay.security.SecurityProperties;
import kw.billpay.security.SecurityProperties.StaffUser;
import kw.billpay.security.StaffRole;
import kw.billpay.web.MoneyJson;
import org.junit.jupiter.api.Test;

/** A teller's counter: configured with the user, checked at start, and the only one the teller takes payments at. */
class CountersTest {

    private static final Caller TELLER = new Caller("teller", StaffRole.TELLER, null, "AUB", "Fahaheel");

    private static Counters counters(Map<String, StaffUser> staff) {
        return new Counters(new SecurityProperties(staff, List.of(), Duration.ofMinutes(5), 10));
    }

    private static BranchPaymentRequest at(Institution institution, String branch) {
        return new BranchPaymentRequest("376612345678901", BranchMethod.CASH, new MoneyJson("1.000", "KWD"), institution,
                branch, null, null);
    }

    @Test
    void aMisconfiguredCounterStopsTheStart() {
        assertThatThrownBy(() -> counters(Map.of("t", new StaffUser("{noop}x", StaffRole.TELLER, "NBK", "SHARQ"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("staff user 't'").hasMessageContaining("AMEX");
        assertThatThrownBy(() -> counters(Map.of("t", new StaffUser("{noop}x", StaffRole.TELLER, "GBK", null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("together");
        assertThatThrownBy(() -> counters(Map.of("t", new StaffUser("{noop}x", StaffRole.TELLER, "GBK", "<b>"))))
                .isInstanceOf(IllegalStateException.class);
        counters(Map.of("t", new StaffUser("{noop}x", StaffRole.TELLER, "gbk", "Sharq 2"), "o", new StaffUser("{noop}x", StaffRole.OPS)));
    }

    @Test
    void aTellerTakesPaymentsAtItsOwnCounterOnly() {
        Counters counters = counters(Map.of());

        assertThat(counters.of(TELLER, at(null, null))).hasToString("AUB/Fahaheel");
        assertThat(counters.of(TELLER, at(Institution.AUB, "FAHAHEEL"))).hasToString("AUB/Fahaheel");
        assertThatThrownBy(() -> counters.of(TELLER, at(Institution.AUB, "SHARQ")))
                .isInstanceOf(Refusal.class).extracting("code").isEqualTo("BRANCH_NOT_YOURS");
        assertThatThrownBy(() -> counters.of(TELLER, at(Institution.GBK, null)))
                .isInstanceOf(Refusal.class).extracting("code").isEqualTo("BRANCH_NOT_YOURS");
        assertThatThrownBy(() -> counters.of(new Caller("new", StaffRole.TELLER, null), at(Institution.AMEX, "SALHIYA")))
                .isInstanceOf(Refusal.class).extracting("code").isEqualTo("BRANCH_NOT_CONFIGURED");
    }

    @Test
    void otherStaffNameTheCounterThemselves() {
        Counters counters = counters(Map.of());
        Caller supervisor = new Caller("supervisor", StaffRole.SUPERVISOR, null);

        assertThat(counters.of(supervisor, at(Institution.GBK, "SHARQ"))).hasToString("GBK/SHARQ");
        assertThatThrownBy(() -> counters.of(supervisor, at(Institution.GBK, null)))
                .isInstanceOf(Refusal.class).extracting("code").isEqualTo(Refusal.VALIDATION_FAILED);
    }
}
