package kw.billpay.console;

import static kw.billpay.console.ConsoleSession.enc;
import static kw.billpay.console.ConsoleSession.hiddenField;
import static kw.billpay.console.ConsoleSession.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A teller's confirmation is taken once per form (its idempotency key): the same form confirmed again (a double click,
 * a reload) is the same payment; the same form with other values (the back button, then an edit) takes nothing more,
 * says so, and gives the form a new key, so that what the teller confirms next is a payment of its own.
 */
class ConfirmResubmissionTest extends GatewayIntegrationTest {

    @Test
    void theSameFormWithOtherValuesTakesNothingMoreAndSaysSo() {
        String account = newAccount("KWD");
        ConsoleSession teller = new ConsoleSession(port);
        String accountPage = ConsoleSession.tellerAt(teller, account, "en");
        String page = teller.get(accountPage).body();
        String key = hiddenField(page, "idempotencyKey");
        String csrf = "&_csrf=" + enc(token(page));

        String twenty = "method=CASH&currency=KWD&amount=20.000&" + enc("pieces[KWD_20000]") + "=1";
        String receipt = path(teller.postForm(accountPage + "/payments", twenty + "&idempotencyKey=" + key + csrf));
        assertThat(receipt).startsWith("/console/receipts/");
        assertThat(path(teller.postForm(accountPage + "/payments", twenty + "&idempotencyKey=" + key + csrf)))
                .as("the same form again is the same payment").isEqualTo(receipt);

        String twentyFive = "method=CASH&currency=KWD&amount=25.000&" + enc("pieces[KWD_20000]") + "=1&"
                + enc("pieces[KWD_5000]") + "=1";
        HttpResponse<String> changed = teller.postForm(accountPage + "/payments", twentyFive + "&idempotencyKey=" + key + csrf);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("This form was already used for a payment with other values.");
        String newKey = hiddenField(changed.body(), "idempotencyKey");
        assertThat(newKey).isNotEqualTo(key);
        assertThat(paymentsOf(account)).as("nothing more taken").isEqualTo(1);

        String second = path(teller.postForm(accountPage + "/payments", twentyFive + "&idempotencyKey=" + newKey + csrf));
        assertThat(second).startsWith("/console/receipts/").isNotEqualTo(receipt);
        assertThat(paymentsOf(account)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select sum(received_amount) from payment where account_number = ?",
                BigDecimal.class, account)).isEqualByComparingTo("45.000");
    }

    /** Where a redirect sends the browser, as a path. */
    private static String path(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        return URI.create(redirect.headers().firstValue("Location").orElseThrow()).getPath();
    }
}
