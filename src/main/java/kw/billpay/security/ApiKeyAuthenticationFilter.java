package kw.billpay.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates channel back ends by header {@code X-Api-Key} (CONTRACT "Common rules"). Unknown keys are counted per
 * address ({@link LoginThrottle}); an address with too many gets 429 for any key until its block ends.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final Map<String, ChannelPrincipal> channelsByKeyHash;
    private final AuthenticationEntryPoint entryPoint;
    private final LoginThrottle throttle;

    ApiKeyAuthenticationFilter(List<SecurityProperties.ApiKey> apiKeys, AuthenticationEntryPoint entryPoint, LoginThrottle throttle) {
        this.channelsByKeyHash = apiKeys.stream().collect(Collectors.toUnmodifiableMap(
                k -> k.sha256().toLowerCase(), k -> new ChannelPrincipal(k.channel())));
        this.entryPoint = entryPoint;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.blocked(null, address);
        if (wait.isPresent()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new LoginThrottledException(wait.get()));
            return;
        }
        ChannelPrincipal channel = channelsByKeyHash.get(Hashing.sha256Hex(key));
        if (channel == null) {
            throttle.failed(null, address);
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown API key"));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                channel, null, List.of(new SimpleGrantedAuthority(Caller.CHANNEL_AUTHORITY)));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }
}
