package kw.billpay.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates channel back ends by header {@code X-Api-Key} (CONTRACT "Common rules"). */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final Map<String, ChannelPrincipal> channelsByKeyHash;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(List<SecurityProperties.ApiKey> apiKeys, AuthenticationEntryPoint entryPoint) {
        this.channelsByKeyHash = apiKeys.stream().collect(Collectors.toUnmodifiableMap(
                k -> k.sha256().toLowerCase(), k -> new ChannelPrincipal(k.channel())));
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        ChannelPrincipal channel = channelsByKeyHash.get(Hashing.sha256Hex(key));
        if (channel == null) {
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
