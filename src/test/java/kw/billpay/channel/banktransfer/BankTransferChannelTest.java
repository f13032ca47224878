package kw.billpay.channel.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.testkit.BankInbox;
import kw.billpay.testkit.Camt054Builder;
import org.junit.jupiter.api.Test;

/**
 * The bank-transfer channel end to end on files made for each case (CONTRACT "Bank transfers", R8, R22, R26-R28):
 * exactly once whatever the bank resends, money received posted whatever the account's state or the rate, a refused
 * file changing nothing, and files still being written left alone. The suspense queue and recalls have their own
 * tests ({@link SuspenseQueueTest}, {@link BankTransferRecallTest}).
 */
class BankTransferChannelTest extends BankTransferIntegrationTest {

    @Test
    void aMessageSentAgainIsRefusedAndItsTransfersUnderAnotherMessageArePostedOnce() throws Exception {
        PartnerBank bank = PartnerBank.BURGAN;
        String account = newAccount("KWD");
        String run = unique();
        Camt054Builder first = Camt054Builder.message("ONCE-" + run)
                .credit("ONCE-" + run + "-1", "10.000", "KWD", "2025-11-27", "card " + account)
                .credit("ONCE-" + run + "-2", "20.000", "KWD", "2025-11-27", "AMEX " + spaced(account))
                .credit("ONCE-" + run + "-3", "30.000", "KWD", "2025-11-27", account + " thank you");
        first.drop(folders.inbox(bank), "once-" + run + ".xml");
        assertThat(awaitFile(bank, "once-" + run + ".xml").path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(totalOwed(account)).isEqualTo("455.000");

        // the same MsgId again, under another name: refused whole, nothing taken
        BankInbox.drop(folders.inbox(bank), "once-" + run + "-again.xml", first.text());
        JsonNode again = awaitFile(bank, "once-" + run + "-again.xml");
        assertThat(again.path("status").asText()).isEqualTo("REFUSED");
        assertThat(again.path("reason").asText()).isEqualTo("DUPLICATE_MESSAGE_ID");
        assertThat(Files.readString(folders.error(bank).resolve("once-" + run + "-again.xml.error.txt")))
                .contains("DUPLICATE_MESSAGE_ID").contains("ONCE-" + run);

        // the same transfers under another MsgId, one of them twice, and a new one: only the new one is posted
        Camt054Builder.message("ONCE-" + run + "-RESENT")
                .credit("ONCE-" + run + "-1", "10.000", "KWD", "2025-11-27", "card " + account)
                .credit("ONCE-" + run + "-2", "20.000", "KWD", "2025-11-27", "AMEX " + spaced(account))
                .credit("ONCE-" + run + "-3", "30.000", "KWD", "2025-11-27", account + " thank you")
                .credit("ONCE-" + run + "-4", "40.000", "KWD", "2025-11-27", "card " + account)
                .credit("ONCE-" + run + "-4", "40.000", "KWD", "2025-11-27", "card " + account)
                .drop(folders.inbox(bank), "once-" + run + "-resent.xml");
        JsonNode resent = awaitFile(bank, "once-" + run + "-resent.xml");
        assertThat(lines(resent)).containsExactly("1.1 IGNORED DUPLICATE", "2.1 IGNORED DUPLICATE",
                "3.1 IGNORED DUPLICATE", "4.1 POSTED USTRD", "5.1 IGNORED DUPLICATE");
        assertThat(resent.path("posted").path("count").asInt()).isEqualTo(1);
        assertThat(resent.path("ignored").path("count").asInt()).isEqualTo(4);
        assertThat(totalOwed(account)).isEqualTo("415.000");
        assertThat(getJson("/api/v1/accounts/" + account + "/payments", OPS)).hasSize(4);
    }

    @Test
    void moneyReceivedIsPostedToAClosedAccountAndConvertedOrHeldForARate() {
        PartnerBank bank = PartnerBank.KIB;
        ensureUsdKwdRate();
        String closed = newAccount("KWD");
        Map<String, Object> closing = new java.util.HashMap<>(sampleAccount("KWD"));
        closing.put("status", "CLOSED");
        assertThat(put("/api/v1/accounts/" + closed, OPS, closing).status()).isEqualTo(200);
        String kwd = newAccount("KWD");
        String usd = newAccount("USD");
        String run = unique();
        Camt054Builder.message("R8-" + run)
                .credit("R8-" + run + "-1", "12.500", "KWD", "2026-11-20", "card " + closed)
                .credit("R8-" + run + "-2", "10.00", "USD", "2026-11-20", "card " + kwd)
                .credit("R8-" + run + "-3", "1.000", "BHD", "2026-11-20", "card " + kwd)
                .pending("R8-" + run + "-4", "5.000", "KWD", "card " + kwd)
                .drop(folders.inbox(bank), "r8-" + run + ".xml");
        JsonNode file = awaitFile(bank, "r8-" + run + ".xml");
        assertThat(lines(file)).containsExactly("1.1 POSTED USTRD", "2.1 POSTED USTRD", "3.1 POSTED USTRD",
                "4.0 IGNORED NOT_BOOKED");

        JsonNode toClosed = getJson("/api/v1/accounts/" + closed + "/payments", OPS).get(0);
        assertThat(toClosed.path("status").asText()).isEqualTo("POSTED");
        assertThat(toClosed.path("channel").asText()).isEqualTo("BANK_TRANSFER");
        assertThat(toClosed.path("method").asText()).isEqualTo("TRANSFER");
        // R26, R18: the value date, the start of that day in Kuwait
        assertThat(OffsetDateTime.parse(toClosed.path("valueTime").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-11-20T00:00+03:00"));

        List<String> kwdPayments = new ArrayList<>();
        for (JsonNode payment : getJson("/api/v1/accounts/" + kwd + "/payments", OPS)) {
            kwdPayments.add(payment.path("received").path("currency").asText() + " " + payment.path("status").asText()
                    + " " + payment.path("posted").path("amount").asText(""));
        }
        // USD at the rate in force (R3); no BHD rate: held, never dropped
        assertThat(kwdPayments).containsExactlyInAnyOrder("USD POSTED 3.050", "BHD PENDING_FX ");
        assertThat(getJson("/api/v1/accounts/" + usd + "/payments", OPS)).isEmpty();
    }

    @Test
    void aFileRefusedAtItsLastByteChangesNothing() {
        PartnerBank bank = PartnerBank.ABK;
        String account = newAccount("KWD");
        String run = unique();
        String text = Camt054Builder.message("TAIL-" + run)
                .credit("TAIL-" + run + "-1", "10.000", "KWD", "2025-11-27", "card " + account)
                .credit("TAIL-" + run + "-2", "11.000", "KWD", "2025-11-27", "card " + account)
                .text();
        BankInbox.drop(folders.inbox(bank), "tail-" + run + ".xml", text + "<Document>");
        JsonNode file = awaitFile(bank, "tail-" + run + ".xml");
        assertThat(file.path("status").asText()).isEqualTo("REFUSED");
        assertThat(file.path("reason").asText()).isEqualTo("NOT_WELL_FORMED");
        assertThat(totalOwed(account)).isEqualTo("515.000");
        assertThat(jdbc.queryForObject("select count(*) from bank_transfer where bank_reference like ?", Long.class,
                "TAIL-" + run + "%")).isZero();

        // corrected, under the same MsgId: a refused file did not take it
        BankInbox.drop(folders.inbox(bank), "tail-" + run + "-fixed.xml", text);
        assertThat(awaitFile(bank, "tail-" + run + "-fixed.xml").path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(totalOwed(account)).isEqualTo("494.000");
    }

    @Test
    void aReferenceAsLongAsBanksWriteIsTakenAndAMessageIdLongerThanIsoAllowsIsRefused() {
        PartnerBank bank = PartnerBank.ABK;
        String account = newAccount("KWD");
        String run = unique();
        String longReference = ("LONG-" + run + "-").repeat(6).substring(0, 60);
        Camt054Builder.message("LONG-" + run).credit(longReference, "3.000", "KWD", "2025-11-27", "card " + account)
                .drop(folders.inbox(bank), "long-" + run + ".xml");
        assertThat(lines(awaitFile(bank, "long-" + run + ".xml"))).containsExactly("1.1 POSTED USTRD");

        Camt054Builder.message("X".repeat(36)).credit("LONGER-" + run, "3.000", "KWD", "2025-11-27", "card " + account)
                .drop(folders.inbox(bank), "longer-" + run + ".xml");
        JsonNode refused = awaitFile(bank, "longer-" + run + ".xml");
        assertThat(refused.path("status").asText()).isEqualTo("REFUSED");
        assertThat(refused.path("reason").asText()).isEqualTo("INVALID_GROUP_HEADER");
        assertThat(totalOwed(account)).isEqualTo("512.000");
    }

    @Test
    void filesStillBeingWrittenAreLeftAlone() throws Exception {
        PartnerBank bank = PartnerBank.WARBA;
        String run = unique();
        Path inbox = folders.inbox(bank);
        Path part = Files.writeString(inbox.resolve("partial-" + run + ".xml.part"), "<Document");
        Path hidden = Files.writeString(inbox.resolve(".hidden-" + run + ".xml"), "<Document");
        Camt054Builder.message("AFTER-" + run).credit("AFTER-" + run + "-1", "1.000", "KWD", "2025-11-27", "nothing")
                .drop(inbox, "after-" + run + ".xml");
        assertThat(awaitFile(bank, "after-" + run + ".xml").path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(part).exists();
        assertThat(hidden).exists();
        Files.delete(part);
        Files.delete(hidden);
    }
}
