package kw.billpay.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import kw.billpay.channel.directdebit.DirectDebitProperties;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.testkit.ResultFileBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The staff console in a real browser (headless Chromium) against the running gateway: a teller's whole counter
 * flow, a supervisor clearing a cheque and signing a till off, operations following a bank file, the same in Arabic,
 * by keyboard alone, with every page checked for full card numbers and by axe-core, and a screenshot of each page in
 * both languages under {@code target/console-screenshots/}.
 */
@Tag("browser")
class ConsoleBrowserTest extends ConsolePageTest {

    @Autowired
    DirectDebitProperties folders;

    @Test
    void aTellerTakesUsdCashCountedByDenominationDoubleClicksConfirmAndPrintsTheReceipt() {
        ensureUsdKwdRate();
        String account = newAccount("KWD");
        ConsoleBrowser b = browser();
        b.open("/console/login?lang=en");
        b.check("login");
        tellerLogsIn(b);
        b.check("find");
        b.find("#accountNumber").sendKeys(account);
        b.find("#accountNumber").submit();
        b.waiting().until(d -> d.getCurrentUrl().contains("/console/teller/accounts/"));
        String accountPage = b.driver.getCurrentUrl().substring(b.base.length());
        assertThat(b.find("section[aria-labelledby=account-heading]").getText())
                .contains("Sample Holder", "25.000 KWD", "500.000 KWD", "515.000 KWD", "2026-11-19");
        b.check("account");

        b.find("label[for=method-CASH]").click();
        b.find("label[for=currency-USD]").click();
        b.find("#amount").sendKeys("100.00");
        b.find("#pieces-USD_5000").sendKeys("1");
        b.find("#pieces-USD_2000").sendKeys("2");
        b.find("#pieces-USD_1000").sendKeys("1");
        assertThat(b.find("#counted-USD").getText()).isEqualTo("100.00 USD");
        assertThat(b.find("#cash-KWD").isDisplayed()).isFalse();
        b.find("#review").click();

        b.waiting().until(d -> !d.findElements(By.id("preview")).isEmpty());
        assertThat(b.find("#preview-received").getText()).isEqualTo("100.00 USD");
        assertThat(b.find("#preview-rate").getText()).contains("0.305");
        assertThat(b.find("#preview-credited").getText()).isEqualTo("30.500 KWD");
        assertThat(b.find("#preview-allocation").getText()).contains("5.000 KWD", "25.500 KWD");
        assertThat(paymentsOf(account)).as("a preview posts nothing").isZero();
        b.check("confirm");
        String confirmation = (String) ((JavascriptExecutor) b.driver).executeScript(
                "return new URLSearchParams(new FormData(document.getElementById('confirm-form'))).toString();");
        String confirmUrl = b.find("#confirm-form").getAttribute("action");

        new Actions(b.driver).doubleClick(b.find("#confirm")).perform();
        b.waiting().until(d -> d.getCurrentUrl().contains("/console/receipts/"));
        String receiptUrl = b.driver.getCurrentUrl();
        // the same form again, twice at once: a retry after a lost answer, or the back button and resubmit
        @SuppressWarnings("unchecked")
        List<String> landedOn = (List<String>) ((JavascriptExecutor) b.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const send = () => fetch(arguments[0], {method: 'POST', body: new URLSearchParams(arguments[1]),
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'}}).then(r => r.url);
                Promise.all([send(), send()]).then(done, e => done([String(e)]));""", confirmUrl, confirmation);
        assertThat(landedOn).containsOnly(receiptUrl);
        assertThat(paymentsOf(account)).as("a double click and two resubmissions post once").isEqualTo(1);

        assertThat(b.find(".receipt").getText()).contains("100.00 USD", "30.500 KWD", "•••• " + account.substring(11),
                "Amount received", "المبلغ المستلم", "AMEX / SALHIYA");
        b.check("receipt");
        b.find("#print-a4").click();
        b.waiting().until(d -> !d.findElements(By.cssSelector("body.print")).isEmpty());
        assertThat(b.all("#copy-mark")).as("the first print is the original").isEmpty();
        assertThat(((JavascriptExecutor) b.driver).executeScript("return window.__prints")).isEqualTo(1L);
        printMedia(b, "receipt-print-a4");
        b.driver.navigate().back();
        b.driver.navigate().refresh();
        b.find("#print-80mm").click();
        b.waiting().until(d -> !d.findElements(By.cssSelector("body.print.mm80")).isEmpty());
        assertThat(b.find("#copy-mark").getText()).contains("COPY", "نسخة");
        printMedia(b, "receipt-print-80mm-copy");
        assertThat(jdbc.queryForList("select copy_no from receipt_print p join payment using (payment_id)"
                + " where account_number = ? order by copy_no", Integer.class, account)).containsExactly(1, 2);

        b.open(accountPage);
        assertThat(b.all("#recent-payments tbody tr.payment")).hasSize(1);
        assertThat(b.find("#recent-payments").getText()).contains("100.00 USD", "30.500 KWD", "Credited");
    }

    @Test
    void aSupervisorClearsAChequeInOneActionAndSignsATillOff() {
        String account = newAccount("KWD");
        Answer taken = post("/api/v1/branch/payments", TELLER, cheque(account, "50.000", "KWD"), newKey());
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        String paymentId = taken.json().path("paymentId").asText();
        String chequeNumber = taken.json().path("origin").path("chequeNumber").asText();

        ConsoleBrowser b = browser();
        b.open("/console/login?lang=en");
        tellerLogsIn(b);
        b.open("/console/till?lang=ar");
        b.check("till-count");
        b.open("/console/till?lang=en");
        b.check("till-count");
        b.find("#till-pieces-KWD_20000").sendKeys("2");
        b.find("#count-CHEQUE_KWD").sendKeys("1");
        b.find("#amount-CHEQUE_KWD").sendKeys("50.000");
        b.find("#till-submit").click();
        b.waiting().until(d -> !d.findElements(By.cssSelector(".till-comparison")).isEmpty());
        assertThat(b.find(".till-comparison").getText()).contains("You counted", "40.000 KWD");
        assertThat(b.all("#till-waiting")).hasSize(1);
        b.check("till-result");
        b.open("/console/till?lang=ar");
        b.check("till-result");
        b.open("/console/till?lang=en");
        b.logout();

        b.login("supervisor", "supervisor-demo");
        b.open("/console/supervisor/clearing");
        assertThat(b.find("#clearing-count").getText()).matches("Waiting in all: [1-9][0-9]*");
        // found by its number, as the clearing bank's report names it, however many wait before it
        b.find("#clearing-number").sendKeys(chequeNumber + Keys.ENTER);
        b.waiting().until(d -> d.getCurrentUrl().contains("number="));
        assertThat(b.all("#clearing tbody tr")).as("only that cheque").hasSize(1);
        WebElement row = b.find("#held-" + paymentId);
        assertThat(row.getText()).as("a cheque number of 12+ digits by its last 4, like a card number")
                .contains("•••• " + chequeNumber.substring(chequeNumber.length() - 4), "NBK", "50.000 KWD", "teller");
        b.check("clearing");
        row.findElement(By.cssSelector("button[value=CLEARED]")).click();
        b.waiting().until(d -> d.findElement(By.id("held-" + paymentId)).getText().contains("Credited"));
        assertThat(b.all("#held-" + paymentId + " form")).as("one action, and the row is done").isEmpty();
        assertThat(getJson("/api/v1/payments/" + paymentId, OPS).path("status").asText()).isEqualTo("POSTED");

        b.open("/console/supervisor/tills");
        assertThat(b.find("#till-teller").getText()).contains("teller", "AMEX / SALHIYA");
        b.check("tills");
        b.find("#till-teller button[type=submit]").click();
        b.waiting().until(d -> d.findElements(By.id("till-teller")).isEmpty());
        assertThat(jdbc.queryForObject("select signed_off_by from till_count where teller = 'teller' and business_date = ?",
                String.class, java.time.LocalDate.now(clock))).isEqualTo("supervisor");
        b.logout();
    }

    @Test
    void operationsSeeABankFilesProgressWithoutReloading() {
        String account = newAccount("KWD");
        String fileId = "KFH-CONSOLE-" + System.nanoTime() % 1_000_000;
        String date = LocalDate.now(ZoneId.of("Asia/Kuwait")).format(DateTimeFormatter.BASIC_ISO_DATE);
        ResultFileBuilder file = ResultFileBuilder.file("KFH", fileId).created(date)
                .collected(account, "KFH-M-1", "10.000", date)
                .collected(account, "KFH-M-1", "5.500", date)
                .notCollected(account, "KFH-M-1", "7.000", date, "AM04");

        ConsoleBrowser b = browser();
        b.open("/console/login?lang=en");
        b.login("ops", "ops-demo");
        b.open("/console/operations");
        String pageId = b.markPage();
        file.drop(folders.inbox(PartnerBank.KFH), fileId + ".csv");

        b.waiting().withTimeout(Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector("#file-table tr.file")).stream()
                .anyMatch(r -> r.getText().contains(fileId) && r.getText().contains("3 / 3") && r.getText().contains("Accepted")));
        assertThat(b.stillOn(pageId)).as("refreshed in place").isTrue();
        WebElement fileRow = b.all("#file-table tr.file").stream().filter(r -> r.getText().contains(fileId)).findFirst().orElseThrow();
        assertThat(fileRow.getText()).contains("KFH", "15.500 KWD");
        b.waiting().until(d -> !d.findElements(By.id("balanced")).isEmpty());
        b.check("operations");
        b.logout();
    }

    @Test
    void arabicPagesAreRightToLeftWithTheSameDigits() {
        String account = newAccount("KWD");
        ConsoleBrowser b = browser();
        b.open("/console/login?lang=ar");
        assertThat(b.lang()).isEqualTo("ar");
        assertThat(b.dir()).isEqualTo("rtl");
        assertThat(b.find("h1").getText()).isEqualTo("تسجيل الدخول");
        b.check("login");
        tellerLogsIn(b);
        assertThat(b.dir()).isEqualTo("rtl");
        b.check("find");
        b.find("#accountNumber").sendKeys(account);
        b.find("#accountNumber").submit();
        b.waiting().until(d -> d.getCurrentUrl().contains("/console/teller/accounts/"));
        assertThat(b.find("section[aria-labelledby=account-heading]").getText()).contains("25.000 KWD", "حامل البطاقة");
        b.check("account");
        b.find("label[for=method-CASH]").click();
        b.find("label[for=currency-KWD]").click();
        b.find("#amount").sendKeys("25.750");
        b.find("#pieces-KWD_20000").sendKeys("1");
        b.find("#pieces-KWD_5000").sendKeys("1");
        b.find("#pieces-KWD_500").sendKeys("1");
        b.find("#pieces-KWD_250").sendKeys("1");
        b.find("#review").click();
        b.waiting().until(d -> !d.findElements(By.id("preview")).isEmpty());
        assertThat(b.dir()).isEqualTo("rtl");
        assertThat(b.find("#preview-credited").getText()).isEqualTo("25.750 KWD");
        b.check("confirm");
        b.find("#confirm").click();
        b.waiting().until(d -> d.getCurrentUrl().contains("/console/receipts/"));
        assertThat(b.dir()).isEqualTo("rtl");
        assertThat(b.find(".receipt").getText()).contains("25.750 KWD", "إيصال دفع", "Payment receipt");
        b.check("receipt");
        b.open("/console/till");
        b.check(b.all("#till-form").isEmpty() ? "till-result" : "till-count");
        b.logout();

        b.login("supervisor", "supervisor-demo");
        for (String page : List.of("/console/supervisor/clearing", "/console/supervisor/tills")) {
            b.open(page);
            assertThat(b.dir()).as(page).isEqualTo("rtl");
            b.check(page.substring(page.lastIndexOf('/') + 1));
        }
        b.logout();
        b.login("ops", "ops-demo");
        b.open("/console/operations");
        b.waiting().until(d -> !d.findElements(By.id("balanced")).isEmpty());
        assertThat(b.dir()).isEqualTo("rtl");
        b.check("operations");
        b.open("/console/operations?lang=en");
        b.logout();
    }

    @Test
    void theTellerFlowWorksByKeyboardAlone() {
        String account = newAccount("KWD");
        ConsoleBrowser b = browser();
        b.open("/console/login?lang=en");
        assertFocus(b, "username");
        type(b, "teller");
        keys(b, Keys.TAB);
        type(b, "teller-demo");
        keys(b, Keys.ENTER);
        b.waiting().until(d -> !d.getCurrentUrl().contains("/console/login"));
        assertFocus(b, "accountNumber");
        type(b, account);
        keys(b, Keys.ENTER);
        b.waiting().until(d -> d.getCurrentUrl().contains("/console/teller/accounts/"));
        tabTo(b, "method-CASH");
        keys(b, Keys.SPACE);
        tabTo(b, "currency-KWD");
        keys(b, Keys.SPACE);
        tabTo(b, "amount");
        type(b, "10.000");
        tabTo(b, "pieces-KWD_10000");
        type(b, "1");
        tabTo(b, "review");
        keys(b, Keys.ENTER);
        b.waiting().until(d -> !d.findElements(By.id("preview")).isEmpty());
        assertFocus(b, "confirm");
        keys(b, Keys.ENTER);
        b.waiting().until(d -> d.getCurrentUrl().contains("/console/receipts/"));
        assertFocus(b, "print-a4");
        keys(b, Keys.ENTER);
        b.waiting().until(d -> !d.findElements(By.cssSelector("body.print")).isEmpty());
        assertThat(paymentsOf(account)).isEqualTo(1);
        b.driver.navigate().back();
        b.logout();
    }

    /** The demo teller works at AMEX / SALHIYA (its user's counter); the console takes it from the login. */
    private void tellerLogsIn(ConsoleBrowser b) {
        b.login("teller", "teller-demo");
        assertThat(b.driver.getCurrentUrl()).endsWith("/console/teller");
        assertThat(b.find(".desk").getText()).contains("SALHIYA");
    }

    /** The receipt as the printer gets it (print media), for a reviewer to look at. */
    private static void printMedia(ConsoleBrowser b, String name) {
        ChromeDriver chrome = (ChromeDriver) b.driver;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        b.screenshot(name);
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    private static void keys(ConsoleBrowser b, CharSequence... keys) {
        new Actions(b.driver).sendKeys(keys).perform();
    }

    private static void type(ConsoleBrowser b, String text) {
        new Actions(b.driver).sendKeys(text).perform();
    }

    /**
     * The element has the focus, or gets it within the wait: a page's autofocus is applied at a rendering step after
     * the page has loaded, later on a busy machine, and keys typed before it would go to the page's body.
     */
    private static void assertFocus(ConsoleBrowser b, String id) {
        try {
            b.waiting().withTimeout(Duration.ofSeconds(10)).until(d -> id.equals(b.focused()));
        } catch (TimeoutException notThere) {
            assertThat(b.focused()).as("the focused element").isEqualTo(id);
        }
    }

    /** Tab forward until the element has the focus; fails if sixty presses never reach it. */
    private static void tabTo(ConsoleBrowser b, String id) {
        for (int i = 0; i < 60 && !id.equals(b.focused()); i++) {
            keys(b, Keys.TAB);
        }
        assertFocus(b, id);
    }
}
