package kw.billpay.console.teller;

import jakarta.servlet.http.HttpSession;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import kw.billpay.channel.branch.BranchPaymentRequest.Institution;
import kw.billpay.security.Caller;
import org.springframework.stereotype.Component;

/**
 * The one place the console learns a teller's institution and branch: the counter configured with the staff user
 * ({@code gateway.security.staff.<user>.institution} and {@code .branch}, carried by {@link Caller}), never the form.
 * A teller without one is shown why no payment can be taken (the branch flow would refuse it, BRANCH_NOT_CONFIGURED).
 */
@Component
public class TellerDesks {

    /** The counter of the teller logged in, when one is configured. */
    public Optional<TellerDesk> of(Caller teller, HttpSession session) {
        if (teller.institution() == null || teller.branch() == null) {
            return Optional.empty();
        }
        return Arrays.stream(Institution.values())
                .filter(i -> i.name().equals(teller.institution().toUpperCase(Locale.ROOT)))
                .findFirst().map(institution -> new TellerDesk(institution, teller.branch()));
    }

    /** True when the teller has no counter and so cannot take payments. */
    public boolean needsChoosing(Caller teller, HttpSession session) {
        return of(teller, session).isEmpty();
    }
}
