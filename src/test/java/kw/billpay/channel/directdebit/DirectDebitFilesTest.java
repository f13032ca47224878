package kw.billpay.channel.directdebit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import kw.billpay.channel.directdebit.Fixtures.Fixture;
import kw.billpay.support.GatewayIntegrationTest;
import kw.billpay.testkit.ResultFileBuilder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Direct-debit result files end to end (CONTRACT "Direct-debit result files", DOMAIN R17, R18, R22, R24): every
 * fixture of {@code src/test/resources/direct-debit/} is dropped in its bank's inbox of the running gateway and must get
 * exactly its expected acknowledgement, move to done/ or error/, post exactly its POSTED records (with the collection
 * date as value time) and change nothing else. Then the same file twice, a rejected file sent again corrected,
 * {@code .part} and dot files, and the operations API.
 *
 * <p>Independent of the other tests of the shared database: the fixtures' accounts (17 digits, 4242…) and fileIds are
 * theirs alone, the other tests here make their own, and nothing assumes an empty table.
 */
class DirectDebitFilesTest extends GatewayIntegrationTest {

    private static final Duration ACK_WAIT = BankFiles.ACK_WAIT;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern FIXTURE_ACCOUNT = Pattern.compile("4242[0-9]{2}([089])[0-9]{10}");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final ZoneOffset KUWAIT = ZoneOffset.ofHours(3);

    /** The USD to KWD rate this test publishes for the USD fixture's collection date (before any other test's rate). */
    private static final String USD_KWD_RATE = "0.302000";
    private static final String USD_KWD_EFFECTIVE_AT = "2025-11-01T00:00:00+03:00";

    /** Fixtures not dropped by {@link #everyFixtureGetsItsAcknowledgement}: see the test named after each. */
    private static final Set<String> NOT_DROPPED = Set.of("empty");

    @Autowired
    DirectDebitProperties folders;

    // ------------------------------------------------------------------------------------------------------------
    // Every fixture
    // ------------------------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyFixtureGetsItsAcknowledgement() throws IOException {
        Answer rate = put("/api/v1/fx-rates", OPS, Map.of("rates", List.of(Map.of(
                "from", "USD", "to", "KWD", "rate", USD_KWD_RATE, "effectiveAt", USD_KWD_EFFECTIVE_AT))));
        assertThat(rate.status()).as(rate.body()).isEqualTo(200);

        List<Fixture> fixtures = Fixtures.all().stream().filter(f -> !NOT_DROPPED.contains(f.name())).toList();
        Map<String, JsonNode> before = new HashMap<>();
        for (Fixture fixture : fixtures) {
            for (String account : accountsOf(fixture)) {
                Answer created = put("/api/v1/accounts/" + account, OPS, sampleAccount(currencyOf(account)));
                assertThat(created.status()).as(created.body()).isIn(200, 201);
                before.put(account, account(account));
            }
        }
        for (Fixture fixture : fixtures) {
            drop(fixture.inbox(), fixture.fileName(), fixture.bytes());
        }

        List<DynamicTest> tests = new ArrayList<>();
        for (Fixture fixture : fixtures) {
            tests.add(dynamicTest(fixture.name(), () -> verify(fixture, before)));
        }
        tests.add(dynamicTest("valid-kwd: allocations in the issuer's order, one payment after the other", this::validKwdAllocations));
        tests.add(dynamicTest("usd-kwd-accounts: converted at the rate in force at the collection date", this::usdConversions));
        tests.add(dynamicTest("not-collected: the collections team's list", this::notCollectedList));
        tests.add(dynamicTest("reconciliation stays balanced", this::reconciliationBalanced));
        return tests.stream();
    }

    private void verify(Fixture fixture, Map<String, JsonNode> before) throws IOException {
        PartnerBank bank = fixture.inbox();
        List<String> ack = awaitAck(bank, fixture.fileName());
        List<UUID> paymentIds = matchAck(fixture.expectedAck(), ack);

        // the file left the inbox for done/ or error/, byte for byte
        Path archived = (fixture.accepted() ? folders.done(bank) : folders.error(bank)).resolve(fixture.fileName());
        await().atMost(ACK_WAIT).until(() -> Files.exists(archived) && !Files.exists(folders.inbox(bank).resolve(fixture.fileName())));
        assertThat(Files.readAllBytes(archived)).isEqualTo(fixture.bytes());

        // the payments: one per POSTED record, from this file's D line
        Map<String, List<JsonNode>> paymentsByAccount = new HashMap<>();
        List<String[]> records = fixture.expectedRecords();
        List<String[]> details = fixture.accepted() ? fixture.details() : List.of();
        assertThat(details).hasSameSizeAs(records);
        int posted = 0;
        for (int i = 0; i < records.size(); i++) {
            if (!records.get(i)[2].equals("POSTED")) {
                continue;
            }
            String[] d = details.get(i);
            JsonNode payment = checkPayment(fixture, d, paymentIds.get(posted++));
            paymentsByAccount.computeIfAbsent(d[2], a -> new ArrayList<>()).add(payment);
        }
        assertThat(posted).isEqualTo(paymentIds.size());

        // every account of the fixture changed by exactly its posted payments, nothing else
        for (String account : accountsOf(fixture)) {
            List<JsonNode> payments = paymentsByAccount.getOrDefault(account, List.of());
            assertThat(ids(get("/api/v1/accounts/" + account + "/payments", OPS).json()))
                    .as("payments of %s", account)
                    .containsExactlyInAnyOrderElementsOf(payments.stream().map(p -> p.path("paymentId").asText()).toList());
            checkBalances(account, before.get(account), payments);
        }

        checkFileView(fixture, ack);
    }

    /** A POSTED record's payment: channel, amount, value time (R18) and origin (R25) from its D line. */
    private JsonNode checkPayment(Fixture fixture, String[] d, UUID paymentId) {
        Answer answer = get("/api/v1/payments/" + paymentId, OPS);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode payment = answer.json();
        String fileCurrency = fixture.lines().get(0).split(",")[4];
        String accountCurrency = currencyOf(d[2]);
        BigDecimal received = new BigDecimal(d[4]).setScale(fileCurrency.equals("KWD") ? 3 : 2, RoundingMode.UNNECESSARY);
        boolean pendingFx = fixture.name().equals("usd-pending-fx");

        assertThat(payment.path("channel").asText()).isEqualTo("DIRECT_DEBIT");
        assertThat(payment.path("method").asText()).isEqualTo("DIRECT_DEBIT");
        assertThat(payment.path("status").asText()).isEqualTo(pendingFx ? "PENDING_FX" : "POSTED");
        assertThat(payment.path("accountNumber").asText()).isEqualTo("*".repeat(13) + d[2].substring(13));
        assertThat(payment.path("received").path("amount").asText()).isEqualTo(received.toPlainString());
        assertThat(payment.path("received").path("currency").asText()).isEqualTo(fileCurrency);
        assertThat(OffsetDateTime.parse(payment.path("valueTime").asText()))
                .isEqualTo(LocalDate.parse(d[5], YYYYMMDD).atStartOfDay().atOffset(KUWAIT));
        assertThat(payment.path("reference").asText()).isEqualTo(d[3]);
        assertThat(payment.path("origin").path("bank").asText()).isEqualTo(fixture.inbox().name());
        assertThat(payment.path("origin").path("fileId").asText()).isEqualTo(fixture.fileId());
        assertThat(payment.path("origin").path("file").asText()).isEqualTo(fixture.fileName());
        assertThat(payment.path("origin").path("seq").asText()).isEqualTo(d[1]);
        if (pendingFx) {
            assertThat(payment.path("allocations")).isEmpty();
            return payment;
        }
        BigDecimal expectedPosted = fileCurrency.equals(accountCurrency) ? received
                : received.multiply(new BigDecimal(USD_KWD_RATE)).setScale(3, RoundingMode.HALF_UP);
        assertThat(payment.path("posted").path("amount").asText()).isEqualTo(expectedPosted.toPlainString());
        assertThat(payment.path("posted").path("currency").asText()).isEqualTo(accountCurrency);
        BigDecimal allocated = sum(payment.path("allocations"), "amount").add(new BigDecimal(payment.path("creditBalancePart").asText()));
        assertThat(allocated).as("R11: allocations + credit balance part = posted").isEqualByComparingTo(expectedPosted);
        return payment;
    }

    /** R24 for one account: its buckets went down by its payments' allocations and its credit balance up by the rest. */
    private void checkBalances(String account, JsonNode before, List<JsonNode> payments) {
        JsonNode after = account(account);
        List<JsonNode> posted = payments.stream().filter(p -> p.path("status").asText().equals("POSTED")).toList();
        if (posted.isEmpty()) {
            assertThat(after).as("account %s unchanged", account).isEqualTo(before);
            return;
        }
        Map<String, BigDecimal> buckets = new LinkedHashMap<>();
        before.path("buckets").properties().forEach(e -> buckets.put(e.getKey(), new BigDecimal(e.getValue().asText())));
        BigDecimal credit = new BigDecimal(before.path("creditBalance").asText());
        BigDecimal owed = new BigDecimal(before.path("totalOwed").asText());
        for (JsonNode payment : posted) {
            for (JsonNode allocation : payment.path("allocations")) {
                BigDecimal amount = new BigDecimal(allocation.path("amount").asText());
                buckets.merge(allocation.path("bucket").asText(), amount.negate(), BigDecimal::add);
                owed = owed.subtract(amount);
            }
            credit = credit.add(new BigDecimal(payment.path("creditBalancePart").asText()));
        }
        after.path("buckets").properties().forEach(e -> assertThat(new BigDecimal(e.getValue().asText()))
                .as("%s of %s", e.getKey(), account).isEqualByComparingTo(buckets.getOrDefault(e.getKey(), BigDecimal.ZERO)));
        assertThat(new BigDecimal(after.path("creditBalance").asText())).as("credit balance of %s", account).isEqualByComparingTo(credit);
        assertThat(new BigDecimal(after.path("totalOwed").asText())).as("total owed of %s", account).isEqualByComparingTo(owed);
    }

    /** GET /direct-debit/files: the file with its status, reason, counts and sums. */
    private void checkFileView(Fixture fixture, List<String> ack) {
        JsonNode view = fileView(fixture.inbox(), fixture.fileName());
        String[] t = ack.get(ack.size() - 1).split(",", -1);
        assertThat(view.path("bank").asText()).isEqualTo(fixture.inbox().name());
        assertThat(textOrNull(view.path("fileId"))).isEqualTo(fixture.fileId().isEmpty() ? null : fixture.fileId());
        assertThat(view.path("status").asText()).isEqualTo(fixture.accepted() ? "ACCEPTED" : "REJECTED");
        assertThat(textOrNull(view.path("reason"))).isEqualTo(fixture.accepted() ? null : fixture.rejection().name());
        assertThat(view.path("archivedAs").asText()).isEqualTo(fixture.fileName());
        assertThat(textOrNull(view.path("completedAt"))).isNotNull();
        assertThat(view.path("posted").path("count").asInt()).isEqualTo(Integer.parseInt(t[1]));
        assertThat(view.path("refused").path("count").asInt()).isEqualTo(Integer.parseInt(t[3]));
        assertThat(view.path("notCollected").path("count").asInt()).isEqualTo(Integer.parseInt(t[4]));
        if (fixture.accepted()) {
            String currency = fixture.lines().get(0).split(",")[4];
            assertThat(view.path("currency").asText()).isEqualTo(currency);
            assertThat(view.path("posted").path("sum").path("amount").asText()).isEqualTo(t[2]);
            assertThat(view.path("posted").path("sum").path("currency").asText()).isEqualTo(currency);
            assertThat(view.path("progress").path("recordsDone").asInt()).isEqualTo(fixture.details().size());
            assertThat(view.path("progress").path("records").asInt()).isEqualTo(fixture.details().size());
            // the trailer's sum as the bank wrote it; stored in the currency's minor units (sum-as-written: 40.0001 -> 40.000)
            String trailerSum = fixture.lines().stream().filter(l -> l.startsWith("T,")).findFirst().orElseThrow().split(",")[2];
            assertThat(new BigDecimal(view.path("controlSum").path("amount").asText()))
                    .isCloseTo(new BigDecimal(trailerSum), org.assertj.core.data.Offset.offset(new BigDecimal("0.0005")));
        } else {
            assertThat(view.path("progress").path("recordsDone").asInt()).isZero();
        }
    }

    private void validKwdAllocations() throws IOException {
        List<String> ack = awaitAck(PartnerBank.NBK, "valid-kwd.csv");
        JsonNode first = payment(ack.get(1).split(",")[3]);
        JsonNode second = payment(ack.get(7).split(",")[3]);
        assertThat(allocations(first)).containsExactly("PREVIOUS_FEES=5.000", "PREVIOUS_PURCHASES=21.500");
        assertThat(first.path("creditBalancePart").asText()).isEqualTo("0.000");
        assertThat(allocations(second)).containsExactly("PREVIOUS_PURCHASES=18.500", "CURRENT_INSTALMENTS=30.000",
                "CURRENT_FEES=2.500", "CURRENT_CASH=100.000", "CURRENT_PURCHASES=322.500", "UNBILLED=15.000");
        assertThat(second.path("creditBalancePart").asText()).isEqualTo("111.500");
        JsonNode account = account("42420100000000001");
        assertThat(account.path("totalOwed").asText()).isEqualTo("0.000");
        assertThat(account.path("creditBalance").asText()).isEqualTo("111.500");
        // 515.000 is exactly what the account owed: all paid, no credit balance
        JsonNode exact = account("42420100000000005");
        assertThat(exact.path("totalOwed").asText()).isEqualTo("0.000");
        assertThat(exact.path("creditBalance").asText()).isEqualTo("0.000");
    }

    private void usdConversions() throws IOException {
        List<String> ack = awaitAck(PartnerBank.BOUBYAN, "usd-kwd-accounts.csv");
        JsonNode hundred = payment(ack.get(1).split(",")[3]);
        assertThat(hundred.path("posted").path("amount").asText()).isEqualTo("30.200");
        assertThat(hundred.path("fx").path("from").asText()).isEqualTo("USD");
        assertThat(hundred.path("fx").path("to").asText()).isEqualTo("KWD");
        assertThat(new BigDecimal(hundred.path("fx").path("rate").asText())).isEqualByComparingTo(USD_KWD_RATE);
        assertThat(OffsetDateTime.parse(hundred.path("fx").path("effectiveAt").asText()))
                .isEqualTo(OffsetDateTime.parse(USD_KWD_EFFECTIVE_AT));
        assertThat(payment(ack.get(2).split(",")[3]).path("posted").path("amount").asText()).isEqualTo("10.066"); // 33.33 × 0.302 = 10.06566
        JsonNode usdAccount = payment(ack.get(4).split(",")[3]);
        assertThat(usdAccount.path("posted").path("amount").asText()).isEqualTo("80.00");
        assertThat(usdAccount.path("fx").isNull() || usdAccount.path("fx").isMissingNode()).isTrue();
        assertThat(allocations(usdAccount)).containsExactly("PREVIOUS_FEES=5.00", "PREVIOUS_PURCHASES=40.00", "CURRENT_PURCHASES=35.00");
    }

    private void notCollectedList() throws IOException {
        awaitAck(PartnerBank.NBK, "valid-kwd.csv");
        awaitAck(PartnerBank.KFH, "crlf.csv");
        JsonNode list = get("/api/v1/direct-debit/not-collected?accountNumber=42420100000000002", OPS).json();
        assertThat(list).hasSize(1);
        JsonNode record = list.get(0);
        assertThat(record.path("bank").asText()).isEqualTo("NBK");
        assertThat(record.path("fileId").asText()).isEqualTo("NBK-20261127-0001");
        assertThat(record.path("seq").asText()).isEqualTo("2");
        assertThat(record.path("accountNumber").asText()).isEqualTo("*************0002");
        assertThat(record.path("mandateRef").asText()).isEqualTo("NBK-MND-0102");
        assertThat(record.path("amount").path("amount").asText()).isEqualTo("25.000");
        assertThat(record.path("amount").path("currency").asText()).isEqualTo("KWD");
        assertThat(record.path("collectionDate").asText()).isEqualTo("2026-11-27");
        assertThat(record.path("reasonCode").asText()).isEqualTo("AM04");
        assertThat(get("/api/v1/direct-debit/not-collected?accountNumber=42420100000000003", OPS).json())
                .extracting(r -> r.path("reasonCode").asText()).containsExactly("AC04");
        assertThat(get("/api/v1/direct-debit/not-collected?accountNumber=42420100000000004", OPS).json())
                .extracting(r -> r.path("reasonCode").asText()).containsExactly("MD01");
        assertThat(get("/api/v1/direct-debit/not-collected?accountNumber=42421400000000002", OPS).json())
                .extracting(r -> r.path("fileId").asText() + "/" + r.path("reasonCode").asText())
                .containsExactly("KFH-20261127-0014/AM04");
        // an account whose debits were all collected, and one the gateway never heard of
        assertThat(get("/api/v1/direct-debit/not-collected?accountNumber=42420100000000001", OPS).json()).isEmpty();
        assertThat(get("/api/v1/direct-debit/not-collected?accountNumber=999999999", OPS).json()).isEmpty();
        // nothing of a rejected file is recorded (bad-sum's seq 3 was NOT_COLLECTED)
        awaitAck(PartnerBank.NBK, "bad-sum.csv");
        assertThat(get("/api/v1/direct-debit/not-collected?accountNumber=42420800000000002", OPS).json()).isEmpty();
    }

    private void reconciliationBalanced() {
        JsonNode reconciliation = get("/api/v1/reconciliation", OPS).json();
        assertThat(reconciliation.path("balanced").asBoolean()).as(reconciliation.toString()).isTrue();
    }

    // ------------------------------------------------------------------------------------------------------------
    // The same file again (R22), a rejected file corrected
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void theSameFileDroppedAgainUnderAnyNameIsADuplicateAndNothingIsPostedTwice() throws IOException {
        String account = newAccount("KWD");
        JsonNode before = account(account);
        String fileId = "IT-DUP-" + UUID.randomUUID();
        String name = fileId + ".csv";
        byte[] file = ResultFileBuilder.file("GBK", fileId)
                .collected(account, "M-1", "26.500", "20261127")
                .collected(account, "M-1", "10.000", "20261128").bytes();

        drop(PartnerBank.GBK, name, file);
        List<String> first = awaitAck(PartnerBank.GBK, name);
        assertThat(first.get(0)).isEqualTo("H,GBK," + fileId + ",ACCEPTED,");
        assertThat(first.get(3)).isEqualTo("T,2,36.500,0,0");
        await().atMost(ACK_WAIT).until(() -> Files.exists(folders.done(PartnerBank.GBK).resolve(name)));
        JsonNode afterFirst = account(account);
        assertThat(new BigDecimal(afterFirst.path("totalOwed").asText()))
                .isEqualByComparingTo(new BigDecimal(before.path("totalOwed").asText()).subtract(new BigDecimal("36.500")));

        // under another name, and under the same name once the first is done
        String copy = fileId + "-copy.csv";
        drop(PartnerBank.GBK, copy, file);
        drop(PartnerBank.GBK, name, file);

        assertThat(awaitAck(PartnerBank.GBK, copy)).containsExactly("H,GBK," + fileId + ",REJECTED,DUPLICATE_FILE", "T,0,0,0,0");
        // the same name's refusal gets its own acknowledgement; the first one stays where the bank found it
        assertThat(BankFiles.awaitAck(folders, PartnerBank.GBK, name + ".1" + Fixtures.ACK_SUFFIX))
                .containsExactly("H,GBK," + fileId + ",REJECTED,DUPLICATE_FILE", "T,0,0,0,0");
        assertThat(Files.readAllLines(folders.outbox(PartnerBank.GBK).resolve(name + Fixtures.ACK_SUFFIX))).isEqualTo(first);
        await().atMost(ACK_WAIT).until(() -> !Files.exists(folders.inbox(PartnerBank.GBK).resolve(name))
                && !Files.exists(folders.inbox(PartnerBank.GBK).resolve(copy)));
        assertThat(Files.readAllBytes(folders.error(PartnerBank.GBK).resolve(copy))).isEqualTo(file);
        assertThat(Files.readAllBytes(folders.error(PartnerBank.GBK).resolve(name))).isEqualTo(file);
        assertThat(Files.readAllBytes(folders.done(PartnerBank.GBK).resolve(name))).isEqualTo(file);

        assertThat(account(account)).isEqualTo(afterFirst);
        assertThat(get("/api/v1/accounts/" + account + "/payments", OPS).json()).hasSize(2);
        List<JsonNode> views = fileViews("GBK", 1000).stream().filter(v -> v.path("fileId").asText().equals(fileId)).toList();
        assertThat(views).extracting(v -> v.path("fileName").asText() + " " + v.path("status").asText() + " " + textOrNull(v.path("reason")))
                .containsExactlyInAnyOrder(name + " ACCEPTED null", copy + " REJECTED DUPLICATE_FILE", name + " REJECTED DUPLICATE_FILE");
    }

    @Test
    void aFileRejectedForItsControlSumIsAcceptedWhenSentAgainCorrectedWithTheSameFileId() throws IOException {
        String account = newAccount("KWD");
        JsonNode before = account(account);
        String fileId = "IT-RESEND-" + UUID.randomUUID();
        String name = fileId + ".csv";
        ResultFileBuilder records = ResultFileBuilder.file("KIB", fileId)
                .collected(account, "M-1", "40.000", "20261127")
                .notCollected(account, "M-1", "25.000", "20261127", "AM04");

        drop(PartnerBank.KIB, name, records.controlSum("40.000").bytes());
        assertThat(awaitAck(PartnerBank.KIB, name)).containsExactly("H,KIB," + fileId + ",REJECTED,CONTROL_SUM_MISMATCH", "T,0,0,0,0");
        await().atMost(ACK_WAIT).until(() -> Files.exists(folders.error(PartnerBank.KIB).resolve(name))
                && !Files.exists(folders.inbox(PartnerBank.KIB).resolve(name)));
        assertThat(account(account)).isEqualTo(before);

        drop(PartnerBank.KIB, name, records.controlSum("65.000").bytes());
        // an acknowledgement is never overwritten: the corrected file's is the next one of its name
        List<String> accepted = BankFiles.awaitAck(folders, PartnerBank.KIB, name + ".1" + Fixtures.ACK_SUFFIX);
        assertThat(awaitAck(PartnerBank.KIB, name)).containsExactly("H,KIB," + fileId + ",REJECTED,CONTROL_SUM_MISMATCH", "T,0,0,0,0");
        assertThat(matchAck(List.of("H,KIB," + fileId + ",ACCEPTED,", "R,1,POSTED,<paymentId>", "R,2,NOT_COLLECTED,AM04",
                "T,1,40.000,0,1"), accepted)).hasSize(1);
        await().atMost(ACK_WAIT).until(() -> Files.exists(folders.done(PartnerBank.KIB).resolve(name)));
        assertThat(new BigDecimal(account(account).path("totalOwed").asText()))
                .isEqualByComparingTo(new BigDecimal(before.path("totalOwed").asText()).subtract(new BigDecimal("40.000")));
        assertThat(fileViews("KIB", 1000).stream().filter(v -> v.path("fileId").asText().equals(fileId))
                .map(v -> v.path("status").asText() + " " + textOrNull(v.path("reason"))))
                .containsExactly("ACCEPTED null", "REJECTED CONTROL_SUM_MISMATCH"); // newest first
    }

    // ------------------------------------------------------------------------------------------------------------
    // What the inbox leaves alone
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void partAndDotFilesAreLeftAloneUntilRenamed() throws IOException {
        String account = newAccount("KWD");
        JsonNode before = account(account);
        String partId = "IT-PART-" + UUID.randomUUID();
        String dotId = "IT-DOT-" + UUID.randomUUID();
        String strayId = "IT-STRAY-" + UUID.randomUUID();
        Path inbox = folders.inbox(PartnerBank.BBK);
        Path part = Files.write(inbox.resolve(partId + ".csv.part"),
                ResultFileBuilder.file("BBK", partId).collected(account, "M-1", "1.000", "20261127").bytes());
        Path dot = Files.write(inbox.resolve("." + dotId + ".csv"),
                ResultFileBuilder.file("BBK", dotId).collected(account, "M-1", "2.000", "20261127").bytes());
        // not in a bank's folder at all: the inbox itself, and a folder that is no bank's
        Path inboxRoot = folders.getDir().resolve("inbox");
        Path loose = Files.write(inboxRoot.resolve(strayId + ".csv"),
                ResultFileBuilder.file("BBK", strayId).collected(account, "M-1", "3.000", "20261127").bytes());
        Files.createDirectories(inboxRoot.resolve("NOBANK"));
        Path unknownBank = Files.write(inboxRoot.resolve("NOBANK").resolve(strayId + ".csv"),
                ResultFileBuilder.file("NOBANK", strayId).collected(account, "M-1", "3.000", "20261127").bytes());
        try {
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() ->
                    Files.exists(part) && Files.exists(dot) && Files.exists(loose) && Files.exists(unknownBank)
                            && noAckFor(partId) && noAckFor(dotId) && noAckFor(strayId));
            assertThat(account(account)).isEqualTo(before);

            Files.move(part, inbox.resolve(partId + ".csv"), StandardCopyOption.ATOMIC_MOVE);
            Files.move(dot, inbox.resolve(dotId + ".csv"), StandardCopyOption.ATOMIC_MOVE);

            assertThat(awaitAck(PartnerBank.BBK, partId + ".csv").get(0)).isEqualTo("H,BBK," + partId + ",ACCEPTED,");
            assertThat(awaitAck(PartnerBank.BBK, dotId + ".csv").get(0)).isEqualTo("H,BBK," + dotId + ",ACCEPTED,");
            assertThat(new BigDecimal(account(account).path("totalOwed").asText()))
                    .isEqualByComparingTo(new BigDecimal(before.path("totalOwed").asText()).subtract(new BigDecimal("3.000")));
            assertThat(Files.exists(loose)).isTrue();
            assertThat(Files.exists(unknownBank)).isTrue();
        } finally {
            Files.deleteIfExists(loose);
            Files.deleteIfExists(unknownBank);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Files that once went unanswered
    // ------------------------------------------------------------------------------------------------------------

    /**
     * CONTRACT: an empty file is refused whole (MISSING_HEADER), acknowledged and moved to error/, and holds up no other
     * bank's file (the read lock takes files of 0 bytes: readLockMinLength 0).
     */
    @Test
    void anEmptyFileIsRefusedAsMissingItsHeaderAndHoldsUpNoOtherFile() throws IOException {
        String name = "empty-" + UUID.randomUUID() + ".csv";
        Fixture empty = Fixtures.get("empty");
        Path dropped = drop(PartnerBank.NBK, name, empty.bytes());
        try {
            String fileId = "IT-AFTER-EMPTY-" + UUID.randomUUID();
            drop(PartnerBank.GBK, fileId + ".csv", ResultFileBuilder.file("GBK", fileId).bytes());
            long started = System.nanoTime();
            awaitAck(PartnerBank.GBK, fileId + ".csv");
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(awaitAck(PartnerBank.NBK, name)).containsExactlyElementsOf(empty.expectedAck());
            await().atMost(ACK_WAIT).until(() -> Files.exists(folders.error(PartnerBank.NBK).resolve(name)));
            // stuck behind the empty file, it would wait out the read lock's whole stable-timeout (10 s); the margin is
            // for a slow machine, which polls, checks and commits more slowly
            assertThat(millis).as("millis another bank's file waited behind the empty file").isLessThan(7_000);
        } finally {
            Files.deleteIfExists(dropped); // else it holds up the inbox for every test after this one
        }
    }

    /**
     * A control sum (and an amount as written) of 17 integer digits: more than any amount may have (15), so the record
     * is refused as INVALID_AMOUNT; the trailer's sum is kept as written. The file is acknowledged and moved.
     */
    @Test
    void aControlSumTooLargeForTheLedgerIsStillAcknowledged() throws IOException {
        String fileId = "IT-HUGE-" + UUID.randomUUID();
        String name = fileId + ".csv";
        Path dropped = drop(PartnerBank.NBK, name, ResultFileBuilder.file("NBK", fileId)
                .collected("42429999000000001", "M-1", "99999999999999999", "20261127").bytes());
        try {
            assertThat(awaitAck(PartnerBank.NBK, name)).containsExactly(
                    "H,NBK," + fileId + ",ACCEPTED,",
                    "R,1,REFUSED,INVALID_AMOUNT",
                    "T,0,0.000,1,0");
            // The acknowledgement is written inside the route; the file is moved when the route completes, just after.
            await().atMost(ACK_WAIT).until(() -> Files.exists(folders.done(PartnerBank.NBK).resolve(name)) && !Files.exists(dropped));
        } finally {
            Files.deleteIfExists(dropped);
        }
    }

    /**
     * Eleven collections of 999,999,999,999,999.000 KWD for one account: the eleventh would take its credit balance past
     * what the ledger holds (numeric(19,3)), so that record alone is refused as AMOUNT_TOO_LARGE and the file goes on.
     */
    @Test
    void anAmountThatWouldOverflowTheAccountIsRefusedAloneAsTooLarge() throws IOException {
        String account = newAccount("KWD");
        String fileId = "IT-OVERFLOW-" + UUID.randomUUID();
        String name = fileId + ".csv";
        ResultFileBuilder file = ResultFileBuilder.file("ABK", fileId);
        for (int seq = 1; seq <= 11; seq++) {
            file.collected(account, "M-1", "999999999999999.000", "20261127");
        }
        file.collected(account, "M-1", "1.000", "20261127"); // the control sum: 10999999999999990.000
        Path dropped = drop(PartnerBank.ABK, name, file.bytes());
        try {
            List<String> ack = awaitAck(PartnerBank.ABK, name);
            assertThat(ack).hasSize(14);
            assertThat(ack.subList(1, 11)).allMatch(line -> line.matches("R,[0-9]+,POSTED," + UUID_TEXT.pattern()));
            assertThat(ack.get(11)).isEqualTo("R,11,REFUSED,AMOUNT_TOO_LARGE");
            assertThat(ack.get(12)).matches("R,12,POSTED," + UUID_TEXT.pattern());
            assertThat(ack.get(13)).isEqualTo("T,11,9999999999999991.000,1,0");
            await().atMost(ACK_WAIT).until(() -> Files.exists(folders.done(PartnerBank.ABK).resolve(name)) && !Files.exists(dropped));
            assertThat(account(account).path("creditBalance").asText()).isEqualTo("9999999999999476.000"); // 515.000 was owed
        } finally {
            Files.deleteIfExists(dropped);
        }
    }

    /**
     * One fils collected for a USD account converts to 0.00326 USD, which rounds to nothing: that record is refused
     * alone (INVALID_AMOUNT), and the file goes on. A collection below the issuer's minimum is posted, flagged for
     * review (R8).
     */
    @Test
    void anAmountTooSmallToConvertIsRefusedAloneAndASmallCollectionIsFlagged() throws IOException {
        assertThat(put("/api/v1/fx-rates", OPS, Map.of("rates", List.of(Map.of("from", "KWD", "to", "USD",
                "rate", "3.2600000", "effectiveAt", "2026-01-01T00:00:00+03:00")))).status()).isEqualTo(200);
        String usd = newAccount("USD");
        String kwd = newAccount("KWD");
        String fileId = "IT-TINY-" + UUID.randomUUID();
        drop(PartnerBank.KFH, fileId + ".csv", ResultFileBuilder.file("KFH", fileId)
                .collected(usd, "M-1", "0.001", "20261127")
                .collected(usd, "M-1", "5.000", "20261127")
                .collected(kwd, "M-3", "1.000", "20261127").bytes());

        List<String> ack = awaitAck(PartnerBank.KFH, fileId + ".csv");
        assertThat(ack.get(1)).isEqualTo("R,1,REFUSED,INVALID_AMOUNT");
        assertThat(ack.get(2)).matches("R,2,POSTED," + UUID_TEXT.pattern());
        assertThat(ack.get(3)).matches("R,3,POSTED," + UUID_TEXT.pattern());
        assertThat(ack.get(4)).isEqualTo("T,2,6.000,1,0");
        JsonNode converted = payment(ack.get(2).substring("R,2,POSTED,".length()));
        assertThat(converted.path("posted").path("amount").asText()).isEqualTo("16.30"); // 5.000 KWD × 3.26
        assertThat(converted.path("flags").toString()).doesNotContain("BELOW_MINIMUM");
        JsonNode small = payment(ack.get(3).substring("R,3,POSTED,".length()));
        assertThat(small.path("status").asText()).isEqualTo("POSTED");
        assertThat(small.path("flags").toString()).contains("BELOW_MINIMUM");
    }

    // ------------------------------------------------------------------------------------------------------------
    // The operations API
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void theFilesListShowsStatusCountsAndSumsNewestFirstAndFilters() throws IOException {
        String account = newAccount("KWD");
        String acceptedId = "IT-LIST-" + UUID.randomUUID();
        String rejectedId = "IT-LIST-BAD-" + UUID.randomUUID();
        drop(PartnerBank.AUB, acceptedId + ".csv", ResultFileBuilder.file("AUB", acceptedId)
                .collected(account, "M-1", "12.250", "20261127")
                .notCollected(account, "M-1", "5.000", "20261127", "AM04")
                .collected("42429999000000001", "M-3", "1.000", "20261127").bytes());
        awaitAck(PartnerBank.AUB, acceptedId + ".csv");
        drop(PartnerBank.AUB, rejectedId + ".csv", ResultFileBuilder.file("AUB", rejectedId)
                .collected(account, "M-1", "12.250", "20261127").controlSum("12.251").bytes());
        awaitAck(PartnerBank.AUB, rejectedId + ".csv");
        await().atMost(ACK_WAIT).until(() -> fileView(PartnerBank.AUB, rejectedId + ".csv").path("archivedAs").isTextual());

        JsonNode accepted = fileView(PartnerBank.AUB, acceptedId + ".csv");
        assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("currency").asText()).isEqualTo("KWD");
        assertThat(accepted.path("createdDate").asText()).isEqualTo("2026-11-27");
        assertThat(accepted.path("posted").path("count").asInt()).isEqualTo(1);
        assertThat(accepted.path("posted").path("sum").path("amount").asText()).isEqualTo("12.250");
        assertThat(accepted.path("refused").path("count").asInt()).isEqualTo(1);
        assertThat(accepted.path("notCollected").path("count").asInt()).isEqualTo(1);
        assertThat(accepted.path("notCollected").path("sum").path("amount").asText()).isEqualTo("5.000");
        assertThat(accepted.path("controlSum").path("amount").asText()).isEqualTo("18.250");
        assertThat(accepted.path("progress").path("records").asInt()).isEqualTo(3);
        assertThat(accepted.path("progress").path("recordsDone").asInt()).isEqualTo(3);
        assertThat(OffsetDateTime.parse(accepted.path("receivedAt").asText()).getOffset()).isEqualTo(KUWAIT);
        JsonNode rejected = fileView(PartnerBank.AUB, rejectedId + ".csv");
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("reason").asText()).isEqualTo("CONTROL_SUM_MISMATCH");
        assertThat(rejected.path("posted").path("count").asInt()).isZero();

        // newest first; filters by bank and status; limit
        List<JsonNode> aub = fileViews("AUB", 1000);
        assertThat(aub).extracting(v -> v.path("bank").asText()).containsOnly("AUB");
        assertThat(aub.get(0).path("fileId").asText()).isEqualTo(rejectedId);
        assertThat(aub.get(1).path("fileId").asText()).isEqualTo(acceptedId);
        assertThat(list("/api/v1/direct-debit/files?status=REJECTED&limit=1000")).extracting(v -> v.path("status").asText()).containsOnly("REJECTED");
        assertThat(list("/api/v1/direct-debit/files?bank=AUB&status=ACCEPTED")).extracting(v -> v.path("fileId").asText()).contains(acceptedId)
                .doesNotContain(rejectedId);
        assertThat(list("/api/v1/direct-debit/files?limit=1")).hasSize(1);
        assertThat(list("/api/v1/direct-debit/files")).hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void theDirectDebitApiIsForOperationsOnly() {
        for (String path : List.of("/api/v1/direct-debit/files", "/api/v1/direct-debit/not-collected?accountNumber=42420100000000002")) {
            assertThat(get(path, null).status()).as(path).isEqualTo(401);
            assertThat(get(path, "ops:wrong-password").status()).as(path).isEqualTo(401);
            assertThat(get(path, TELLER).status()).as(path).isEqualTo(403);
            assertThat(get(path, SUPERVISOR).status()).as(path).isEqualTo(403);
            assertThat(get(path, ONLINE_KEY).status()).as(path).isEqualTo(403);
            assertThat(get(path, OPS).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void badQueryParametersAreA400ProblemWithACode() {
        for (String query : List.of(
                "/api/v1/direct-debit/files?bank=XYZ",
                "/api/v1/direct-debit/files?bank=nbk",
                "/api/v1/direct-debit/files?bank=",
                "/api/v1/direct-debit/files?status=DONE",
                "/api/v1/direct-debit/files?status=accepted",
                "/api/v1/direct-debit/files?limit=0",
                "/api/v1/direct-debit/files?limit=-1",
                "/api/v1/direct-debit/files?limit=1001",
                "/api/v1/direct-debit/files?limit=abc",
                "/api/v1/direct-debit/files?limit=99999999999",
                "/api/v1/direct-debit/not-collected",
                "/api/v1/direct-debit/not-collected?accountNumber=",
                "/api/v1/direct-debit/not-collected?accountNumber=12345",
                "/api/v1/direct-debit/not-collected?accountNumber=12345678901234567890",
                "/api/v1/direct-debit/not-collected?accountNumber=4242ABCD",
                "/api/v1/direct-debit/not-collected?accountNumber=42420100000000002&limit=0",
                "/api/v1/direct-debit/not-collected?accountNumber=42420100000000002&limit=x")) {
            Answer answer = get(query, OPS);
            assertThat(answer.status()).as(query + " " + answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).as(query).startsWith("application/problem+json");
            assertThat(answer.json().path("code").asText()).as(query).isEqualTo("VALIDATION_FAILED");
            assertThat(answer.json().path("detail").asText()).as(query).isNotBlank().doesNotContain("Exception");
        }
        assertThat(get("/api/v1/direct-debit/files?status=DONE", OPS).json().path("detail").asText())
                .as("the statuses a file can have, in the same order every time")
                .isEqualTo("status: one of [ACCEPTED, IN_PROGRESS, REJECTED]");
    }

    // ------------------------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------------------------

    private Path drop(PartnerBank bank, String name, byte[] bytes) throws IOException {
        return BankFiles.drop(folders, bank, name, bytes);
    }

    /** The acknowledgement {@code <name>.ack.csv}, once it is there. */
    private List<String> awaitAck(PartnerBank bank, String name) throws IOException {
        return BankFiles.awaitAck(folders, bank, name + Fixtures.ACK_SUFFIX);
    }

    private boolean noAckFor(String fileId) throws IOException {
        try (Stream<Path> acks = Files.walk(folders.getDir().resolve("outbox"))) {
            return acks.noneMatch(p -> p.getFileName().toString().contains(fileId));
        }
    }

    /**
     * The acknowledgement line by line against the expected one, where {@code <paymentId>} stands for a payment id.
     * Returns the payment ids in the order they appear.
     */
    static List<UUID> matchAck(List<String> expected, List<String> actual) {
        assertThat(actual).as("acknowledgement lines").hasSameSizeAs(expected);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            String line = actual.get(i);
            if (!want.contains(Fixtures.PAYMENT_ID)) {
                assertThat(line).as("acknowledgement line %s", i + 1).isEqualTo(want);
                continue;
            }
            Pattern pattern = Pattern.compile(Stream.of(want.split(Pattern.quote(Fixtures.PAYMENT_ID), -1))
                    .map(Pattern::quote).collect(Collectors.joining("(" + UUID_TEXT.pattern() + ")")));
            Matcher matcher = pattern.matcher(line);
            assertThat(matcher.matches()).as("acknowledgement line %s: %s is not %s", i + 1, line, want).isTrue();
            for (int g = 1; g <= matcher.groupCount(); g++) {
                ids.add(UUID.fromString(matcher.group(g)));
            }
        }
        assertThat(ids).doesNotHaveDuplicates();
        return ids;
    }

    /** The fixture's accounts the test makes: 4242, the case's two digits, 0 (KWD) or 8 (USD), ten digits; 9: never made. */
    private static Set<String> accountsOf(Fixture fixture) {
        if (fixture.name().equals("binary-garbage")) {
            return Set.of();
        }
        return fixture.details().stream().filter(d -> d.length > 2).map(d -> d[2])
                .filter(a -> FIXTURE_ACCOUNT.matcher(a).matches() && a.charAt(6) != '9')
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static String currencyOf(String account) {
        return account.length() == 17 && account.charAt(6) == '8' ? "USD" : "KWD";
    }

    private JsonNode account(String accountNumber) {
        return getJson("/api/v1/accounts/" + accountNumber, OPS);
    }

    private JsonNode payment(String paymentId) {
        return getJson("/api/v1/payments/" + paymentId, OPS);
    }

    private List<JsonNode> list(String path) {
        Answer answer = get(path, OPS);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return StreamSupport.stream(answer.json().spliterator(), false).toList();
    }

    private List<JsonNode> fileViews(String bank, int limit) {
        return list("/api/v1/direct-debit/files?bank=" + bank + "&limit=" + limit);
    }

    /** The newest record of this file name in this bank. */
    private JsonNode fileView(PartnerBank bank, String fileName) {
        return fileViews(bank.name(), 1000).stream().filter(v -> v.path("fileName").asText().equals(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no file " + fileName + " in " + bank));
    }

    private static List<String> ids(JsonNode payments) {
        List<String> ids = new ArrayList<>();
        payments.forEach(p -> ids.add(p.path("paymentId").asText()));
        return ids;
    }

    private static BigDecimal sum(JsonNode items, String field) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode item : items) {
            total = total.add(new BigDecimal(item.path(field).asText()));
        }
        return total;
    }

    private static String textOrNull(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
