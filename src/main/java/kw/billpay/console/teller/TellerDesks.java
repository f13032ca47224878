package kw.billpay.console.teller;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.regex.Pattern;
import kw.billpay.channel.branch.BranchPaymentRequest.Institution;
import kw.billpay.security.Caller;
import org.springframework.stereotype.Component;

/**
 * The one place the console learns a teller's institution and branch.
 *
 * <p>SWITCH HERE: staff users do not carry an institution and a branch yet, so for now a teller states them once per
 * login (the desk page) and they are kept in the session; the payment form never carries them. Once
 * {@code security.Caller} exposes the staff user's institution and branch, {@link #of} returns them from the caller,
 * {@link #needsChoosing} answers false, and the desk page and {@link #choose} go.
 */
@Component
public class TellerDesks {

    static final String ATTRIBUTE = "console.tellerDesk";
    /** The API's rule for a branch name (BranchPaymentRequest). */
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _-]{0,39}");

    /** The desk of the teller logged in, when known. */
    public Optional<TellerDesk> of(Caller teller, HttpSession session) {
        return Optional.ofNullable((TellerDesk) session.getAttribute(ATTRIBUTE));
    }

    /** True while the teller has still to say where they work. */
    public boolean needsChoosing(Caller teller, HttpSession session) {
        return of(teller, session).isEmpty();
    }

    /** Keeps the teller's desk for the session; false when the branch is not a valid branch name. */
    public boolean choose(HttpSession session, Institution institution, String branch) {
        if (institution == null || branch == null || !BRANCH.matcher(branch.trim()).matches()) {
            return false;
        }
        session.setAttribute(ATTRIBUTE, new TellerDesk(institution, branch.trim().toUpperCase(java.util.Locale.ROOT)));
        return true;
    }
}
