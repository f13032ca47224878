package kw.billpay.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import kw.billpay.support.GatewayIntegrationTest;
import kw.billpay.web.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15: failed logins are throttled per user and per address. After 10 failures within a minute, that user (from
 * anywhere) or that address (for any user or key) gets 429 problem+json with Retry-After, right password or not.
 * Each test is a client of its own loopback address (127.0.0.x), so it blocks no other test.
 */
class LoginThrottleIntegrationTest extends GatewayIntegrationTest {

    private static final String PROTECTED = "/api/v1/payments/3fa85f64-5717-4562-b3fc-2c963f66afa6";

    @Autowired
    LoginThrottle throttle;

    @AfterEach
    void forgetTheFailures() {
        throttle.clear();
    }

    @Test
    void tenWrongPasswordsFromOneAddressBlockThatAddressForEveryone() {
        for (int i = 0; i < 10; i++) {
            assertThat(call("127.0.0.21", basic("guesser-" + i + ":wrong")).status()).isEqualTo(401);
        }

        assertThrottled(call("127.0.0.21", basic(OPS)));
        assertThrottled(call("127.0.0.21", Map.of("X-Api-Key", ONLINE_KEY)));
        assertThat(call("127.0.0.22", basic(OPS)).status()).as("another address").isEqualTo(404);
    }

    @Test
    void tenWrongPasswordsForOneUserBlockThatUserFromEveryAddress() {
        for (int i = 0; i < 10; i++) {
            assertThat(call("127.0.0." + (31 + i), basic("teller:guess-" + i)).status()).isEqualTo(401);
        }

        assertThrottled(call("127.0.0.41", basic(TELLER)));
        assertThrottled(call("127.0.0.42", basic("TELLER:teller-demo")));
        assertThat(call("127.0.0.41", basic(SUPERVISOR)).status()).as("another user").isEqualTo(404);
    }

    @Test
    void tenUnknownApiKeysFromOneAddressBlockThatAddress() {
        for (int i = 0; i < 10; i++) {
            assertThat(call("127.0.0.51", Map.of("X-Api-Key", "guess-" + i)).status()).isEqualTo(401);
        }

        assertThrottled(call("127.0.0.51", Map.of("X-Api-Key", ONLINE_KEY)));
        assertThrottled(call("127.0.0.51", basic(OPS)));
        assertThat(call("127.0.0.52", Map.of("X-Api-Key", ONLINE_KEY)).status()).as("another address").isEqualTo(404);
    }

    @Test
    void ninefailuresAndThenTheRightPasswordIsNoBlock() {
        for (int i = 0; i < 9; i++) {
            assertThat(call("127.0.0.61", basic("supervisor:guess-" + i)).status()).isEqualTo(401);
        }
        assertThat(call("127.0.0.61", basic(SUPERVISOR)).status()).isEqualTo(404);
    }

    private RawHttp.Reply call(String from, Map<String, String> credentials) {
        return RawHttp.send(port, from, RawHttp.request("GET", PROTECTED, credentials, null, false));
    }

    private static Map<String, String> basic(String credentials) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertThrottled(RawHttp.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
        assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"code\":\"TOO_MANY_FAILED_LOGINS\"");
        assertThat(Long.parseLong(reply.header("Retry-After"))).as(reply.toString()).isBetween(1L, 300L);
    }
}
