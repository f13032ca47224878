package kw.billpay.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.server.ResponseStatusException;

/** A controller's Caller comes from the authenticated user; nobody, or the anonymous user, is a 401 and never a 500. */
class CallerArgumentsTest {

    private final CallerArguments arguments = new CallerArguments();

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theAuthenticatedStaffUserIsTheCaller() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("teller",
                null, List.of(new SimpleGrantedAuthority("ROLE_TELLER"))));

        Caller caller = arguments.resolveArgument(null, null, null, null);

        assertThat(caller.name()).isEqualTo("teller");
        assertThat(caller.role()).isEqualTo(StaffRole.TELLER);
    }

    @Test
    void nobodyOrTheAnonymousUserIsRefusedAsUnauthenticated() {
        assertUnauthorized();
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));
        assertUnauthorized();
    }

    private void assertUnauthorized() {
        assertThatThrownBy(() -> arguments.resolveArgument(null, null, null, null))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED));
    }
}
