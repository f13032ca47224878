package kw.billpay.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kw.billpay.support.GatewayIntegrationTest;
import kw.billpay.testkit.BranchPaymentJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's own filter chain beside the API's: a login form, a session and CSRF for {@code /console/**}; the
 * JSON API as stateless as before (a console session never authenticates it, it sets no cookie).
 */
class ConsoleSecurityTest extends GatewayIntegrationTest {

    private ConsoleSession console;

    @BeforeEach
    void newSession() {
        console = new ConsoleSession(port);
    }

    @Test
    void aPageNeedsALoginAndTheLoginNeedsItsCsrfToken() {
        HttpResponse<String> page = console.get("/console/teller");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
        assertThat(console.get("/console/login").statusCode()).isEqualTo(200);
        assertThat(console.postForm("/console/login", "username=teller&password=teller-demo").statusCode())
                .as("no CSRF token").isEqualTo(403);
        assertThat(console.get("/console/teller").statusCode()).as("still not logged in").isEqualTo(302);
        assertThat(console.login("teller", "wrong").headers().firstValue("Location").orElseThrow()).endsWith("/console/login?error");
    }

    @Test
    void httpBasicOpensNoConsolePage() throws Exception {
        HttpResponse<String> page = console.send(HttpRequest.newBuilder(console.uri("/console/operations"))
                .header("Authorization", "Basic b3BzOm9wcy1kZW1v").build());
        assertThat(page.statusCode()).isEqualTo(302);
    }

    @Test
    void aConsoleSessionNeverAuthenticatesTheApiAndTheApiSetsNoCookie() throws Exception {
        assertThat(console.login("ops", "ops-demo").headers().firstValue("Location").orElseThrow()).endsWith("/console");
        assertThat(console.get("/console/operations").statusCode()).isEqualTo(200);
        assertThat(console.get("/console/supervisor/suspense").statusCode()).as("the suspense queue, as in the API").isEqualTo(200);
        HttpResponse<String> api = console.get("/api/v1/reconciliation");
        assertThat(api.statusCode()).as("the session cookie is scoped to /console and the API keeps no session")
                .isEqualTo(401);
        HttpResponse<String> withCookie = console.send(HttpRequest.newBuilder(console.uri("/api/v1/reconciliation"))
                .header("Cookie", "JSESSIONID=" + console.sessionCookie()).build());
        assertThat(withCookie.statusCode()).as("even sent by hand").isEqualTo(401);
        Answer basic = get("/api/v1/reconciliation", OPS);
        assertThat(basic.status()).isEqualTo(200);
        HttpResponse<String> stateless = HttpClient.newHttpClient().send(HttpRequest.newBuilder(console.uri("/api/v1/reconciliation"))
                .header("Authorization", "Basic b3BzOm9wcy1kZW1v").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stateless.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void eachRoleSeesOnlyItsPagesAndAFormWithoutTokenIsRefused() {
        console.login("teller", "teller-demo");
        assertThat(console.get("/console").headers().firstValue("Location").orElseThrow()).endsWith("/console/teller");
        HttpResponse<String> denied = console.get("/console/operations");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("<html", "Not for your role");
        assertThat(console.get("/console/supervisor/clearing").statusCode()).isEqualTo(403);
        assertThat(console.get("/console/supervisor/suspense").statusCode()).as("the API's roles: SUPERVISOR, OPS").isEqualTo(403);
        assertThat(console.postForm("/console/teller/find", "accountNumber=376612345678901").statusCode())
                .as("no CSRF token").isEqualTo(403);
    }

    @Test
    void loggingOutEndsTheSession() {
        console.login("supervisor", "supervisor-demo");
        assertThat(console.get("/console/supervisor/clearing").statusCode()).isEqualTo(200);
        assertThat(console.get("/console/supervisor/suspense").statusCode()).isEqualTo(200);
        String token = ConsoleSession.token(console.get("/console/supervisor/clearing").body());
        HttpResponse<String> out = console.postForm("/console/logout", "_csrf=" + token);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?logout");
        assertThat(console.get("/console/supervisor/clearing").statusCode()).isEqualTo(302);
    }

    /** A form posted malformed (a mistyped id, a missing field, a field path that is no field) is a 4xx page, never a 500. */
    @Test
    void aMalformedFormIsRefusedAsBadInputNeverAsAServerFault() {
        console.login("supervisor", "supervisor-demo");
        String csrf = "_csrf=" + ConsoleSession.enc(ConsoleSession.token(console.get("/console/supervisor/suspense").body()));
        assertThat(console.postForm("/console/supervisor/suspense/abc/return", "reason=x&idempotencyKey=k1&" + csrf)
                .statusCode()).as("an id that is no number").isEqualTo(400);
        assertThat(console.postForm("/console/supervisor/suspense/1/return", "reason=x&" + csrf).statusCode())
                .as("no idempotency key").isEqualTo(400);
        HttpResponse<String> noTeller = console.postForm("/console/supervisor/tills", "date=2026-12-01&" + csrf);
        assertThat(noTeller.statusCode()).as("no teller").isEqualTo(400);
        assertThat(noTeller.body()).contains("<html");

        ConsoleSession teller = new ConsoleSession(port);
        teller.login("teller", "teller-demo");
        String tellerCsrf = "_csrf=" + ConsoleSession.enc(ConsoleSession.token(teller.get("/console/teller").body()));
        assertThat(teller.postForm("/console/teller/accounts/x/preview", "pieces%5Ba%5D%5Bb%5D=2&" + tellerCsrf)
                .statusCode()).as("a field path that is no field").isBetween(400, 499);
    }

    /**
     * A receipt is the counter's that took the payment: other roles do not open it, and a teller at another counter
     * does not print it (its first print is the customer's original).
     */
    @Test
    void aReceiptIsPrintedOnlyAtTheCounterThatTookThePayment() {
        String account = newAccount("KWD");
        String atSalhiya = post("/api/v1/branch/payments", TELLER, BranchPaymentJson.cash(account, "5.000", "KWD").json(),
                newKey()).json().path("paymentId").asText();
        String atGbk = post("/api/v1/branch/payments", TELLER, BranchPaymentJson.cash(account, "6.000", "KWD").json(),
                newKey()).json().path("paymentId").asText();
        // as a teller of GBK's Hawalli branch would have taken it (the demo has one teller, at AMEX Salhiya)
        assertThat(jdbc.update("update payment set origin = origin || '{\"institution\": \"GBK\", \"branch\": \"HAWALLI\"}'"
                + " where payment_id = ?::uuid", atGbk)).isEqualTo(1);

        console.login("supervisor", "supervisor-demo");
        assertThat(console.get("/console/receipts/" + atSalhiya).statusCode()).as("a teller's page").isEqualTo(403);

        ConsoleSession teller = new ConsoleSession(port);
        teller.login("teller", "teller-demo");
        String csrf = "paper=A4&_csrf=" + ConsoleSession.enc(ConsoleSession.token(teller.get("/console/receipts/" + atSalhiya).body()));
        assertThat(teller.postForm("/console/receipts/" + atGbk + "/print", csrf).statusCode()).isEqualTo(403);
        HttpResponse<String> own = teller.postForm("/console/receipts/" + atSalhiya + "/print", csrf);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).doesNotContain("COPY");
    }

    @Test
    void pagesForbidFramingAndInlineScript() {
        HttpResponse<String> login = console.get("/console/login");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(console.get("/console/login?lang=ar").body()).contains("lang=\"ar\"", "dir=\"rtl\"");
        assertThat(console.get("/console/assets/htmx/2.0.4/htmx.min.js").statusCode()).isEqualTo(200);
    }
}
