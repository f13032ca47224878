package kw.billpay.channel.branch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import kw.billpay.channel.branch.BranchIntake.BranchPaymentCommand;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentStatus;
import kw.billpay.security.Caller;
import kw.billpay.security.StaffRole;
import kw.billpay.support.GatewayIntegrationTest;
import kw.billpay.testkit.BranchPaymentJson;
import kw.billpay.web.MoneyJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The counter's identity and its instruments: a teller's institution and branch come from the teller's login (the demo
 * teller is AMEX / SALHIYA), and a cheque or demand draft (bank + number) is taken once while it stands.
 */
class BranchCounterTest extends GatewayIntegrationTest {

    private static final String BRANCH = "/api/v1/branch/payments";

    @Autowired
    BranchPaymentRoute branch;

    /**
     * The Idempotency-Key header sent twice is one key of both values ("k1,k2"), as a single header of that text would
     * be: a different payment sent so is its own payment, never taken for a retry of the first value's.
     */
    @Test
    void aKeySentTwiceIsOneKeyOfBothValuesNotTheFirst() throws Exception {
        String account = newAccount("KWD");
        // two keys of 20 characters: both together ("k1,k2") are a key of 41, inside the 64 allowed
        String first = newKey().substring(0, 20);
        assertThat(post(BRANCH, TELLER, BranchPaymentJson.cash(account, "1.000", "KWD").json(), first).status()).isEqualTo(201);

        String second = newKey().substring(0, 20);
        HttpResponse<String> twice = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + BRANCH))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(TELLER.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", first).header("Idempotency-Key", second)
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(
                        BranchPaymentJson.cash(account, "2.000", "KWD").json())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(201);
        assertThat(post(BRANCH, TELLER, BranchPaymentJson.cash(account, "2.000", "KWD").json(), first + "," + second)
                .status()).as("the same key as one header: the first answer again").isEqualTo(201);
        assertThat(getJson("/api/v1/accounts/" + account + "/payments", OPS)).hasSize(2);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Whose counter
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void aTellerNamingAnotherInstitutionOrBranchIsForbiddenAndNothingIsPosted() {
        String account = newAccount("KWD");
        JsonNode before = getJson("/api/v1/accounts/" + account, OPS);

        for (Map<String, Object> body : List.of(
                BranchPaymentJson.cash(account, "10.000", "KWD").with("institution", "GBK").json(),
                BranchPaymentJson.cash(account, "10.000", "KWD").with("branch", "SHARQ").json(),
                BranchPaymentJson.cash(account, "10.000", "KWD").with("institution", "AUB").with("branch", "FAHAHEEL").json(),
                BranchPaymentJson.cheque(account, "10.000", "KWD").with("institution", "GBK").json())) {
            Answer answer = post(BRANCH, TELLER, body, newKey());
            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("code").asText()).isEqualTo("BRANCH_NOT_YOURS");
            assertThat(answer.json().path("detail").asText()).contains("AMEX").contains("SALHIYA");
        }
        assertThat(getJson("/api/v1/accounts/" + account, OPS)).isEqualTo(before);
        assertThat(getJson("/api/v1/accounts/" + account + "/payments", OPS)).isEmpty();
    }

    @Test
    void aTellersInstitutionAndBranchAreTakenFromTheLoginWhenLeftOut() {
        String account = newAccount("KWD");
        Map<String, Object> body = BranchPaymentJson.cash(account, "10.000", "KWD").without("institution").without("branch").json();

        Answer taken = post(BRANCH, TELLER, body, newKey());

        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        String paymentId = taken.json().path("paymentId").asText();
        JsonNode payment = getJson("/api/v1/payments/" + paymentId, OPS);
        assertThat(payment.path("origin").path("institution").asText()).isEqualTo("AMEX");
        assertThat(payment.path("origin").path("branch").asText()).isEqualTo("SALHIYA");
        assertThat(payment.path("reference").asText()).isEqualTo("AMEX/SALHIYA");
        assertThat(get(BRANCH + "/" + paymentId + "/receipt", TELLER).body()).contains("AMEX / SALHIYA");

        // naming its own branch in other letters is naming it: kept as configured
        Answer ownBranch = post(BRANCH, TELLER, BranchPaymentJson.cash(account, "1.000", "KWD").with("branch", "Salhiya").json(), newKey());
        assertThat(ownBranch.status()).as(ownBranch.body()).isEqualTo(201);
        assertThat(getJson("/api/v1/payments/" + ownBranch.json().path("paymentId").asText(), OPS)
                .path("origin").path("branch").asText()).isEqualTo("SALHIYA");
    }

    /** The rule is the teller's: a supervisor or operations user taking a payment (the console) names any counter. */
    @Test
    void aSupervisorMayNameAnyInstitutionAndBranch() {
        String account = newAccount("KWD");
        BranchPaymentRequest request = new BranchPaymentRequest(account, BranchPaymentRequest.BranchMethod.CASH,
                new MoneyJson("5.000", "KWD"), BranchPaymentRequest.Institution.GBK, "SHARQ", null, null);

        Payment payment = branch.take(new BranchPaymentCommand(request, new Caller("supervisor", StaffRole.SUPERVISOR, null), newKey()));

        assertThat(payment.status()).isEqualTo(PaymentStatus.POSTED);
        assertThat(payment.origin()).containsEntry("institution", "GBK").containsEntry("branch", "SHARQ")
                .containsEntry("teller", "supervisor");
    }

    // ------------------------------------------------------------------------------------------------------------
    // A cheque is taken once
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void theSameChequeCannotBeTakenTwiceWhileItStands() {
        String first = newAccount("KWD");
        String second = newAccount("KWD");
        Instrument cheque = instrument("CHEQUE", "NBK", newChequeNumber());
        String key = newKey();

        Answer taken = post(BRANCH, TELLER, payment(first, cheque), key);
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);

        // for another account, for the same account under another key, written otherwise: the same cheque
        String number = cheque.number();
        for (Map<String, Object> body : List.of(payment(second, cheque), payment(first, cheque),
                payment(second, instrument("CHEQUE", " nbk ", "00" + number)))) {
            Answer again = post(BRANCH, TELLER, body, newKey());
            assertThat(again.status()).as(again.body()).isEqualTo(409);
            assertThat(again.json().path("code").asText()).isEqualTo("CHEQUE_ALREADY_TAKEN");
            assertThat(again.json().path("detail").asText()).contains(number).contains("NBK");
        }
        // the teller's retry with the same key is the same payment
        Answer retry = post(BRANCH, TELLER, payment(first, cheque), key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(taken.body());
        // another bank's cheque of that number, and a demand draft of that bank and number, are other instruments
        assertThat(post(BRANCH, TELLER, payment(second, instrument("CHEQUE", "GBK", number)), newKey()).status()).isEqualTo(201);
        assertThat(post(BRANCH, TELLER, payment(second, instrument("DEMAND_DRAFT", "NBK", number)), newKey()).status()).isEqualTo(201);
        Answer draftAgain = post(BRANCH, TELLER, payment(first, instrument("DEMAND_DRAFT", "NBK", number)), newKey());
        assertThat(draftAgain.status()).as(draftAgain.body()).isEqualTo(409);
        assertThat(draftAgain.json().path("code").asText()).isEqualTo("CHEQUE_ALREADY_TAKEN");

        assertThat(getJson("/api/v1/accounts/" + first + "/payments", OPS)).hasSize(1);
        assertThat(getJson("/api/v1/accounts/" + second + "/payments", OPS)).hasSize(2);
    }

    /** A returned cheque may be presented again (re-deposited); while it waits or once it cleared, it may not. */
    @Test
    void aReturnedChequeMayBePresentedAgain() {
        String account = newAccount("KWD");
        Instrument cheque = instrument("CHEQUE", "KFH", newChequeNumber());
        String firstId = post(BRANCH, TELLER, payment(account, cheque), newKey()).json().path("paymentId").asText();
        Answer returned = post(BRANCH + "/" + firstId + "/clearing", SUPERVISOR, Map.of("outcome", "RETURNED", "reason", "INSUFFICIENT_FUNDS"));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);

        Answer again = post(BRANCH, TELLER, payment(account, cheque), newKey());
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        String secondId = again.json().path("paymentId").asText();
        assertThat(post(BRANCH + "/" + secondId + "/clearing", SUPERVISOR, Map.of("outcome", "CLEARED")).status()).isEqualTo(200);

        Answer thirdTime = post(BRANCH, TELLER, payment(newAccount("KWD"), cheque), newKey());
        assertThat(thirdTime.status()).as(thirdTime.body()).isEqualTo(409);
        assertThat(thirdTime.json().path("code").asText()).isEqualTo("CHEQUE_ALREADY_TAKEN");
    }

    /** Two tellers' requests for one cheque at the same moment: the database lets exactly one through. */
    @Test
    void twoRequestsForOneChequeAtOnceTakeItOnce() throws Exception {
        Instrument cheque = instrument("CHEQUE", "CBK", newChequeNumber());
        List<String> accounts = List.of(newAccount("KWD"), newAccount("KWD"), newAccount("KWD"), newAccount("KWD"));
        ExecutorService pool = Executors.newFixedThreadPool(accounts.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> answers = accounts.stream().map(a -> pool.submit((Callable<Answer>) () -> {
                start.await();
                return post(BRANCH, TELLER, payment(a, cheque), newKey());
            })).toList();
            start.countDown();
            List<Integer> statuses = answers.stream().map(f -> {
                try {
                    return f.get().status();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).toList();
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A cheque or demand draft: its kind (the payment's method), drawee bank and number, as the teller types them. */
    private record Instrument(String method, String bank, String number) { }

    /** 20.000 KWD paid at the teller's counter by this instrument. */
    private static Map<String, Object> payment(String account, Instrument instrument) {
        BranchPaymentJson body = switch (instrument.method()) {
            case "CHEQUE" -> BranchPaymentJson.cheque(account, "20.000", "KWD");
            case "DEMAND_DRAFT" -> BranchPaymentJson.demandDraft(account, "20.000", "KWD");
            default -> throw new IllegalArgumentException(instrument.method());
        };
        return body.instrument(instrument.number(), instrument.bank()).json();
    }

    private static Instrument instrument(String method, String bank, String number) {
        return new Instrument(method, bank, number);
    }

    private static String newChequeNumber() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
    }
}
