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

/**
 * The console as a browser without JavaScript sees it, over HTTP: it keeps its cookies (the session), follows no
 * redirect, and reads the CSRF token and other hidden fields out of the pages it gets.
 */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    ConsoleSession(int port) {
        this.port = port;
    }

    HttpResponse<String> login(String user, String password) {
        String token = token(get("/console/login").body());
        return postForm("/console/login", "username=" + user + "&password=" + enc(password) + "&_csrf=" + enc(token));
    }

    /**
     * A teller's counter in {@code lang}: logged in as the demo teller, the account found; the account page's path. The
     * language stays with the session.
     */
    static String tellerAt(ConsoleSession teller, String accountNumber, String lang) {
        teller.login("teller", "teller-demo");
        String find = teller.get("/console/teller?lang=" + lang).body();
        HttpResponse<String> found = teller.postForm("/console/teller/find", "accountNumber=" + accountNumber + "&_csrf="
                + enc(token(find)));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(302);
        return URI.create(found.headers().firstValue("Location").orElseThrow()).getPath();
    }

    /** A new teller's payment form at an account: the page it posts under, and its CSRF token and key as form fields. */
    record PaymentForm(ConsoleSession teller, String accountPage, String fields) {

        /** What the form's preview answers to {@code values} (the method, currency, amount, …). */
        String preview(String values) {
            return teller.postForm(accountPage + "/preview", values + fields).body();
        }
    }

    static PaymentForm paymentForm(int port, String accountNumber, String lang) {
        ConsoleSession teller = new ConsoleSession(port);
        String accountPage = tellerAt(teller, accountNumber, lang);
        String page = teller.get(accountPage).body();
        return new PaymentForm(teller, accountPage, "&_csrf=" + enc(token(page)) + "&idempotencyKey="
                + hiddenField(page, "idempotencyKey"));
    }

    String sessionCookie() {
        return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow().getValue();
    }

    static String token(String page) {
        return hidden(CSRF, page, "a CSRF field");
    }

    /** The value of the page's first hidden input of this name. */
    static String hiddenField(String page, String name) {
        return hidden(Pattern.compile("type=\"hidden\" name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\""), page,
                "a hidden field " + name);
    }

    private static String hidden(Pattern field, String page, String what) {
        Matcher m = field.matcher(page);
        assertThat(m.find()).as("%s in the page", what).isTrue();
        return m.group(1);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    HttpResponse<String> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
