package kw.billpay.channel.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.testkit.BankInbox;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every camt.054 fixture of {@code src/test/resources/bank-transfer/} through the whole channel (CONTRACT "Bank
 * transfers", R26-R28): dropped in the inbox its {@code <case>.channel.txt} names, each must end as that file says:
 * refused whole (moved to error/ with {@code <name>.error.txt}, nothing recorded) or accepted, with each line posted
 * to its account by its rule, held in suspense with its reason, recalled, or recorded only. A posted line is one
 * payment of channel BANK_TRANSFER, method TRANSFER, whose origin names the bank, file, MsgId, reference and rule.
 *
 * <p>The fixtures' accounts (the table in the folder's README) are theirs alone; the other tests of the shared
 * database make their own, and nothing here assumes an empty table.
 */
class BankTransferFixturesTest extends BankTransferIntegrationTest {

    private static final Pattern UNMASKED_CARD = Pattern.compile("[0-9٠-٩]{12,}");
    /** The accounts the fixtures' remittance texts name that exist (376012345678902 does not): KWD but the last. */
    private static final Map<String, String> ACCOUNTS = Map.of("375987654321001", "KWD", "375987654321002", "KWD",
            "376012345678901", "KWD", "5123450000001234", "KWD", "4000123456789010", "KWD", "371234567890005", "USD");

    /** A fixture and what the channel must make of it. */
    record Fixture(String name, PartnerBank bank, String outcome, List<String> lines, byte[] bytes) {
        String fileName() {
            return name + ".xml";
        }

        boolean accepted() {
            return outcome.equals("ACCEPTED");
        }
    }

    static List<Fixture> fixtures() throws IOException {
        List<Fixture> fixtures = new ArrayList<>();
        try (Stream<Path> files = Files.list(Camt054FixturesTest.folder())) {
            for (Path xml : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                String name = xml.getFileName().toString().replace(".xml", "");
                List<String> channel = Files.readAllLines(xml.resolveSibling(name + ".channel.txt"), StandardCharsets.UTF_8);
                fixtures.add(new Fixture(name, PartnerBank.valueOf(channel.get(0).substring("bank ".length())),
                        channel.get(1), channel.subList(2, channel.size()), Files.readAllBytes(xml)));
            }
        }
        return fixtures;
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureGetsItsOutcomeThroughTheChannel() throws IOException {
        ACCOUNTS.forEach((account, currency) -> {
            Answer created = put("/api/v1/accounts/" + account, OPS, sampleAccount(currency));
            assertThat(created.status()).as(created.body()).isIn(200, 201);
        });
        List<Fixture> fixtures = fixtures();
        for (Fixture fixture : fixtures) {
            BankInbox.drop(folders.inbox(fixture.bank()), fixture.fileName(), fixture.bytes());
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Fixture fixture : fixtures) {
            tests.add(dynamicTest(fixture.name(), () -> verify(fixture)));
        }
        tests.add(dynamicTest("the suspense queue shows remittance masked", this::suspenseMasked));
        tests.add(dynamicTest("reconciliation stays balanced, suspense counted as received", this::reconciliation));
        return tests.stream();
    }

    private void verify(Fixture fixture) throws IOException {
        JsonNode file = awaitFile(fixture.bank(), fixture.fileName());
        Path folder = fixture.accepted() ? folders.done(fixture.bank()) : folders.error(fixture.bank());
        Path archived = folder.resolve(file.path("archivedAs").asText());
        assertThat(Files.readAllBytes(archived)).isEqualTo(fixture.bytes());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archived))).isEqualTo("rw-------");
        assertThat(file.path("status").asText()).isEqualTo(fixture.accepted() ? "ACCEPTED" : "REFUSED");
        long ref = file.path("ref").asLong();
        if (!fixture.accepted()) {
            String reason = fixture.outcome().substring("REFUSED ".length());
            assertThat(file.path("reason").asText()).isEqualTo(reason);
            String errorText = Files.readString(folder.resolve(archived.getFileName() + ".error.txt"));
            assertThat(errorText).contains("refused: " + reason).contains(fixture.fileName());
            assertThat(UNMASKED_CARD.matcher(errorText).find()).as(errorText).isFalse();
            assertThat(jdbc.queryForObject("select count(*) from bank_transfer where file_ref = ?", Long.class, ref)).isZero();
            return;
        }
        List<String> actual = jdbc.query("""
                select entry_position, detail_index, kind, status, reason, account_number, bank_reference, payment_id,
                       amount, remittance, debtor_name
                from bank_transfer where file_ref = ? order by entry_position, detail_index""", (rs, i) -> {
                    String account = rs.getString("account_number");
                    String text = rs.getString("remittance") + " " + rs.getString("debtor_name");
                    assertThat(UNMASKED_CARD.matcher(text).find()).as("stored masked: %s", text).isFalse();
                    if (rs.getString("payment_id") != null) {
                        verifyPayment(fixture, rs.getString("payment_id"), rs.getString("bank_reference"), account,
                                rs.getBigDecimal("amount"), rs.getString("status").equals("RECALLED"));
                    }
                    return rs.getInt("entry_position") + "." + rs.getInt("detail_index") + " " + rs.getString("kind")
                            + " " + rs.getString("status") + " " + rs.getString("reason")
                            + (account == null || !rs.getString("kind").equals("TRANSFER")
                                    || rs.getString("status").equals("SUSPENSE") ? "" : " " + account);
                }, ref);
        assertThat(actual).containsExactlyElementsOf(fixture.lines());
        long posted = fixture.lines().stream().filter(l -> l.contains(" TRANSFER POSTED ") || l.contains(" TRANSFER RECALLED ")).count();
        long suspense = fixture.lines().stream().filter(l -> l.contains(" TRANSFER SUSPENSE ")).count();
        long ignored = fixture.lines().stream().filter(l -> l.contains(" IGNORED ")).count();
        assertThat(file.path("posted").path("count").asLong()).isEqualTo(posted);
        assertThat(file.path("suspense").path("count").asLong()).isEqualTo(suspense);
        assertThat(file.path("ignored").path("count").asLong()).isEqualTo(ignored);
        assertThat(file.path("progress").path("entriesDone").asInt()).isEqualTo(file.path("progress").path("entries").asInt());
    }

    /** A posted line's payment: one, of this channel, to its account, its origin explaining the decision (R25). */
    private void verifyPayment(Fixture fixture, String paymentId, String reference, String account, BigDecimal amount,
                               boolean recalled) {
        JsonNode payment = getJson("/api/v1/payments/" + paymentId, OPS);
        assertThat(payment.path("channel").asText()).isEqualTo("BANK_TRANSFER");
        assertThat(payment.path("method").asText()).isEqualTo("TRANSFER");
        assertThat(payment.path("status").asText()).isEqualTo(recalled ? "REVERSED" : "POSTED");
        assertThat(payment.path("accountNumber").asText()).endsWith(account.substring(account.length() - 4)).startsWith("*");
        assertThat(new BigDecimal(payment.path("received").path("amount").asText())).isEqualByComparingTo(amount);
        assertThat(payment.path("reference").asText()).isEqualTo(reference);
        JsonNode origin = payment.path("origin");
        assertThat(origin.path("bank").asText()).isEqualTo(fixture.bank().name());
        assertThat(origin.path("file").asText()).isEqualTo(fixture.fileName());
        assertThat(origin.path("acctSvcrRef").asText()).isEqualTo(reference);
        assertThat(origin.path("rule").asText()).isNotBlank();
        assertThat(UNMASKED_CARD.matcher(origin.path("remittance").asText()).find()).as(origin.toString()).isFalse();
        ACCOUNTS.keySet().forEach(card -> assertThat(payment.toString()).doesNotContain(card));
        assertThat(jdbc.queryForObject("select source_key from payment where payment_id = ?::uuid", String.class, paymentId))
                .isEqualTo("BT/" + fixture.bank() + "/" + reference);
    }

    private void suspenseMasked() {
        JsonNode open = getJson("/api/v1/suspense?limit=1000", SUPERVISOR);
        List<String> reasons = new ArrayList<>();
        for (JsonNode item : open) {
            assertThat(item.size()).as("the contract's fields, no more: %s", item).isEqualTo(8);
            String shown = item.path("remittance").asText() + " " + item.path("debtorName").asText();
            assertThat(UNMASKED_CARD.matcher(shown).find()).as(item.toString()).isFalse();
            assertThat(item.path("status").asText()).isEqualTo("OPEN");
            reasons.add(item.path("reason").asText());
        }
        assertThat(reasons).contains("UNKNOWN_NUMBER", "NO_NUMBER", "AMBIGUOUS", "NO_BANK_REFERENCE");
        JsonNode ambiguous = null;
        for (JsonNode item : open) {
            if (item.path("reason").asText().equals("AMBIGUOUS") && item.path("bank").asText().equals("NBK")) {
                ambiguous = item;
            }
        }
        assertThat(ambiguous).isNotNull();
        assertThat(ambiguous.path("remittance").asText()).isEqualTo("بطاقة ****-****-****-9010 و ****-****-****-1234");
        assertThat(ambiguous.path("amount").path("amount").asText()).isEqualTo("10.000");
        assertThat(ambiguous.path("valueDate").asText()).isEqualTo("2025-11-27");
        JsonNode detail = getJson("/api/v1/suspense/" + ambiguous.path("id").asLong(), OPS);
        assertThat(detail.path("why").asText()).contains("2 known accounts").contains("***9010").doesNotContain("4000123456789010");
    }

    private void reconciliation() {
        JsonNode answer = getJson("/api/v1/reconciliation", OPS);
        assertThat(answer.path("balanced").asBoolean()).as(answer.toString()).isTrue();
        boolean bankTransferRow = false;
        for (JsonNode row : answer.path("totals")) {
            if (row.path("channel").asText().equals("BANK_TRANSFER") && row.path("currency").asText().equals("KWD")) {
                bankTransferRow = true;
                assertThat(row.path("suspense").path("count").asLong()).isPositive();
            }
        }
        assertThat(bankTransferRow).isTrue();
        assertThat(answer.path("suspense").toString()).contains("\"bank\":\"GBK\"");
    }
}
