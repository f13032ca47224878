package kw.billpay.security;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import kw.billpay.security.SecurityProperties.StaffUser;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The configured staff users ({@code gateway.security.staff}), each with its role and counter. User names are matched
 * case-insensitively, as Spring's in-memory user store matched them. A fresh user object per look-up: the
 * authentication erases its password once checked.
 */
final class StaffDirectory implements UserDetailsService {

    private final Map<String, Map.Entry<String, StaffUser>> users;

    StaffDirectory(SecurityProperties properties) {
        properties.staff().forEach((name, user) -> {
            if (user.password() == null || user.role() == null) {
                throw new IllegalStateException("staff user '" + name + "' needs a password and a role");
            }
        });
        this.users = properties.staff().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> e));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Map.Entry<String, StaffUser> user = users.get(username.toLowerCase(Locale.ROOT));
        if (user == null) {
            throw new UsernameNotFoundException("no such staff user");
        }
        StaffUser staff = user.getValue();
        return new StaffMember(user.getKey(), staff.password(),
                AuthorityUtils.createAuthorityList("ROLE_" + staff.role().name()), staff.institution(), staff.branch());
    }
}
