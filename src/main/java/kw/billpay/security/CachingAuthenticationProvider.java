package kw.billpay.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Remembers successful password checks for a short while, so that a BCrypt comparison (tens of milliseconds of CPU
 * by design) runs once per caller and TTL instead of once per request. The cache key is a SHA-256 of user and
 * password, so it holds no password; a wrong password is never cached and always pays the full BCrypt cost. Failures
 * are counted ({@link LoginThrottle}): a user or address with too many is refused before any check, cached or not, so
 * that guesses are neither evaluated nor paid for.
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final Cache<String, Authentication> verified;
    private final LoginThrottle throttle;

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, long maximumSize, LoginThrottle throttle) {
        this.delegate = delegate;
        this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String address = addressOf(authentication);
        Optional<Duration> wait = throttle.blocked(user, address);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        String key = Hashing.sha256Hex(user + '\u0000' + authentication.getCredentials());
        Authentication known = verified.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Authentication result;
        try {
            result = delegate.authenticate(authentication);
        } catch (AuthenticationException failed) {
            throttle.failed(user, address);
            throw failed;
        }
        if (result != null && result.isAuthenticated()) {
            throttle.succeeded(user);
            verified.put(key, result);
        }
        return result;
    }

    static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
