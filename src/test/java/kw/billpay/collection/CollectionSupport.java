package kw.billpay.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import kw.billpay.support.GatewayIntegrationTest;
import kw.billpay.testkit.MandateBuilder;
import kw.billpay.testkit.ResultFileBuilder;
import org.springframework.beans.factory.annotation.Value;

/** Mandates, runs and the banks' folders, as the collection tests drive them over HTTP and the file system. */
abstract class CollectionSupport extends GatewayIntegrationTest {

    static final String RUNS = "/api/v1/direct-debit/collection-runs";

    @Value("${gateway.direct-debit.dir}")
    Path directDebit;

    /** A mandate reference no other test uses. */
    static String ref(String name) {
        return name + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    /** A mandate's reference and its card account. */
    record Mandated(String ref, String account) { }

    /** A new KWD account (the contract's sample statement) with an active mandate at {@code bank}. */
    Mandated mandated(String name, String bank, String type) {
        Mandated mandated = new Mandated(ref(name), newAccount("KWD"));
        putMandate(mandated.ref(), MandateBuilder.aMandate(mandated.account()).bank(bank).type(type));
        return mandated;
    }

    JsonNode putMandate(String mandateRef, MandateBuilder mandate) {
        Answer answer = put("/api/v1/mandates/" + mandateRef, OPS, mandate.build());
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        return answer.json();
    }

    JsonNode mandate(String mandateRef) {
        return getJson("/api/v1/mandates/" + mandateRef, OPS);
    }

    /** Asks for the date's run (202 the first time, 200 after) and waits until it is no longer in progress. */
    JsonNode run(String date) {
        Answer answer = post(RUNS, OPS, Map.of("date", date));
        assertThat(answer.status()).as(answer.body()).isIn(200, 202);
        return awaitRun(date);
    }

    JsonNode awaitRun(String date) {
        return await("run of " + date).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Answer answer = get(RUNS + "/" + date, OPS);
                    return answer.status() == 200 && !answer.json().path("status").asText().equals("IN_PROGRESS") ? answer.json() : null;
                }, run -> run != null);
    }

    Path requestFile(String bank, String yyyyMMdd) {
        return directDebit.resolve("requests").resolve(bank).resolve("COLL_" + bank + "_" + yyyyMMdd + ".csv");
    }

    /** The request file's D lines by mandate reference (each mandate once, or the test fails). */
    Map<String, String[]> requestLines(String bank, String yyyyMMdd) throws IOException {
        List<String> lines = Files.readAllLines(requestFile(bank, yyyyMMdd), StandardCharsets.UTF_8);
        Map<String, String[]> byMandate = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size() - 1)) {
            String[] d = line.split(",", -1);
            assertThat(byMandate.put(d[3], d)).as("mandate %s asked twice", d[3]).isNull();
        }
        return byMandate;
    }

    /** A result file of the bank's, created on 2031-01-01 (the tests' collection dates are in 2031). */
    static ResultFileBuilder resultFile(String bank, String fileId) {
        return ResultFileBuilder.file(bank, fileId).created("20310101");
    }

    /** Drops a result file in the bank's inbox as a bank does (a dot name, then renamed) and returns its acknowledgement. */
    List<String> dropResult(ResultFileBuilder file) throws IOException {
        String bank = file.bank();
        String fileId = file.fileId();
        Path inbox = directDebit.resolve("inbox").resolve(bank);
        file.drop(inbox, fileId + ".csv");
        Path ack = directDebit.resolve("outbox").resolve(bank).resolve(fileId + ".csv.ack.csv");
        await("acknowledgement of " + fileId).atMost(Duration.ofSeconds(60)).until(() -> Files.exists(ack));
        return Files.readAllLines(ack, StandardCharsets.UTF_8);
    }

    /** The payment id of each POSTED R line of an acknowledgement, by seq. */
    static Map<String, String> postedBySeq(List<String> ack) {
        Map<String, String> posted = new LinkedHashMap<>();
        for (String line : ack) {
            String[] r = line.split(",", -1);
            if (r[0].equals("R") && r[2].equals("POSTED")) {
                posted.put(r[1], r[3]);
            }
        }
        return posted;
    }

    List<String> flags(String paymentId) {
        List<String> flags = new ArrayList<>();
        getJson("/api/v1/payments/" + paymentId, OPS).path("flags").forEach(f -> flags.add(f.asText()));
        return flags;
    }

    /** The mandate's request of this date, as GET /api/v1/mandates/{ref} shows it. */
    JsonNode collection(String mandateRef, String date) {
        for (JsonNode c : mandate(mandateRef).path("collections")) {
            if (c.path("collectionDate").asText().equals(date)) {
                return c;
            }
        }
        return null;
    }
}
