package kw.billpay.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kw.billpay.channel.banktransfer.BankTransferProperties;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.testkit.Camt054Builder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's bank-transfer pages in headless Chromium: a supervisor works the suspense queue (a transfer assigned
 * once the holder was shown, whatever the browser repeats; another returned with a reason; a closed one said so in
 * both languages) and operations follow a camt.054 file's progress in place. Each page is checked like every console
 * page ({@link ConsoleBrowser#check}: no 12+ digit run, axe-core) and photographed in English and Arabic.
 */
@Tag("browser")
class BankTransferConsoleBrowserTest extends ConsolePageTest {

    /** A bank no other bank-transfer test delivers for: the queue filtered by it shows this class's items only. */
    private static final PartnerBank BANK = PartnerBank.AUB;

    @Autowired
    BankTransferProperties folders;

    @Test
    void aSupervisorAssignsATransferSeeingTheHolderFirstReturnsAnotherAndIsToldWhenOneIsClosed() {
        String account = newAccount("KWD");
        String last4 = account.substring(account.length() - 4);
        String run = unique();
        String card = "4111 1111 1111 1111";
        drop(Camt054Builder.message("AUB-SUSPENSE-" + run)
                .credit("AUB-S-" + run + "-1", "12.500", "KWD", "2026-11-27", "school fees")
                .credit("AUB-S-" + run + "-2", "7.250", "KWD", "2026-11-27", "gift for my brother")
                .credit("AUB-S-" + run + "-3", "3.000", "KWD", "2026-11-27", "card " + card), "AUB-SUSPENSE-" + run);
        long first = itemId("AUB-S-" + run + "-1");
        long second = itemId("AUB-S-" + run + "-2");
        long third = itemId("AUB-S-" + run + "-3");

        ConsoleBrowser b = browser();
        b.open("/console/login?lang=en");
        b.login("supervisor", "supervisor-demo");
        b.open("/console/supervisor/suspense?bank=" + BANK);
        WebElement row = b.find("#item-" + first);
        assertThat(row.getText()).contains("2026-11-27", "AUB", "12.500 KWD", "Payer", "school fees",
                "No account number in the transfer");
        assertThat(b.find("#item-" + third).getText()).as("the remittance masked by the channel")
                .contains("1111", "The number is not a known account").doesNotContain(card);
        List<Long> listed = b.all("#suspense tr.item").stream()
                .map(r -> Long.parseLong(r.getAttribute("id").substring("item-".length()))).toList();
        assertThat(listed).as("oldest first").containsSubsequence(first, second, third);
        b.check("suspense");

        // assign: the account number typed, then its holder shown, nothing assigned yet
        row.findElement(By.cssSelector("input[name=accountNumber]")).sendKeys(account);
        row.findElement(By.cssSelector("form.assign button")).click();
        b.waiting().until(d -> !d.findElements(By.id("assign-holder")).isEmpty());
        assertThat(b.find("#assign-holder").getText()).isEqualTo("Sample Holder");
        assertThat(b.find("#assign-account-number").getText()).isEqualTo("•••• " + last4);
        assertThat(b.find("#assign-account-status").getText()).isEqualTo("Open");
        assertThat(b.find("#transfer-amount").getText()).isEqualTo("12.500 KWD");
        assertThat(paymentsOf(account)).as("seeing the holder assigns nothing").isZero();
        b.check("suspense-assign");
        String confirmation = (String) ((JavascriptExecutor) b.driver).executeScript(
                "return new URLSearchParams(new FormData(document.getElementById('assign-form'))).toString();");
        String confirmUrl = b.find("#assign-form").getAttribute("action");

        new Actions(b.driver).doubleClick(b.find("#assign-confirm")).perform();
        b.waiting().until(d -> !d.findElements(By.id("suspense-done")).isEmpty());
        assertThat(b.find("#suspense-done").getText()).contains("12.500 KWD", "AUB", "•••• " + last4, "Sample Holder");
        // the same confirmation twice more at once: a retry after a lost answer, or the back button and resubmit
        @SuppressWarnings("unchecked")
        List<String> landedOn = (List<String>) ((JavascriptExecutor) b.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const send = () => fetch(arguments[0], {method: 'POST', body: new URLSearchParams(arguments[1]),
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'}}).then(r => r.url);
                Promise.all([send(), send()]).then(done, e => done([String(e)]));""", confirmUrl, confirmation);
        assertThat(landedOn).allMatch(url -> url.endsWith("/console/supervisor/suspense"));
        assertThat(paymentsOf(account)).as("a double click and two resubmissions assign once").isEqualTo(1);
        JsonNode assigned = getJson("/api/v1/suspense/" + first, SUPERVISOR);
        assertThat(assigned.path("status").asText()).isEqualTo("ASSIGNED");
        JsonNode payment = getJson("/api/v1/payments/" + assigned.path("paymentId").asText(), OPS);
        assertThat(payment.path("channel").asText()).isEqualTo("BANK_TRANSFER");
        assertThat(payment.path("posted").path("amount").asText()).isEqualTo("12.500");
        assertThat(payment.path("origin").path("assignedBy").asText()).isEqualTo("supervisor");
        assertThat(b.all("#item-" + first)).as("no longer in the queue").isEmpty();

        // return another with a reason: only its row changes
        WebElement toReturn = b.find("#item-" + second);
        toReturn.findElement(By.cssSelector("input[name=reason]")).sendKeys("payer asked for it back");
        toReturn.findElement(By.cssSelector("form.return button")).click();
        b.waiting().until(d -> d.findElement(By.id("item-" + second)).getText().contains("To be returned to the payer"));
        assertThat(b.all("#item-" + second + " form")).as("done in one action").isEmpty();
        JsonNode returned = getJson("/api/v1/suspense/" + second, SUPERVISOR);
        assertThat(returned.path("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.path("returnReason").asText()).isEqualTo("payer asked for it back");
        assertThat(returned.path("closedBy").asText()).isEqualTo("supervisor");

        // a closed item says so, and offers nothing to do
        b.open("/console/supervisor/suspense/" + first + "/assignment");
        assertThat(b.find("#assign-problem").getText()).contains("no longer in suspense");
        assertThat(b.find("#transfer-status").getText()).isEqualTo("Assigned to an account");
        assertThat(b.all("#check-form")).isEmpty();

        // in Arabic: the third one's holder shown, but operations return it before the supervisor confirms (409)
        b.open("/console/supervisor/suspense?bank=" + BANK + "&lang=ar");
        assertThat(b.dir()).isEqualTo("rtl");
        assertThat(b.find("#item-" + third).getText()).contains("3.000 KWD", "الرقم ليس حسابًا معروفًا");
        b.check("suspense");
        WebElement last = b.find("#item-" + third);
        last.findElement(By.cssSelector("input[name=accountNumber]")).sendKeys(account);
        last.findElement(By.cssSelector("form.assign button")).click();
        b.waiting().until(d -> !d.findElements(By.id("assign-holder")).isEmpty());
        assertThat(b.dir()).isEqualTo("rtl");
        assertThat(b.find("#assign-account-status").getText()).isEqualTo("مفتوح");
        b.check("suspense-assign");
        Answer byOps = post("/api/v1/suspense/" + third + "/return", OPS, Map.of("reason", "sent back by phone"), newKey());
        assertThat(byOps.status()).as(byOps.body()).isEqualTo(200);
        b.find("#assign-confirm").click();
        b.waiting().until(d -> !d.findElements(By.id("assign-problem")).isEmpty());
        assertThat(b.find("#assign-problem").getText()).contains("لم تعد معلّقة");
        assertThat(b.find("#transfer-status").getText()).isEqualTo("ستُعاد إلى المحوِّل");
        assertThat(b.all("#assign-form")).isEmpty();
        assertThat(paymentsOf(account)).isEqualTo(1);
        b.open("/console/supervisor/suspense?lang=en");
        b.logout();
    }

    @Test
    void operationsSeeABankTransferFilesProgressWithoutReloading() {
        String account = newAccount("KWD");
        String run = unique();
        String messageId = "AUB-OPS-" + run;

        ConsoleBrowser b = browser();
        b.open("/console/login?lang=en");
        b.login("ops", "ops-demo");
        b.open("/console/operations");
        String pageId = b.markPage();
        drop(Camt054Builder.message(messageId)
                .credit("AUB-O-" + run + "-1", "40.000", "KWD", "2026-11-27", "card " + account + " November")
                .credit("AUB-O-" + run + "-2", "12.500", "KWD", "2026-11-27", "school fees")
                .pending("AUB-O-" + run + "-3", "5.000", "KWD", "not yet booked"), messageId);

        b.waiting().withTimeout(Duration.ofSeconds(60)).until(d -> fileRow(d.findElements(
                By.cssSelector("#transfer-file-table tr.transfer-file")), messageId)
                .filter(r -> r.getText().contains("3 / 3") && r.getText().contains("Accepted")).isPresent());
        assertThat(b.stillOn(pageId)).as("refreshed in place").isTrue();
        WebElement file = fileRow(b.all("#transfer-file-table tr.transfer-file"), messageId).orElseThrow();
        assertThat(file.getText()).contains("AUB", messageId + ".xml", "40.000 KWD", "12.500 KWD");
        assertThat(file.findElement(By.cssSelector(".posted")).getText()).isEqualTo("1");
        assertThat(file.findElement(By.cssSelector(".suspense")).getText()).isEqualTo("1");
        assertThat(file.findElements(By.cssSelector("td.num")).get(3).getText()).as("recorded only: the pending entry")
                .isEqualTo("1");
        b.waiting().until(d -> !d.findElements(By.id("balanced")).isEmpty());
        b.check("operations-bank-transfers");

        b.open("/console/operations?lang=ar");
        assertThat(b.dir()).isEqualTo("rtl");
        assertThat(fileRow(b.all("#transfer-file-table tr.transfer-file"), messageId).orElseThrow().getText())
                .contains("مقبول", "3 / 3");
        b.waiting().until(d -> !d.findElements(By.id("balanced")).isEmpty());
        b.check("operations-bank-transfers");
        b.open("/console/operations?lang=en");
        b.logout();
    }

    private static java.util.Optional<WebElement> fileRow(List<WebElement> rows, String messageId) {
        return rows.stream().filter(r -> r.getText().contains(messageId)).findFirst();
    }

    /** Drops the file in the bank's inbox as the bank does, and waits until the channel has taken it whole. */
    private void drop(Camt054Builder file, String messageId) {
        file.drop(folders.inbox(BANK), messageId + ".xml");
        await(messageId).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> "ACCEPTED".equals(
                jdbc.query("select status from bank_transfer_file where bank = ? and message_id = ?",
                        (rs, i) -> rs.getString(1), BANK.name(), messageId).stream().findFirst().orElse(null)));
    }

    private long itemId(String bankReference) {
        Long id = jdbc.queryForObject("select id from bank_transfer where bank = ? and bank_reference = ? and suspended",
                Long.class, BANK.name(), bankReference);
        return id == null ? 0 : id;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
