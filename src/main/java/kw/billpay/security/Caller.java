package kw.billpay.security;

import kw.billpay.core.payment.Channel;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.server.ResponseStatusException;

/**
 * The authenticated caller as the business code sees it: a staff user with a role, or a channel back end.
 *
 * @param channel     the channel of a channel back end, null for staff
 * @param institution the institution configured with a staff user (a teller's counter), null when none is
 * @param branch      the branch configured with it, null when none is
 */
public record Caller(String name, StaffRole role, Channel channel, String institution, String branch) {

    public static final String CHANNEL_AUTHORITY = "ROLE_CHANNEL";

    /** A caller without a configured counter. */
    public Caller(String name, StaffRole role, Channel channel) {
        this(name, role, channel, null, null);
    }

    public boolean isChannel() {
        return channel != null;
    }

    /** The namespace of this caller's idempotency keys. */
    public String idempotencyScope() {
        return isChannel() ? "channel:" + channel : "staff:" + name;
    }

    /** Whether this is the counter configured with the caller (institution and branch in any letter case). */
    public boolean worksAt(String institution, String branch) {
        return this.institution != null && this.institution.equalsIgnoreCase(institution)
                && this.branch.equalsIgnoreCase(branch);
    }

    /** Who calls in this request, if anyone has logged in (the anonymous user is nobody). */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(of(authentication));
    }

    /**
     * Who calls, for a controller's parameter: nobody only if SecurityConfiguration left open a path that takes a
     * caller, and that is refused as Spring Security would refuse it (401).
     */
    public static Caller required() {
        return current().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "authentication required"));
    }

    public static Caller of(Authentication authentication) {
        if (authentication.getPrincipal() instanceof ChannelPrincipal channel) {
            return new Caller(channel.getName(), null, channel.channel());
        }
        StaffRole role = null;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith("ROLE_") && !name.equals(CHANNEL_AUTHORITY)) {
                role = StaffRole.valueOf(name.substring("ROLE_".length()));
            }
        }
        if (authentication.getPrincipal() instanceof StaffMember member) {
            return new Caller(authentication.getName(), role, null, member.institution(), member.branch());
        }
        return new Caller(authentication.getName(), role, null);
    }
}
