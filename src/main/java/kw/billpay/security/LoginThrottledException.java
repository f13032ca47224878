package kw.billpay.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this user or from this address: answered 429 with Retry-After, credentials unchecked. */
class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("too many failed logins");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least 1. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
