package kw.billpay.console;

import static kw.billpay.console.ConsoleSession.enc;
import static kw.billpay.console.ConsoleSession.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kw.billpay.support.GatewayIntegrationTest;
import kw.billpay.testkit.BranchPaymentJson;
import org.junit.jupiter.api.Test;

/**
 * A supervisor signs off the till they saw: the teller's payments are compared as they stand when the page is shown,
 * so one taken after the count shows as a difference, and a sign-off of a page that no longer holds (a payment or a
 * new count since) is refused, never signed unseen. On a day of its own (the demo has one teller, one till a day).
 */
class TillSignOffTest extends GatewayIntegrationTest {

    private static final String DAY = "2031-10-05";

    @Test
    void aPaymentTakenAfterTheCountShowsAndASignOffOfWhatChangedIsRefused() {
        clock.travelTo(Instant.parse(DAY + "T06:00:00Z"));
        String account = newAccount("KWD");
        cash(account, "20.000");
        ConsoleSession teller = new ConsoleSession(port);
        teller.login("teller", "teller-demo");
        String countPage = teller.get("/console/till?lang=en").body();
        assertThat(teller.postForm("/console/till", enc("pieces[KWD_20000]") + "=1&_csrf=" + enc(token(countPage)))
                .statusCode()).isEqualTo(302);
        ConsoleSession supervisor = new ConsoleSession(port);
        supervisor.login("supervisor", "supervisor-demo");
        String seenEven = seen(supervisor.get("/console/supervisor/tills").body());

        cash(account, "5.000"); // after the count
        assertThat(signOff(supervisor, seenEven)).contains("changed since this page was shown");
        assertThat(signedOffBy()).isNull();

        String page = supervisor.get("/console/supervisor/tills").body();
        String seenShort = seen(page);
        assertThat(seenShort).isNotEqualTo(seenEven);
        assertThat(signOff(supervisor, seenShort)).contains("is signed off");
        assertThat(signedOffBy()).isEqualTo("supervisor");
    }

    private void cash(String account, String amount) {
        assertThat(post("/api/v1/branch/payments", TELLER, BranchPaymentJson.cash(account, amount, "KWD").json(), newKey())
                .status()).isEqualTo(201);
    }

    /** The sign-off form's fingerprint of what the page showed for the demo teller's till of the day. */
    private static String seen(String page) {
        Matcher form = Pattern.compile("name=\"date\" value=\"" + DAY + "\">\\s*<input type=\"hidden\" name=\"seen\" value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(form.find()).as("the till of " + DAY + " is waiting").isTrue();
        return form.group(1);
    }

    /** Signs the till off with what was seen; the page the supervisor is sent back to. */
    private static String signOff(ConsoleSession supervisor, String seen) {
        String csrf = enc(token(supervisor.get("/console/supervisor/tills").body()));
        assertThat(supervisor.postForm("/console/supervisor/tills", "teller=teller&date=" + DAY + "&seen=" + enc(seen)
                + "&_csrf=" + csrf).statusCode()).isEqualTo(302);
        return supervisor.get("/console/supervisor/tills?lang=en").body();
    }

    private String signedOffBy() {
        return jdbc.queryForObject("select signed_off_by from till_count where teller = 'teller' and business_date = ?::date",
                String.class, DAY);
    }
}
