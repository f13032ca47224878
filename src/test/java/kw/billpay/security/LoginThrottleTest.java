package kw.billpay.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** The counting behind the 429 for failed logins: 10 within a minute block for 5 minutes (application.yml's defaults). */
class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Settings(10, Duration.ofMinutes(1), Duration.ofMinutes(5), 1000), clock);

    @Test
    void tenFailuresWithinAMinuteBlockTheUserAndTheAddressForFiveMinutes() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("ops", "10.0.0.1");
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(throttle.blocked("ops", "10.0.0.1")).isEmpty();

        throttle.failed("ops", "10.0.0.1");

        assertThat(throttle.blocked("ops", "192.168.1.1")).contains(Duration.ofMinutes(5));
        assertThat(throttle.blocked("OPS", null)).as("user names are case-insensitive").isPresent();
        assertThat(throttle.blocked("teller", "10.0.0.1")).contains(Duration.ofMinutes(5));
        assertThat(throttle.blocked("teller", "10.0.0.2")).isEmpty();
        clock.advance(Duration.ofMinutes(4));
        assertThat(throttle.blocked("ops", null)).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1).plusMillis(1));
        assertThat(throttle.blocked("ops", "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteDoNotBlock() {
        for (int i = 0; i < 60; i++) {
            throttle.failed("ops", "10.0.0.1");
            clock.advance(Duration.ofSeconds(7)); // 9 within any minute
        }
        assertThat(throttle.blocked("ops", "10.0.0.1")).isEmpty();
    }

    @Test
    void aCorrectPasswordEndsTheUsersRunButNotTheAddresss() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("ops", "10.0.0.1");
        }
        throttle.succeeded("ops");
        throttle.failed("ops", "10.0.0.1");

        assertThat(throttle.blocked("ops", "10.0.0.9")).isEmpty();
        assertThat(throttle.blocked(null, "10.0.0.1")).isPresent();
    }

    /** While blocked no password is checked, not even against the cache of recent correct ones: no BCrypt, no oracle. */
    @Test
    void aBlockedLoginIsNeverChecked() {
        AtomicInteger checks = new AtomicInteger();
        AuthenticationProvider bcrypt = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                checks.incrementAndGet();
                if (!"right".equals(authentication.getCredentials())) {
                    throw new BadCredentialsException("wrong");
                }
                return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, java.util.List.of());
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        CachingAuthenticationProvider provider = new CachingAuthenticationProvider(bcrypt, Duration.ofMinutes(5), 100, throttle);
        assertThat(provider.authenticate(login("ops", "right")).isAuthenticated()).isTrue();
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> provider.authenticate(login("ops", "guess"))).isInstanceOf(BadCredentialsException.class);
        }
        int checked = checks.get();

        for (String password : java.util.List.of("guess", "another guess", "right")) {
            assertThatThrownBy(() -> provider.authenticate(login("ops", password)))
                    .isInstanceOf(LoginThrottledException.class)
                    .satisfies(e -> assertThat(((LoginThrottledException) e).retryAfterSeconds()).isEqualTo(300));
        }
        assertThat(checks.get()).isEqualTo(checked);
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
