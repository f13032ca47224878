package kw.billpay.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import kw.billpay.support.GatewayIntegrationTest;
import kw.billpay.testkit.BranchPaymentJson;
import org.junit.jupiter.api.Test;

/**
 * A list on a console page (templates/console/listing.html): a line saying there is nothing while it is empty, then
 * its table in a region a keyboard can reach and scroll, named by the list's heading; the table's head is its columns'
 * headings in order, in the page's language, an amount's column aligned as its cells.
 */
class ConsoleListingTest extends GatewayIntegrationTest {

    private static final Pattern RECENT_PAYMENTS_REGION = Pattern.compile(
            "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"recent-heading\">\\s*"
                    + "<table id=\"recent-payments\">");
    private static final Pattern COLUMN = Pattern.compile("<th scope=\"col\"( class=\"num\")?>([^<]*)</th>");

    @Test
    void anAccountsPaymentsAreALineSayingNoneThenATableInANamedRegion() {
        String account = newAccount("KWD");
        ConsoleSession.PaymentForm counter = ConsoleSession.paymentForm(port, account, "en");

        String before = counter.teller().get(counter.accountPage()).body();
        assertThat(before).contains("No payments yet.").doesNotContain("recent-payments", "class=\"scroll\"");

        assertThat(post("/api/v1/branch/payments", TELLER, BranchPaymentJson.cash(account, "12.500", "KWD").json(),
                newKey()).status()).isEqualTo(201);
        String after = counter.teller().get(counter.accountPage()).body();
        assertThat(after).doesNotContain("No payments yet.").containsPattern(RECENT_PAYMENTS_REGION).contains("12.500 KWD");
    }

    @Test
    void aTablesHeadIsItsColumnsInOrderWithAmountsAligned() {
        String account = newAccount("KWD");
        ConsoleSession.PaymentForm counter = ConsoleSession.paymentForm(port, account, "en");
        assertThat(post("/api/v1/branch/payments", TELLER, BranchPaymentJson.cash(account, "1.000", "KWD").json(),
                newKey()).status()).isEqualTo(201);

        String page = counter.teller().get(counter.accountPage()).body();
        String head = page.substring(page.indexOf("<table id=\"recent-payments\">"), page.indexOf("</thead>",
                page.indexOf("<table id=\"recent-payments\">")));
        List<String> columns = COLUMN.matcher(head).results()
                .map(m -> (m.group(1) == null ? "" : "num:") + m.group(2)).toList();
        assertThat(columns).containsExactly("When", "Channel", "Method", "num:Received", "num:Credited", "Status",
                "Receipt");
    }
}
