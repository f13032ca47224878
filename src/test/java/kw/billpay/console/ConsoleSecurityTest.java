package kw.billpay.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The console's own filter chain beside the API's: a login form, a session and CSRF for {@code /console/**}; the
 * JSON API as stateless as before (a console session never authenticates it, it sets no cookie).
 */
class ConsoleSecurityTest extends GatewayIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A browser of sorts: keeps its cookies, follows no redirect. */
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPageNeedsALoginAndTheLoginNeedsItsCsrfToken() {
        HttpResponse<String> page = get("/console/teller");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
        assertThat(get("/console/login").statusCode()).isEqualTo(200);
        assertThat(postForm("/console/login", "username=teller&password=teller-demo").statusCode())
                .as("no CSRF token").isEqualTo(403);
        assertThat(get("/console/teller").statusCode()).as("still not logged in").isEqualTo(302);
        assertThat(login("teller", "wrong").headers().firstValue("Location").orElseThrow()).endsWith("/console/login?error");
    }

    @Test
    void httpBasicOpensNoConsolePage() throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/console/operations"))
                .header("Authorization", "Basic b3BzOm9wcy1kZW1v").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
    }

    @Test
    void aConsoleSessionNeverAuthenticatesTheApiAndTheApiSetsNoCookie() throws Exception {
        assertThat(login("ops", "ops-demo").headers().firstValue("Location").orElseThrow()).endsWith("/console");
        assertThat(get("/console/operations").statusCode()).isEqualTo(200);
        assertThat(get("/console/supervisor/suspense").statusCode()).as("the suspense queue, as in the API").isEqualTo(200);
        HttpResponse<String> api = get("/api/v1/reconciliation");
        assertThat(api.statusCode()).as("the session cookie is scoped to /console and the API keeps no session")
                .isEqualTo(401);
        HttpResponse<String> withCookie = browser.send(HttpRequest.newBuilder(uri("/api/v1/reconciliation"))
                .header("Cookie", "JSESSIONID=" + sessionCookie()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withCookie.statusCode()).as("even sent by hand").isEqualTo(401);
        Answer basic = get("/api/v1/reconciliation", OPS);
        assertThat(basic.status()).isEqualTo(200);
        HttpResponse<String> stateless = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/reconciliation"))
                .header("Authorization", "Basic b3BzOm9wcy1kZW1v").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stateless.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void eachRoleSeesOnlyItsPagesAndAFormWithoutTokenIsRefused() {
        login("teller", "teller-demo");
        assertThat(get("/console").headers().firstValue("Location").orElseThrow()).endsWith("/console/teller");
        HttpResponse<String> denied = get("/console/operations");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("<html", "Not for your role");
        assertThat(get("/console/supervisor/clearing").statusCode()).isEqualTo(403);
        assertThat(get("/console/supervisor/suspense").statusCode()).as("the API's roles: SUPERVISOR, OPS").isEqualTo(403);
        assertThat(postForm("/console/teller/find", "accountNumber=376612345678901").statusCode())
                .as("no CSRF token").isEqualTo(403);
    }

    @Test
    void loggingOutEndsTheSession() {
        login("supervisor", "supervisor-demo");
        assertThat(get("/console/supervisor/clearing").statusCode()).isEqualTo(200);
        assertThat(get("/console/supervisor/suspense").statusCode()).isEqualTo(200);
        String token = token(get("/console/supervisor/clearing").body());
        HttpResponse<String> out = postForm("/console/logout", "_csrf=" + token);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?logout");
        assertThat(get("/console/supervisor/clearing").statusCode()).isEqualTo(302);
    }

    @Test
    void pagesForbidFramingAndInlineScript() {
        HttpResponse<String> login = get("/console/login");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(get("/console/login?lang=ar").body()).contains("lang=\"ar\"", "dir=\"rtl\"");
        assertThat(get("/console/assets/htmx/2.0.4/htmx.min.js").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> login(String user, String password) {
        String token = token(get("/console/login").body());
        return postForm("/console/login", "username=" + user + "&password=" + enc(password) + "&_csrf=" + enc(token));
    }

    private String sessionCookie() {
        return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow().getValue();
    }

    private static String token(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
