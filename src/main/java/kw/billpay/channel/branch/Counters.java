package kw.billpay.channel.branch;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import kw.billpay.channel.branch.BranchPaymentRequest.Institution;
import kw.billpay.core.Refusal;
import kw.billpay.security.Caller;
import kw.billpay.security.SecurityProperties;
import kw.billpay.security.StaffRole;
import org.springframework.stereotype.Component;

/**
 * Which counter a branch payment is taken at (DOMAIN R20): the institution and branch configured with a teller's user
 * ({@code gateway.security.staff.<user>.institution}, {@code .branch}). A teller takes payments at that counter only;
 * a supervisor or operations user (the console) names any. The configuration is checked at start.
 */
@Component
class Counters {

    /** A counter: an institution and one of its branches. */
    record Counter(Institution institution, String branch) {

        @Override
        public String toString() {
            return institution + "/" + branch;
        }
    }

    Counters(SecurityProperties security) {
        security.staff().forEach((user, staff) -> {
            if ((staff.institution() == null) != (staff.branch() == null)) {
                throw new IllegalStateException("staff user '" + user + "': institution and branch are configured together");
            }
            if (staff.institution() != null && (institution(staff.institution()).isEmpty()
                    || !staff.branch().matches(BranchPaymentRequest.BRANCH_NAME))) {
                throw new IllegalStateException("staff user '" + user + "': institution must be one of "
                        + Arrays.toString(Institution.values()) + " and branch letters, digits, spaces, '_' or '-'");
            }
        });
    }

    /**
     * The counter of a request: a teller's own (what the request leaves out is taken from the login; naming another
     * counter is 403 BRANCH_NOT_YOURS), or for any other role the one the request names.
     */
    Counter of(Caller caller, BranchPaymentRequest request) {
        if (caller.role() != StaffRole.TELLER) {
            if (request.institution() == null || request.branch() == null) {
                throw Refusal.validation((request.institution() == null ? "institution" : "branch") + ": is required");
            }
            return new Counter(request.institution(), request.branch());
        }
        if (caller.institution() == null) {
            throw Refusal.forbidden("BRANCH_NOT_CONFIGURED", "teller '" + caller.name()
                    + "' has no institution and branch configured, and takes no payment until it has");
        }
        Counter own = new Counter(institution(caller.institution()).orElseThrow(), caller.branch());
        Institution named = request.institution() == null ? own.institution() : request.institution();
        String branch = request.branch() == null ? own.branch() : request.branch();
        if (!caller.worksAt(named.name(), branch)) {
            throw Refusal.forbidden("BRANCH_NOT_YOURS", "institution, branch: teller '" + caller.name() + "' takes payments at "
                    + own + " only, not at " + named + "/" + branch);
        }
        return own;
    }

    private static Optional<Institution> institution(String name) {
        return Arrays.stream(Institution.values()).filter(i -> i.name().equals(name.toUpperCase(Locale.ROOT))).findFirst();
    }
}
