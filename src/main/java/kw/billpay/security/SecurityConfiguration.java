package kw.billpay.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import kw.billpay.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Staff authenticate with HTTP Basic, channel back ends with {@code X-Api-Key}; no credentials is 401, the wrong role
 * is 403 (CONTRACT "Common rules"). Stateless: no session, so no CSRF token to forge.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String OPS = StaffRole.OPS.name();
    private static final String TELLER = StaffRole.TELLER.name();
    private static final String SUPERVISOR = StaffRole.SUPERVISOR.name();
    private static final String CHANNEL = "CHANNEL";

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, AuthenticationManager staffAuthentication,
                            LoginThrottle throttle, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
                ProblemResponses.write(json, response, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_FAILED_LOGINS",
                        "Too many failed logins for this user or from this address; retry after Retry-After seconds.");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"gateway\"");
            ProblemResponses.write(json, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                    "Authenticate with HTTP Basic (staff) or the X-Api-Key header (channels).");
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                ProblemResponses.write(json, response, HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role may not do this.");
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authenticationManager(staffAuthentication)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .addFilterBefore(new ApiKeyAuthenticationFilter(properties.apiKeys(), unauthenticated, throttle), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                            // KNET calls back server to server, the customer's browser follows; trandata proves KNET
                            .requestMatchers("/knet/**", "/kpg/**").permitAll();
                    // reading is GET and HEAD alike
                    for (HttpMethod read : List.of(HttpMethod.GET, HttpMethod.HEAD)) {
                        auth.requestMatchers(read, "/api/v1/accounts/**", "/api/v1/branch/payments/**", "/api/v1/mandates/**")
                                .hasAnyRole(OPS, TELLER, SUPERVISOR)
                                .requestMatchers(read, "/api/v1/suspense", "/api/v1/suspense/**").hasAnyRole(OPS, SUPERVISOR)
                                .requestMatchers(read, "/api/v1/payments/**").hasAnyRole(OPS, TELLER, SUPERVISOR, CHANNEL);
                    }
                    auth.requestMatchers(HttpMethod.POST, "/api/v1/branch/payments").hasRole(TELLER)
                            .requestMatchers(HttpMethod.POST, "/api/v1/branch/payments/*/clearing").hasAnyRole(SUPERVISOR, OPS)
                            .requestMatchers(HttpMethod.POST, "/api/v1/suspense/*/assignment", "/api/v1/suspense/*/return")
                            .hasAnyRole(SUPERVISOR, OPS)
                            .requestMatchers("/api/v1/online/**").hasRole(CHANNEL)
                            // everything else, every method of every other path: OPS, the strictest role. That is
                            // writing accounts and rates, reversals, reconciliation, refunds due, direct-debit and
                            // bank-transfer files, KNET callbacks and the actuator; and an unlisted method (OPTIONS,
                            // PUT…) anywhere above
                            .anyRequest().hasRole(OPS);
                })
                .build();
    }

    /**
     * No Spring Security observations. Each one wraps every filter of the chain, and they cost more CPU than the filters
     * themselves; the request as a whole is still observed (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** A URL the firewall refuses (encoded slashes, "//", ";"…) is a 400 problem, like any other bad input. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, e) -> ProblemResponses.write(json, response, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                "The request URL is not acceptable.");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The staff users with their roles and, for a teller, the counter (Caller.institution, Caller.branch). */
    @Bean
    UserDetailsService staffUsers(SecurityProperties properties) {
        return new StaffDirectory(properties);
    }

    @Bean
    AuthenticationManager staffAuthentication(UserDetailsService staffUsers, PasswordEncoder passwordEncoder,
                                              SecurityProperties properties, LoginThrottle throttle) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(staffUsers);
        bcrypt.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new CachingAuthenticationProvider(
                bcrypt, properties.credentialCacheTtl(), properties.credentialCacheSize(), throttle));
    }
}
