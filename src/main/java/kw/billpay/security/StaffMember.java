package kw.billpay.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** An authenticated staff user as the security context holds it: the user, and the counter configured with it. */
final class StaffMember extends User {

    private static final long serialVersionUID = 1L;

    private final String institution;
    private final String branch;

    StaffMember(String username, String password, Collection<? extends GrantedAuthority> authorities, String institution,
                String branch) {
        super(username, password, authorities);
        this.institution = institution;
        this.branch = branch;
    }

    String institution() {
        return institution;
    }

    String branch() {
        return branch;
    }

    // User's equals and hashCode (by user name) are kept: the counter is configuration of the same user.
}
