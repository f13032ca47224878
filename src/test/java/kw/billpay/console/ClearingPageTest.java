package kw.billpay.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import kw.billpay.core.payment.Payment;
import kw.billpay.posting.Payments;
import kw.billpay.support.GatewayIntegrationTest;
import kw.billpay.testkit.BranchPaymentJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clearing page is a supervisor's way to every cheque and draft waiting, however many: it says how many wait, shows
 * them a page at a time from the oldest, and finds one by the number the clearing bank's report gives.
 */
class ClearingPageTest extends GatewayIntegrationTest {

    private static final Pattern HELD_ROW = Pattern.compile("<tr id=\"held-([0-9a-f-]{36})\"");

    @Autowired
    Payments payments;

    @Test
    void aChequeIsFoundByItsNumberOrItsLastDigitsAmongAllThatWait() {
        String first = takeCheque("000123" + randomDigits());
        String number = "000123" + randomDigits();
        String second = takeCheque(number);
        ConsoleSession supervisor = supervisor();

        String all = supervisor.get("/console/supervisor/clearing?lang=en").body();
        assertThat(all).containsPattern("<span>Waiting in all: [1-9][0-9]*</span>").doesNotContain("clearing-found");

        // written without its leading zeros: the number as the taken-once rule reads it; shown back by its last 4
        String whole = supervisor.get("/console/supervisor/clearing?lang=en&number=" + number.substring(3)).body();
        assertThat(heldRows(whole)).containsExactly(second);
        assertThat(whole).doesNotContain(first, number.substring(3)).contains("•••• " + number.substring(number.length() - 4),
                "All waiting");

        // its last digits, as a supervisor reads them off the clearing bank's report, typed back into the box
        String last = number.substring(number.length() - 7);
        String byLastDigits = supervisor.get("/console/supervisor/clearing?lang=en&number=" + last).body();
        assertThat(heldRows(byLastDigits)).contains(second).doesNotContain(first);
        assertThat(byLastDigits).contains("name=\"number\" value=\"" + last + "\"");

        String none = supervisor.get("/console/supervisor/clearing?lang=en&number=X" + randomDigits()).body();
        assertThat(heldRows(none)).isEmpty();
        assertThat(none).contains("No cheque or draft of that number is waiting for clearing.");
    }

    @Test
    void aNumberThatNoChequeCouldHaveIsSaidAndNothingIsLookedFor() {
        HttpResponse<String> page = supervisor().get("/console/supervisor/clearing?lang=en&number="
                + ConsoleSession.enc("12' or '1'='1"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("A cheque or draft number is letters and digits, at most 20.");
        assertThat(heldRows(page.body())).isEmpty();
        assertThat(supervisor().get("/console/supervisor/clearing?after=not-a-payment").statusCode())
                .as("a page mark that is no payment id").isEqualTo(400);
    }

    /** Pages run from the oldest, each after the last of the one before, so that none is skipped or shown twice. */
    @Test
    void thePagesRunFromTheOldestAfterTheLastShown() {
        List<String> taken = List.of(takeCheque("000123" + randomDigits()), takeCheque("000123" + randomDigits()),
                takeCheque("000123" + randomDigits()));

        UUID firstTaken = UUID.fromString(taken.get(0));
        List<String> after = ids(payments.awaitingClearing(firstTaken, null, 10_000));
        assertThat(after).doesNotContain(taken.get(0)).containsSubsequence(taken.get(1), taken.get(2));
        List<String> fromTheOldest = ids(payments.awaitingClearing(null, null, 10_000));
        assertThat(fromTheOldest).containsSubsequence(taken);
        assertThat(payments.countAwaitingClearing()).isGreaterThanOrEqualTo(3);

        List<String> paged = new ArrayList<>();
        UUID mark = null;
        for (List<Payment> page; !(page = payments.awaitingClearing(mark, null, 7)).isEmpty(); ) {
            assertThat(page).hasSizeLessThanOrEqualTo(7);
            paged.addAll(ids(page));
            mark = page.get(page.size() - 1).paymentId();
        }
        assertThat(paged).as("the pages together are the whole list, in order").containsSubsequence(taken)
                .doesNotHaveDuplicates();
    }

    private String takeCheque(String number) {
        Answer taken = post("/api/v1/branch/payments", TELLER,
                BranchPaymentJson.cheque(newAccount("KWD"), "10.000", "KWD").instrument(number, "NBK").json(), newKey());
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        return taken.json().path("paymentId").asText();
    }

    private ConsoleSession supervisor() {
        ConsoleSession supervisor = new ConsoleSession(port);
        supervisor.login("supervisor", "supervisor-demo");
        return supervisor;
    }

    private static List<String> heldRows(String page) {
        return HELD_ROW.matcher(page).results().map(m -> m.group(1)).toList();
    }

    private static List<String> ids(List<Payment> payments) {
        return payments.stream().map(p -> p.paymentId().toString()).toList();
    }

    private static String randomDigits() {
        return String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }
}
