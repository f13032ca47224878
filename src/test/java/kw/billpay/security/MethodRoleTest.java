package kw.billpay.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15: every HTTP method gets the same or a stricter role check than GET. A channel's API key is 403 on every
 * staff resource whatever the method (HEAD, OPTIONS, an unlisted one), and HEAD is a GET without a body for the
 * roles that may GET.
 */
class MethodRoleTest extends GatewayIntegrationTest {

    private static final String PAYMENT = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    private static final List<String> METHODS = List.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE");

    static Stream<Arguments> staffResourcesByEveryMethod() {
        String account = "376612345678901";
        return Stream.of("/api/v1/accounts/" + account, "/api/v1/accounts/" + account + "/payments", "/api/v1/fx-rates",
                        "/api/v1/branch/payments", "/api/v1/branch/payments/" + PAYMENT + "/receipt",
                        "/api/v1/branch/payments/" + PAYMENT + "/clearing", "/api/v1/payments/" + PAYMENT + "/reversal",
                        "/api/v1/reconciliation", "/api/v1/refunds-due", "/api/v1/direct-debit/files",
                        "/api/v1/knet/callbacks", "/actuator/metrics", "/api/v1/not-a-resource")
                .flatMap(path -> METHODS.stream().map(method -> arguments(method, path)))
                // a channel may read its own payments: GET or HEAD of /api/v1/payments/** is not refused for the role
                .filter(a -> !(a.get()[1].toString().startsWith("/api/v1/payments/") && List.of("GET", "HEAD").contains(a.get()[0])));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("staffResourcesByEveryMethod")
    void aChannelKeyIsForbiddenOnStaffResourcesWhateverTheMethod(String method, String path) {
        for (String key : List.of(ONLINE_KEY, MOBILE_KEY)) {
            Answer answer = send(method, path, key, bodyFor(method), Map.of("Idempotency-Key", newKey()));
            assertThat(answer.status()).as("%s %s with a channel key: %s", method, path, answer.body()).isEqualTo(403);
        }
    }

    @Test
    void headIsAGetWithoutABodyForTheRolesThatMayGet() {
        String account = newAccount("KWD");
        for (String staff : List.of(OPS, TELLER, SUPERVISOR)) {
            Answer head = send("HEAD", "/api/v1/accounts/" + account, staff, null, Map.of());
            assertThat(head.status()).as(staff).isEqualTo(200);
            assertThat(head.body()).isEmpty();
        }
        assertThat(send("HEAD", "/api/v1/reconciliation", TELLER, null, Map.of()).status()).isEqualTo(403);
        assertThat(send("HEAD", "/api/v1/reconciliation", OPS, null, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aStaffRoleGetsNoMoreFromAnUnlistedMethodThanFromGet() {
        String account = newAccount("KWD");
        for (String method : List.of("OPTIONS", "PATCH", "DELETE")) {
            for (String staff : List.of(TELLER, SUPERVISOR)) {
                Answer answer = send(method, "/api/v1/accounts/" + account, staff, bodyFor(method), Map.of());
                assertThat(answer.status()).as("%s as %s: %s", method, staff, answer.body()).isEqualTo(403);
            }
        }
        assertThat(getJson("/api/v1/accounts/" + account, OPS).path("holderName").asText()).isEqualTo("Sample Holder");
    }

    private static String bodyFor(String method) {
        return List.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null;
    }
}
