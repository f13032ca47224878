package kw.billpay.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Failed logins, counted per user name and per client address: after {@code maxFailures} within {@code window}, that
 * user or address is refused for {@code blockFor} without its credentials being checked at all, so guessing cannot
 * burn the CPU with BCrypt nor go on at speed. A blocked user is blocked from every address: the price of stopping a
 * guesser who changes address is that the user waits too ({@code Retry-After} says how long).
 */
@Component
public class LoginThrottle {

    /** {@code gateway.security.login-throttle}: the defaults are in application.yml. */
    @ConfigurationProperties("gateway.security.login-throttle")
    public record Settings(int maxFailures, Duration window, Duration blockFor, long maximumTracked) {
        public Settings {
            if (maxFailures < 1 || window.isNegative() || window.isZero() || blockFor.isNegative() || maximumTracked < 1) {
                throw new IllegalArgumentException("gateway.security.login-throttle: max-failures and maximum-tracked at least 1,"
                        + " window and block-for positive durations");
            }
        }
    }

    /** The times of the latest failures (at most maxFailures, within the window), and the end of a block. */
    private record Failures(List<Instant> recent, Instant blockedUntil) { }

    private final Settings settings;
    private final Clock clock;
    private final Cache<String, Failures> failures;

    public LoginThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(settings.window().plus(settings.blockFor()))
                .maximumSize(settings.maximumTracked())
                .build();
    }

    /** How long the user (may be null) or the address must still wait; empty when neither is blocked. */
    public Optional<Duration> blocked(String user, String address) {
        Instant now = clock.instant();
        return Stream.of(userKey(user), addressKey(address))
                .map(key -> key == null ? null : failures.getIfPresent(key))
                .filter(f -> f != null && f.blockedUntil() != null && f.blockedUntil().isAfter(now))
                .map(f -> Duration.between(now, f.blockedUntil()))
                .max(Duration::compareTo);
    }

    /** Counts one failed login of the user (may be null, an API key has none) from the address. */
    public void failed(String user, String address) {
        Instant now = clock.instant();
        Stream.of(userKey(user), addressKey(address)).filter(key -> key != null)
                .forEach(key -> failures.asMap().compute(key, (k, f) -> next(f, now)));
    }

    /** A correct password ends the user's run of failures (not the address's: one right login does not excuse others). */
    public void succeeded(String user) {
        String key = userKey(user);
        if (key != null) {
            failures.invalidate(key);
        }
    }

    /** Forgets every failure and block (operations, tests). */
    public void clear() {
        failures.invalidateAll();
    }

    private Failures next(Failures f, Instant now) {
        Instant windowStart = now.minus(settings.window());
        List<Instant> recent = new ArrayList<>(settings.maxFailures());
        if (f != null) {
            f.recent().stream().filter(t -> t.isAfter(windowStart)).forEach(recent::add);
        }
        recent.add(now);
        if (recent.size() > settings.maxFailures()) {
            recent.remove(0);
        }
        Instant blockedUntil = recent.size() >= settings.maxFailures() ? now.plus(settings.blockFor())
                : f == null ? null : f.blockedUntil();
        return new Failures(List.copyOf(recent), blockedUntil);
    }

    /** User names are case-insensitive (as the user store); hashed, so that a huge name costs no memory. */
    private static String userKey(String user) {
        return user == null ? null : "user:" + Hashing.sha256Hex(user.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return address == null ? null : "address:" + address;
    }
}
