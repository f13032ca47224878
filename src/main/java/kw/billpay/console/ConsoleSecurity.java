package kw.billpay.console;

import jakarta.servlet.http.Cookie;
import kw.billpay.security.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.CookieClearingLogoutHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The staff console's own filter chain, ordered before the API's stateless one and matching only {@code /console/**}:
 * the same staff users and roles (the same authentication manager), but a login form, a session and CSRF tokens,
 * because a browser sends its cookies with every request a page makes. The API's chain is unchanged: it keeps no
 * session, so a console session never authenticates an API call.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    /** Everything a page loads comes from the gateway itself; no inline script or style. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private static final String TELLER = StaffRole.TELLER.name();
    private static final String SUPERVISOR = StaffRole.SUPERVISOR.name();
    private static final String OPS = StaffRole.OPS.name();

    /** The session cookie lives under /console (server.servlet.session.cookie.path); logging out removes it there. */
    private static Cookie sessionCookieCleared() {
        Cookie cookie = new Cookie("JSESSIONID", null);
        cookie.setPath("/console");
        cookie.setMaxAge(0);
        cookie.setHttpOnly(true);
        return cookie;
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain console(HttpSecurity http, AuthenticationManager staffAuthentication) throws Exception {
        return http
                .securityMatcher("/console", "/console/**")
                .authenticationManager(staffAuthentication)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/console/login", "/console/denied", "/console/assets/**").permitAll()
                        .requestMatchers("/console/teller/**", "/console/till/**", "/console/receipts/**").hasRole(TELLER)
                        // clearing and the suspense queue follow the API (SUPERVISOR or OPS); till sign-offs are a supervisor's
                        .requestMatchers("/console/supervisor/clearing/**", "/console/supervisor/suspense/**")
                        .hasAnyRole(SUPERVISOR, OPS)
                        .requestMatchers("/console/supervisor/**").hasRole(SUPERVISOR)
                        .requestMatchers("/console/operations/**").hasRole(OPS)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/console/login").defaultSuccessUrl("/console", true)
                        .failureUrl("/console/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout")
                        .addLogoutHandler(new CookieClearingLogoutHandler(sessionCookieCleared())))
                .sessionManagement(session -> session.invalidSessionUrl("/console/login?expired"))
                .exceptionHandling(e -> e.accessDeniedPage("/console/denied"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
