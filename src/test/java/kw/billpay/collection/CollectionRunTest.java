package kw.billpay.collection;

import static kw.billpay.testkit.MandateBuilder.aMandate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kw.billpay.account.AccountService;
import kw.billpay.core.collection.ReasonAction;
import kw.billpay.core.money.FxRates;
import kw.billpay.core.money.Money;
import kw.billpay.core.payment.Channel;
import kw.billpay.core.payment.PaymentIntent;
import kw.billpay.core.payment.PaymentMethod;
import kw.billpay.posting.PostingService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Collection runs: what they ask, their files, once per date whatever happens, and on schedule. */
class CollectionRunTest extends CollectionSupport {

    @Autowired
    CollectionRuns runs;
    @Autowired
    CollectionRepository repository;
    @Autowired
    RequestFiles requestFiles;
    @Autowired
    MandateRepository mandates;
    @Autowired
    AccountService accounts;
    @Autowired
    FxRates rates;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    PostingService posting;

    @Test
    void aRunAsksEachActiveMandateOnAnOpenAccountWhatItOwesOneFilePerBankAndAskingAgainReturnsTheSameRun() throws IOException {
        String minimum = ref("MIN");
        String full = ref("FULL");
        String cancelled = ref("CXL");
        String blocked = ref("BLK");
        String paid = ref("PAID");
        String minimumAccount = newAccount("KWD");
        putMandate(minimum, aMandate(minimumAccount).bank("NBK"));
        putMandate(full, aMandate(newAccount("KWD")).bank("GBK").type("FULL"));
        putMandate(cancelled, aMandate(newAccount("KWD")).bank("NBK").status("CANCELLED"));
        String blockedAccount = randomAccountNumber();
        Map<String, Object> blockedBody = new HashMap<>(sampleAccount("KWD"));
        blockedBody.put("status", "BLOCKED");
        assertThat(put("/api/v1/accounts/" + blockedAccount, OPS, blockedBody).status()).isEqualTo(201);
        putMandate(blocked, aMandate(blockedAccount).bank("NBK"));
        String paidAccount = newAccount("KWD");
        assertThat(post("/api/v1/branch/payments", TELLER, cash(paidAccount, "25.000", "KWD"), newKey()).status()).isEqualTo(201);
        putMandate(paid, aMandate(paidAccount).bank("NBK"));

        JsonNode run = run("2031-08-27");
        assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.path("presentation").asInt()).isEqualTo(1);
        assertThat(run.path("startedBy").asText()).isEqualTo("ops");

        Map<String, String[]> nbk = requestLines("NBK", "20310827");
        assertThat(nbk.get(minimum)).containsExactly("D", nbk.get(minimum)[1], minimumAccount, minimum, "25.000", "20310827",
                "KW81CBKU0000000000001234560101");
        assertThat(nbk).doesNotContainKeys(cancelled, blocked, paid);
        assertThat(requestLines("GBK", "20310827").get(full)[4]).isEqualTo("500.000");
        assertThat(run.path("mandates").path("accountNotOpen").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(run.path("mandates").path("nothingDue").asInt()).isGreaterThanOrEqualTo(1);

        // the file as the contract fixes it: header, seqs 1..n, trailer with the count and the control sum
        List<String> lines = Files.readAllLines(requestFile("NBK", "20310827"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("H,NBK,COLL_NBK_20310827,20310827,KWD");
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 1; i < lines.size() - 1; i++) {
            String[] d = lines.get(i).split(",", -1);
            assertThat(d[1]).isEqualTo(Integer.toString(i));
            sum = sum.add(new BigDecimal(d[4]));
        }
        assertThat(lines.get(lines.size() - 1)).isEqualTo("T," + (lines.size() - 2) + "," + sum.setScale(3).toPlainString());
        JsonNode nbkFile = file(run, "NBK");
        assertThat(nbkFile.path("status").asText()).isEqualTo("WRITTEN");
        assertThat(nbkFile.path("recordCount").asInt()).isEqualTo(lines.size() - 2);
        assertThat(nbkFile.path("controlSum").path("amount").asText()).isEqualTo(sum.setScale(3).toPlainString());
        assertThat(nbkFile.path("fileName").asText()).isEqualTo("COLL_NBK_20310827.csv");
        assertThat(dotFiles()).isEmpty();

        // asking again: the same run, the same files, no second request for any mandate
        byte[] before = Files.readAllBytes(requestFile("NBK", "20310827"));
        FileTime written = Files.getLastModifiedTime(requestFile("NBK", "20310827"));
        Answer again = post(RUNS, OPS, Map.of("date", "2031-08-27"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("runId").asLong()).isEqualTo(run.path("runId").asLong());
        assertThat(again.json().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(Files.readAllBytes(requestFile("NBK", "20310827"))).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(requestFile("NBK", "20310827"))).isEqualTo(written);
        assertThat(jdbc.queryForObject("select count(*) from collection_request where mandate_ref = ?", Integer.class, minimum))
                .isEqualTo(1);
        JsonNode listed = getJson(RUNS, OPS);
        assertThat(listed.findValues("collectionDate").stream().map(JsonNode::asText)).contains("2031-08-27");

        assertThat(collection(minimum, "2031-08-27").path("state").asText()).isEqualTo("PENDING");
        assertThat(collection(minimum, "2031-08-27").path("asked").path("amount").asText()).isEqualTo("25.000");
    }

    @Test
    void aDateThatIsNotA27thOr28thIsRefused() {
        Answer answer = post(RUNS, OPS, Map.of("date", "2031-08-26"));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("code").asText()).isEqualTo("NOT_A_COLLECTION_DATE");
        assertThat(post(RUNS, OPS, Map.of("date", "27/08/2031")).status()).isEqualTo(400);
        assertThat(post(RUNS, OPS, Map.of()).status()).isEqualTo(400);
        assertThat(get(RUNS + "/2031-08-26", OPS).status()).isEqualTo(404);
    }

    /**
     * R30 "less what was paid since the statement date, including payments still posting in the same second": the run
     * reads an account only once the payment being posted to it has committed.
     */
    @Test
    void aRunWaitsForAPaymentBeingPostedAtThatMomentAndAsksOnlyWhatIsLeft() throws Exception {
        String account = newAccount("KWD");
        String ref = ref("RACE");
        putMandate(ref, aMandate(account).bank("ABK"));
        CountDownLatch posted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService teller = Executors.newSingleThreadExecutor();
        try {
            Future<?> payment = teller.submit(() -> transaction.executeWithoutResult(tx -> {
                posting.receiveOne(new PaymentIntent("TEST/" + ref, Channel.BRANCH, PaymentMethod.CASH, account,
                        Money.of("10.000", "KWD"), OffsetDateTime.now(clock), null, Map.of("test", "race"), Set.of(),
                        "teller", true));
                posted.countDown();
                try {
                    commit.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(posted.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(post(RUNS, OPS, Map.of("date", "2031-04-27")).status()).isEqualTo(202);
            // the run's page waits for the account the payment holds
            await("run waiting for the posting").atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                    select count(*) from pg_stat_activity
                    where wait_event_type = 'Lock' and query like '%from account where account_number = any%for share%'""",
                    Integer.class) > 0);
            commit.countDown();
            payment.get(30, TimeUnit.SECONDS);
        } finally {
            commit.countDown();
            teller.shutdownNow();
        }
        assertThat(awaitRun("2031-04-27").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(requestLines("ABK", "20310427").get(ref)[4]).isEqualTo("15.000");
    }

    @Test
    void aBankFolderThatCannotBeWrittenDoesNotStopTheOtherBanksFilesAndIsTriedAgainWhenAsked() throws IOException {
        String bbk = ref("BBK");
        String aub = ref("AUB");
        putMandate(bbk, aMandate(newAccount("KWD")).bank("BBK"));
        putMandate(aub, aMandate(newAccount("KWD")).bank("AUB"));
        Path folder = directDebit.resolve("requests").resolve("BBK");
        deleteTree(folder);
        Files.createDirectories(folder.getParent());
        Files.writeString(folder, "not a folder"); // the bank's folder cannot be made

        JsonNode run = run("2031-05-27");
        assertThat(run.path("status").asText()).isEqualTo("INCOMPLETE");
        assertThat(file(run, "BBK").path("status").asText()).isEqualTo("FAILED");
        assertThat(file(run, "BBK").path("error").asText()).isNotEmpty();
        assertThat(file(run, "AUB").path("status").asText()).isEqualTo("WRITTEN");
        assertThat(requestLines("AUB", "20310527")).containsKey(aub);

        Files.delete(folder);
        Answer again = post(RUNS, OPS, Map.of("date", "2031-05-27"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("runId").asLong()).isEqualTo(run.path("runId").asLong());
        JsonNode retried = awaitRun("2031-05-27");
        assertThat(retried.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(file(retried, "BBK").path("status").asText()).isEqualTo("WRITTEN");
        assertThat(requestLines("BBK", "20310527")).containsKey(bbk);
    }

    @Test
    void theScheduleStartsTheRunOfThe27thByItselfOnceItsTimeHasCome() throws IOException {
        String ref = ref("SCHED");
        putMandate(ref, aMandate(newAccount("KWD")).bank("BOUBYAN"));
        try {
            clock.setTo(ZonedDateTime.parse("2031-06-27T08:59:00+03:00[Asia/Kuwait]"));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                    .until(() -> get(RUNS + "/2031-06-27", OPS).status() == 404);
            clock.setTo(ZonedDateTime.parse("2031-06-27T09:00:00+03:00[Asia/Kuwait]"));
            JsonNode run = awaitRun("2031-06-27");
            assertThat(run.path("startedBy").asText()).isEqualTo("scheduler");
            assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(requestLines("BOUBYAN", "20310627")).containsKey(ref);
        } finally {
            clock.reset();
        }
        assertThat(jdbc.queryForObject("select count(*) from collection_run where collection_date = '2031-06-27'", Integer.class))
                .isEqualTo(1);
    }

    /**
     * Two instances on one database working the same run at the same moment (here two threads, each with its own
     * connections, as two gateway processes would have): every mandate asked once, every file written once.
     */
    @Test
    void twoInstancesWorkingOneRunAtOnceAskEachMandateOnceAndWriteEachFileOnce() throws Exception {
        List<String> refs = new ArrayList<>();
        String[] banks = {"KIB", "BURGAN", "CBK"};
        for (int i = 0; i < 24; i++) {
            String ref = ref("TWO" + i);
            putMandate(ref, aMandate(newAccount("KWD")).bank(banks[i % 3]));
            refs.add(ref);
        }
        long id = runs.open(LocalDate.parse("2031-07-27"), "test", false).run().id();
        assertThat(runs.take(id)).isTrue(); // keeps this JVM's schedule off it: the two workers below are the instances
        try {
            // small pages, so that the two interleave
            CollectionRuns smallPages = new CollectionRuns(repository, mandates, accounts, rates,
                    new CollectionProperties(directDebit.resolve("requests"), LocalTime.NOON, false, 7,
                            Map.of("AM04", ReasonAction.RE_PRESENT), ReasonAction.SKIP), clock);
            Callable<Void> instance = () -> {
                while (!repository.run(id).collectedAll()) {
                    transaction.executeWithoutResult(tx -> smallPages.collect(id));
                }
                smallPages.files(id).forEach(requestFiles::write);
                return null;
            };
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                for (Future<Void> done : two.invokeAll(List.of(instance, instance))) {
                    done.get(60, TimeUnit.SECONDS);
                }
            } finally {
                two.shutdownNow();
            }
            runs.finish(id);
        } finally {
            runs.release(id);
        }
        JsonNode run = awaitRun("2031-07-27");
        assertThat(run.path("status").asText()).isEqualTo("COMPLETED");
        Map<String, Integer> counts = jdbc.queryForMap("""
                select count(*)::int as requests, count(distinct mandate_ref)::int as mandates
                from collection_request where run_id = ?""", id).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (Integer) e.getValue()));
        assertThat(counts.get("requests")).isEqualTo(counts.get("mandates")).isEqualTo(run.path("mandates").path("requested").asInt());
        int lines = 0;
        for (JsonNode file : run.path("files")) {
            assertThat(file.path("status").asText()).isEqualTo("WRITTEN");
            Map<String, String[]> written = requestLines(file.path("bank").asText(), "20310727");
            assertThat(written).hasSize(file.path("recordCount").asInt());
            lines += written.size();
        }
        assertThat(lines).isEqualTo(counts.get("requests"));
        for (int i = 0; i < refs.size(); i++) {
            assertThat(requestLines(banks[i % 3], "20310727")).containsKey(refs.get(i));
        }
        assertThat(dotFiles()).isEmpty();
    }

    private static JsonNode file(JsonNode run, String bank) {
        for (JsonNode file : run.path("files")) {
            if (file.path("bank").asText().equals(bank)) {
                return file;
            }
        }
        throw new AssertionError("no file for " + bank + " in " + run);
    }

    private List<Path> dotFiles() throws IOException {
        try (Stream<Path> all = Files.walk(directDebit.resolve("requests"))) {
            return all.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> all = Files.walk(path)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        } else {
            Files.deleteIfExists(path);
        }
    }
}
