package kw.billpay.channel.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.testkit.BankInbox;
import kw.billpay.testkit.Camt054Builder;
import org.junit.jupiter.api.Test;

/**
 * A transfer the bank later reports as returned to the payer (CONTRACT "Reversals", {@code BANK_TRANSFER_RECALLED}):
 * a posted one is reversed through the posting core, every bucket given back (R23); one in suspense is closed, never
 * posted; a return naming nothing known changes nothing and says so; the same return reported again does nothing more.
 */
class BankTransferRecallTest extends BankTransferIntegrationTest {

    private static final PartnerBank BANK = PartnerBank.GBK;

    @Test
    void aReturnReversesThePostedTransferAndClosesTheOneInSuspense() {
        String account = newAccount("KWD");
        String run = unique();
        String posted = "RCL-" + run + "-1";
        String held = "RCL-" + run + "-2";
        Camt054Builder.message("RCL-" + run)
                .credit(posted, "50.000", "KWD", "2025-11-27", "card " + account)
                .credit(held, "7.000", "KWD", "2025-11-27", "no number here")
                .drop(folders.inbox(BANK), "rcl-" + run + ".xml");
        awaitFile(BANK, "rcl-" + run + ".xml");
        assertThat(totalOwed(account)).isEqualTo("465.000");
        String paymentId = jdbc.queryForObject("select payment_id::text from bank_transfer where bank = ? and bank_reference = ?",
                String.class, BANK.name(), posted);
        long heldId = jdbc.queryForObject("select id from bank_transfer where bank = ? and bank_reference = ?",
                Long.class, BANK.name(), held);

        Camt054Builder returns = Camt054Builder.message("RCL-" + run + "-RETURNS")
                .returnOf("RCL-" + run + "-R1", posted, "50.000", "KWD")
                .returnOf("RCL-" + run + "-R2", held, "7.000", "KWD")
                .returnOf("RCL-" + run + "-R3", "NOSUCH-" + run, "1.000", "KWD");
        returns.drop(folders.inbox(BANK), "rcl-" + run + "-returns.xml");
        JsonNode file = awaitFile(BANK, "rcl-" + run + "-returns.xml");
        assertThat(lines(file)).containsExactly("1.1 APPLIED PAYMENT_REVERSED", "2.1 APPLIED SUSPENSE_CLOSED",
                "3.1 NOT_APPLIED ORIGINAL_NOT_FOUND");
        assertThat(file.path("recalls").path("count").asInt()).isEqualTo(3);

        JsonNode payment = getJson("/api/v1/payments/" + paymentId, OPS);
        assertThat(payment.path("status").asText()).isEqualTo("REVERSED");
        assertThat(payment.path("statusReason").asText()).isEqualTo("BANK_TRANSFER_RECALLED");
        assertThat(totalOwed(account)).isEqualTo("515.000");
        JsonNode item = getJson("/api/v1/suspense/" + heldId, OPS);
        assertThat(item.path("status").asText()).isEqualTo("RECALLED");
        assertThat(item.path("closedBy").asText()).isEqualTo("bank-transfer:" + BANK);
        assertThat(getJson("/api/v1/suspense?limit=1000", OPS).toString()).doesNotContain("\"id\":" + heldId + ",");

        // the same returns reported again, in another message: recorded as duplicates, nothing more undone
        BankInbox.drop(folders.inbox(BANK), "rcl-" + run + "-returns-again.xml",
                returns.text().replace("RCL-" + run + "-RETURNS</MsgId>", "RCL-" + run + "-RETURNS-AGAIN</MsgId>"));
        JsonNode again = awaitFile(BANK, "rcl-" + run + "-returns-again.xml");
        assertThat(lines(again)).containsExactly("1.1 IGNORED DUPLICATE", "2.1 IGNORED DUPLICATE", "3.1 IGNORED DUPLICATE");
        assertThat(totalOwed(account)).isEqualTo("515.000");
        assertThat(getJson("/api/v1/reconciliation", OPS).path("balanced").asBoolean()).isTrue();
    }

    @Test
    void aTransferIsReversedByHandAsRecalled() {
        String account = newAccount("KWD");
        String run = unique();
        Camt054Builder.message("RCH-" + run).credit("RCH-" + run + "-1", "5.000", "KWD", "2025-11-27", "card " + account)
                .drop(folders.inbox(BANK), "rch-" + run + ".xml");
        awaitFile(BANK, "rch-" + run + ".xml");
        String paymentId = getJson("/api/v1/accounts/" + account + "/payments", OPS).get(0).path("paymentId").asText();
        Answer reversed = post("/api/v1/payments/" + paymentId + "/reversal", OPS, Map.of("reason", "BANK_TRANSFER_RECALLED"), newKey());
        assertThat(reversed.status()).as(reversed.body()).isEqualTo(200);
        assertThat(reversed.json().path("status").asText()).isEqualTo("REVERSED");

        // the bank's return arriving afterwards finds it reversed already: nothing more
        Camt054Builder.message("RCH-" + run + "-R").returnOf("RCH-" + run + "-R1", "RCH-" + run + "-1", "5.000", "KWD")
                .drop(folders.inbox(BANK), "rch-" + run + "-r.xml");
        assertThat(lines(awaitFile(BANK, "rch-" + run + "-r.xml"))).containsExactly("1.1 NOT_APPLIED PAYMENT_IS_REVERSED");
        assertThat(totalOwed(account)).isEqualTo("515.000");
    }
}
