package kw.billpay.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers successful password checks for a short while, so that a BCrypt comparison (tens of milliseconds of CPU
 * by design) runs once per caller and TTL instead of once per request. The cache key is a SHA-256 of user and
 * password, so it holds no password; a wrong password is never cached and always pays the full BCrypt cost.
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final Cache<String, Authentication> verified;

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, long maximumSize) {
        this.delegate = delegate;
        this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = Hashing.sha256Hex(authentication.getName() + '\u0000' + authentication.getCredentials());
        Authentication known = verified.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            verified.put(key, result);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
