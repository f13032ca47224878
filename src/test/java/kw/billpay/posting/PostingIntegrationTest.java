package kw.billpay.posting;

import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentIntent;
import kw.billpay.core.payment.Channel;
import kw.billpay.core.payment.PaymentMethod;
import kw.billpay.core.payment.PaymentStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kw.billpay.core.allocation.AllocationEngine;
import kw.billpay.core.allocation.AllocationOrder;
import kw.billpay.core.allocation.AllocationResult;
import kw.billpay.core.allocation.Balances;
import kw.billpay.core.allocation.Bucket;
import kw.billpay.issuer.IssuerRegistry;
import kw.billpay.core.money.Money;
import kw.billpay.support.GatewayIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** The posting core through the branch API, on the real embedded PostgreSQL and Artemis. */
class PostingIntegrationTest extends GatewayIntegrationTest {

    private static final Currency KWD = Currency.getInstance("KWD");
    private static final String EVENTS_TOPIC = "payments.events";

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    CamelContext camel;
    @Autowired
    IssuerRegistry issuers;
    @Autowired
    PostPaymentRoute posting;

    private Connection subscriber;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void subscribeToEvents() throws JMSException {
        subscriber = connectionFactory.createConnection();
        Session session = subscriber.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createTopic(EVENTS_TOPIC)).setMessageListener(message -> {
            try {
                events.add(JSON.readTree(((TextMessage) message).getText()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        subscriber.start();
    }

    @AfterEach
    void unsubscribe() throws Exception {
        subscriber.close();
        if (!camel.getRouteController().getRouteStatus("payment-events-relay").isStarted()) {
            camel.getRouteController().startRoute("payment-events-relay");
        }
    }

    @Test
    void cashIsAllocatedInTheIssuersOrderAndPostedAtOnce() {
        String account = newAccount("KWD");

        JsonNode payment = post("/api/v1/branch/payments", TELLER, cash(account, "100.000", "KWD"), newKey()).json();

        assertThat(payment.path("status").asText()).isEqualTo("POSTED");
        assertThat(allocations(payment)).containsExactly(
                "PREVIOUS_FEES=5.000", "PREVIOUS_PURCHASES=40.000", "CURRENT_INSTALMENTS=30.000",
                "CURRENT_FEES=2.500", "CURRENT_CASH=22.500");
        assertThat(payment.path("creditBalancePart").asText()).isEqualTo("0.000");
        assertThat(payment.path("receiptNumber").asText()).startsWith("BR");
        JsonNode stored = get("/api/v1/payments/" + payment.path("paymentId").asText(), TELLER).json();
        assertThat(allocations(stored)).containsExactlyElementsOf(allocations(payment));
        assertThat(stored.path("receiptNumber").asText()).isEqualTo(payment.path("receiptNumber").asText());
        JsonNode view = get("/api/v1/accounts/" + account, TELLER).json();
        assertThat(view.path("buckets").path("PREVIOUS_FEES").asText()).isEqualTo("0.000");
        assertThat(view.path("buckets").path("CURRENT_CASH").asText()).isEqualTo("77.500");
        assertThat(view.path("totalOwed").asText()).isEqualTo("415.000");
        assertThat(view.path("statement").path("paidSinceStatement").asText()).isEqualTo("100.000");
        assertThat(view.path("statement").path("minimumDueRemaining").asText()).isEqualTo("0.000");
    }

    @Test
    void usdCashOnAKwdAccountIsConvertedOnceHalfUpAndTheRateIsKept() {
        ensureUsdKwdRate();
        String account = newAccount("KWD");

        JsonNode payment = post("/api/v1/branch/payments", TELLER, cash(account, "10.01", "USD"), newKey()).json();

        // 10.01 × 0.305 = 3.05305 → 3.053 KWD
        assertThat(payment.path("received").path("amount").asText()).isEqualTo("10.01");
        assertThat(payment.path("posted").path("amount").asText()).isEqualTo("3.053");
        assertThat(payment.path("posted").path("currency").asText()).isEqualTo("KWD");
        assertThat(payment.path("fx").path("rate").asText()).isEqualTo("0.305000");
        assertThat(payment.path("fx").path("from").asText()).isEqualTo("USD");
        assertThat(allocations(payment)).containsExactly("PREVIOUS_FEES=3.053");
    }

    @Test
    void anOverpaymentBecomesACreditBalanceAndTheExcessOverTheThresholdIsDueBack() {
        ensureUsdKwdRate(); // threshold 50,000.00 USD × 0.305 = 15,250.000 KWD
        String account = newAccount("KWD");

        JsonNode payment = post("/api/v1/branch/payments", TELLER, cash(account, "20000.000", "KWD"), newKey()).json();

        assertThat(payment.path("creditBalancePart").asText()).isEqualTo("19485.000");
        assertThat(payment.path("flags").toString()).contains("REFUND_DUE");
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("creditBalance").asText()).isEqualTo("19485.000");
        assertThat(jdbc.queryForObject("select amount from refund_due where payment_id = ?::uuid", BigDecimal.class,
                payment.path("paymentId").asText())).isEqualByComparingTo("4235.000");

        // nothing is owed any more: the next payment is all credit, with no allocation
        JsonNode allCredit = post("/api/v1/branch/payments", TELLER, cash(account, "1.000", "KWD"), newKey()).json();
        assertThat(allocations(allCredit)).isEmpty();
        assertThat(allocations(get("/api/v1/payments/" + allCredit.path("paymentId").asText(), OPS).json())).isEmpty();
        assertThat(allCredit.path("creditBalancePart").asText()).isEqualTo("1.000");
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("creditBalance").asText()).isEqualTo("19486.000");
    }

    @Test
    void theSameIdempotencyKeyThreeTimesPostsOnce() throws Exception {
        String account = newAccount("KWD");
        String key = newKey();

        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(post("/api/v1/branch/payments", TELLER, cash(account, "7.000", "KWD"), key));
        }
        // and three more at the same moment with another key
        String racedKey = newKey();
        List<Answer> raced = concurrently(3, i -> post("/api/v1/branch/payments", TELLER, cash(account, "8.000", "KWD"), racedKey));

        assertThat(answers).extracting(Answer::status).containsOnly(201);
        assertThat(answers).extracting(Answer::body).containsOnly(answers.get(0).body());
        assertThat(raced).extracting(Answer::status).containsOnly(201);
        assertThat(raced).extracting(a -> a.json().path("paymentId").asText()).containsOnly(raced.get(0).json().path("paymentId").asText());
        assertThat(paymentsOf(account)).isEqualTo(2);
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("totalOwed").asText()).isEqualTo("500.000");
    }

    /**
     * R14: forty payments at the same moment to one account give exactly what posting them one after the other gives.
     * Each payment's allocations are replayed through the engine in the order the database serialised them.
     */
    @Test
    void fortyConcurrentPaymentsToOneAccountLeaveExactBuckets() throws Exception {
        String account = newAccount("KWD");
        Balances start = balances(get("/api/v1/accounts/" + account, OPS).json());

        List<Answer> answers = concurrently(40, i -> post("/api/v1/branch/payments", TELLER,
                cash(account, "13." + String.format("%03d", i + 1), "KWD"), newKey()));

        assertThat(answers).extracting(Answer::status).containsOnly(201);
        AllocationOrder order = issuers.get("amex-kw").allocationOrder();
        Balances expected = start;
        List<Map<String, Object>> inPostingOrder = jdbc.queryForList(
                "select payment_id, posted_amount from payment where account_number = ? order by seq", account);
        assertThat(inPostingOrder).hasSize(40);
        Money total = Money.zero(KWD);
        for (Map<String, Object> row : inPostingOrder) {
            Money amount = new Money((BigDecimal) row.get("posted_amount"), KWD);
            AllocationResult replay = AllocationEngine.allocate(amount, expected, order);
            JsonNode stored = get("/api/v1/payments/" + row.get("payment_id"), OPS).json();
            assertThat(allocations(stored)).as("payment %s", row.get("payment_id"))
                    .containsExactlyElementsOf(replay.allocations().stream().map(a -> a.bucket() + "=" + a.amount().toPlainString()).toList());
            assertThat(stored.path("creditBalancePart").asText()).isEqualTo(replay.creditBalancePart().toPlainString());
            expected = replay.after();
            total = total.plus(amount);
        }
        Balances actual = balances(get("/api/v1/accounts/" + account, OPS).json());
        assertThat(actual).isEqualTo(expected);
        // 40 payments of 13.001 … 13.040 = 520.820; 515.000 owed, so 5.820 is credit
        assertThat(total).isEqualTo(Money.of("520.820", "KWD"));
        assertThat(actual.creditBalance()).isEqualTo(Money.of("5.820", "KWD"));
        assertThat(get("/api/v1/reconciliation", OPS).json().path("balanced").asBoolean()).isTrue();
    }

    @Test
    void aChequeIsCreditedOnlyOnceClearedAndNeverWhenReturned() {
        String account = newAccount("KWD");
        Answer taken = post("/api/v1/branch/payments", TELLER, cheque(account, "50.000", "KWD"), newKey());
        String chequeId = taken.json().path("paymentId").asText();

        assertThat(taken.status()).isEqualTo(201);
        assertThat(taken.json().path("status").asText()).isEqualTo("PENDING_CLEARING");
        assertThat(taken.json().path("receiptNumber").asText()).isNotBlank();
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("totalOwed").asText()).isEqualTo("515.000");
        Answer receipt = get("/api/v1/branch/payments/" + chequeId + "/receipt", TELLER);
        assertThat(receipt.contentType()).startsWith("text/html");
        assertThat(receipt.body()).contains(taken.json().path("receiptNumber").asText(), "ending " + account.substring(11), "000123")
                .doesNotContain(account);

        OffsetDateTime beforeClearing = OffsetDateTime.now(clock);
        Answer cleared = post("/api/v1/branch/payments/" + chequeId + "/clearing", SUPERVISOR, Map.of("outcome", "CLEARED"));
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().path("status").asText()).isEqualTo("POSTED");
        assertThat(OffsetDateTime.parse(cleared.json().path("valueTime").asText())).isAfterOrEqualTo(beforeClearing);
        assertThat(allocations(cleared.json())).containsExactly("PREVIOUS_FEES=5.000", "PREVIOUS_PURCHASES=40.000", "CURRENT_INSTALMENTS=5.000");
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("totalOwed").asText()).isEqualTo("465.000");
        JsonNode history = get("/api/v1/payments/" + chequeId, OPS).json().path("history");
        assertThat(history).extracting(e -> e.path("type").asText()).containsExactly("RECEIVED", "CLEARED", "POSTED");
        assertThat(history.get(2).path("detail").path("allocations")).hasSize(3);

        Answer again = post("/api/v1/branch/payments/" + chequeId + "/clearing", SUPERVISOR, Map.of("outcome", "CLEARED"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("valueTime")).isEqualTo(cleared.json().path("valueTime"));
        Answer contradicted = post("/api/v1/branch/payments/" + chequeId + "/clearing", SUPERVISOR,
                Map.of("outcome", "RETURNED", "reason", "INSUFFICIENT_FUNDS"));
        assertThat(contradicted.status()).isEqualTo(409);
        assertThat(contradicted.json().path("code").asText()).isEqualTo("CLEARING_CONFLICT");
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("totalOwed").asText()).isEqualTo("465.000");

        String bounced = post("/api/v1/branch/payments", TELLER, cheque(account, "70.000", "KWD"), newKey()).json().path("paymentId").asText();
        Answer returned = post("/api/v1/branch/payments/" + bounced + "/clearing", OPS, Map.of("outcome", "RETURNED", "reason", "INSUFFICIENT_FUNDS"));
        assertThat(returned.json().path("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.json().path("statusReason").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(get("/api/v1/payments/" + bounced, OPS).json().path("history")).extracting(e -> e.path("type").asText())
                .containsExactly("RECEIVED", "RETURNED");
        assertThat(post("/api/v1/branch/payments/" + bounced + "/clearing", OPS, Map.of("outcome", "RETURNED", "reason", "INSUFFICIENT_FUNDS")).status()).isEqualTo(200);
        assertThat(post("/api/v1/branch/payments/" + bounced + "/clearing", OPS, Map.of("outcome", "CLEARED")).status()).isEqualTo(409);
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("totalOwed").asText()).isEqualTo("465.000");
        assertThat(jdbc.queryForObject("select count(*) from allocation where payment_id = ?::uuid", Integer.class, bounced)).isZero();

        // cleared, then returned by the bank after posting (a reversal): the supervisor's retried CLEARED is a repeat
        Answer reversed = post("/api/v1/payments/" + chequeId + "/reversal", OPS, Map.of("reason", "CHEQUE_RETURNED"), newKey());
        assertThat(reversed.json().path("status").asText()).as(reversed.body()).isEqualTo("REVERSED");
        Answer retriedAfterReversal = post("/api/v1/branch/payments/" + chequeId + "/clearing", SUPERVISOR, Map.of("outcome", "CLEARED"));
        assertThat(retriedAfterReversal.status()).as("the same outcome again changes nothing").isEqualTo(200);
        assertThat(retriedAfterReversal.json().path("status").asText()).isEqualTo("REVERSED");
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("totalOwed").asText()).isEqualTo("515.000");
    }

    @Test
    void aReversalRestoresEveryBucketAndTakesBackTheCreditItMade() {
        String account = newAccount("KWD");
        JsonNode before = get("/api/v1/accounts/" + account, OPS).json();
        String paymentId = post("/api/v1/branch/payments", TELLER, cash(account, "600.000", "KWD"), newKey()).json().path("paymentId").asText();
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("creditBalance").asText()).isEqualTo("85.000");

        Answer reversed = post("/api/v1/payments/" + paymentId + "/reversal", OPS, Map.of("reason", "CHARGEBACK"), newKey());

        assertThat(reversed.status()).isEqualTo(200);
        assertThat(reversed.json().path("status").asText()).isEqualTo("REVERSED");
        assertThat(get("/api/v1/accounts/" + account, OPS).json()).isEqualTo(before);
        assertThat(post("/api/v1/payments/" + paymentId + "/reversal", OPS, Map.of("reason", "CHARGEBACK"), newKey()).status()).isEqualTo(409);
        JsonNode history = get("/api/v1/payments/" + paymentId, OPS).json().path("history");
        assertThat(history).extracting(e -> e.path("type").asText()).containsExactly("POSTED", "REVERSED");
        assertThat(history.get(1).path("actor").asText()).isEqualTo("ops");
    }

    /**
     * Money already received is never dropped for want of a rate: it waits as PENDING_FX and posts when one arrives.
     * (Dated 2025, before any KWD to USD rate another test of the shared database may have stored.)
     */
    @Test
    void receivedMoneyWithoutARateWaitsAndPostsWhenTheRateArrives() {
        String account = newAccount("USD");
        PaymentIntent collected = new PaymentIntent("TEST:" + newKey(), Channel.DIRECT_DEBIT, PaymentMethod.DIRECT_DEBIT,
                account, Money.of("30.500", "KWD"), OffsetDateTime.parse("2025-06-10T09:00:00+03:00"), "test", Map.of(),
                Set.of(), "test", false);

        Payment held = posting.post(collected);

        assertThat(held.status()).isEqualTo(PaymentStatus.PENDING_FX);
        assertThat(get("/api/v1/accounts/" + account, OPS).json().path("totalOwed").asText()).isEqualTo("1600.00");
        Answer rates = put("/api/v1/fx-rates", OPS, Map.of("rates", List.of(Map.of(
                "from", "KWD", "to", "USD", "rate", "3.2786885", "effectiveAt", "2025-06-01T00:00:00+03:00"))));
        assertThat(rates.json().path("postedPendingFx").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode posted = get("/api/v1/payments/" + held.paymentId(), OPS).json();
        assertThat(posted.path("status").asText()).isEqualTo("POSTED");
        assertThat(posted.path("posted").path("amount").asText()).isEqualTo("100.00"); // 30.500 × 3.2786885 = 99.99999925
        assertThat(posted.path("valueTime").asText()).isEqualTo("2025-06-10T09:00:00+03:00");
        assertThat(posted.path("history")).extracting(e -> e.path("type").asText()).containsExactly("PENDING_FX", "POSTED");
        assertThat(allocations(posted)).isNotEmpty();
    }

    @Test
    void everyPostedPaymentIsPublishedOnce() {
        String account = newAccount("KWD");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(post("/api/v1/branch/payments", TELLER, cash(account, "2.000", "KWD"), newKey()).json().path("paymentId").asText());
        }
        String cheque = post("/api/v1/branch/payments", TELLER, cheque(account, "9.000", "KWD"), newKey()).json().path("paymentId").asText();

        await().atMost(Duration.ofSeconds(10)).until(() -> eventsFor(ids).size() == 5);
        // the relay runs every 50 ms: for ten times that, no second event of a payment and none of the cheque, which
        // is not posted and so has nothing to tell the card system
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> eventsFor(ids).size() == 5 && eventsFor(List.of(cheque)).isEmpty());
        JsonNode first = eventsFor(ids).get(0);
        assertThat(first.path("type").asText()).isEqualTo("PAYMENT_POSTED");
        assertThat(first.path("amount").asText()).isEqualTo("2.000");
        assertThat(first.path("allocations").get(0).path("bucket").asText()).isEqualTo("PREVIOUS_FEES");
    }

    /**
     * The relay dies after the broker took the events but before it marked them published: after restart it sends
     * them again, and the broker's duplicate detection keeps subscribers from seeing them twice. Events committed
     * while the relay was down are sent when it is back.
     */
    @Test
    void theOutboxPublishesEachEventOnceAfterACrashBetweenSendAndMark() throws Exception {
        camel.getRouteController().stopRoute("payment-events-relay");
        String account = newAccount("KWD");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(post("/api/v1/branch/payments", TELLER, cash(account, "1.500", "KWD"), newKey()).json().path("paymentId").asText());
        }
        List<Map<String, Object>> outbox = jdbc.queryForList("""
                select e.id, cast(e.detail as text) as detail from payment_event_unpublished e join payment p using (payment_id)
                where p.account_number = ? order by e.id""", account);
        assertThat(outbox).hasSize(3);
        // what the crashed relay had already sent, with the same duplicate ids the relay uses
        JmsTemplate crashedRelay = new JmsTemplate(connectionFactory);
        crashedRelay.setPubSubDomain(true);
        for (Map<String, Object> row : outbox.subList(0, 2)) {
            crashedRelay.send(EVENTS_TOPIC, session -> {
                TextMessage message = session.createTextMessage((String) row.get("detail"));
                message.setStringProperty("_AMQ_DUPL_ID", "payment-event-" + row.get("id"));
                return message;
            });
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> eventsFor(ids).size() == 2);

        camel.getRouteController().startRoute("payment-events-relay");

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("""
                select count(*) from payment_event_unpublished e join payment p using (payment_id)
                where p.account_number = ?""", Integer.class, account) == 0);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> eventsFor(ids).size() == 3);
        assertThat(eventsFor(ids)).extracting(e -> e.path("paymentId").asText()).containsExactlyInAnyOrderElementsOf(ids);
    }

    /**
     * An event id is taken when the row is written, not when it commits: here a transaction holds an event with a lower
     * id while a later payment's event (a higher id) commits. A relay that kept its place by event id would relay the
     * later one, move past the lower id and never see the held event once it commits. This relay waits for the older
     * transaction, then relays both.
     */
    @Test
    void anEventCommittedAfterALaterOneIsStillPublishedOnce() throws Exception {
        String account = newAccount("KWD");
        String early = post("/api/v1/branch/payments", TELLER, cash(account, "1.000", "KWD"), newKey()).json().path("paymentId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> eventsFor(List.of(early)).size() == 1);

        String late;
        try (java.sql.Connection held = jdbc.getDataSource().getConnection()) {
            held.setAutoCommit(false);
            try (var insert = held.prepareStatement("""
                    insert into payment_event (payment_id, occurred_at, type, actor, detail, publish)
                    values (?::uuid, now(), 'NOTE', 'test', jsonb_build_object('paymentId', ?::text, 'type', 'HELD_NOTE'), true)""")) {
                insert.setString(1, early);
                insert.setString(2, early);
                insert.executeUpdate();
            }
            late = post("/api/v1/branch/payments", TELLER, cash(account, "2.000", "KWD"), newKey()).json().path("paymentId").asText();
            assertThat(jdbc.queryForObject("""
                    select (select max(id) from payment_event where payment_id = ?::uuid and publish)
                         > (select max(id) from payment_event where payment_id = ?::uuid and type = 'POSTED')""",
                    Boolean.class, late, early)).isTrue();
            NotifyBuilder polls = new NotifyBuilder(camel).fromRoute("payment-events-relay").whenCompleted(3).create();
            assertThat(polls.matches(10, TimeUnit.SECONDS)).isTrue();
            assertThat(eventsFor(List.of(late))).as("held back behind the open transaction").isEmpty();
            held.commit();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> eventsFor(List.of(early, late)).size() == 3);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> eventsFor(List.of(early, late)).size() == 3);
        assertThat(eventsFor(List.of(early))).extracting(e -> e.path("type").asText()).containsExactly("PAYMENT_POSTED", "HELD_NOTE");
        assertThat(jdbc.queryForObject("select count(*) from payment_event_unpublished e where e.payment_id in (?::uuid, ?::uuid)",
                Integer.class, early, late)).isZero();
    }

    private List<JsonNode> eventsFor(List<String> paymentIds) {
        return events.stream().filter(e -> paymentIds.contains(e.path("paymentId").asText())).toList();
    }

    private static Balances balances(JsonNode account) {
        Currency currency = Currency.getInstance(account.path("currency").asText());
        Map<Bucket, Money> buckets = new EnumMap<>(Bucket.class);
        for (Bucket bucket : Bucket.values()) {
            buckets.put(bucket, new Money(new BigDecimal(account.path("buckets").path(bucket.name()).asText()), currency));
        }
        return Balances.of(currency, buckets, new Money(new BigDecimal(account.path("creditBalance").asText()), currency));
    }

    interface Call<T> {
        T call(int i) throws Exception;
    }

    /** Runs {@code n} calls released at the same instant. */
    static <T> List<T> concurrently(int n, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

}
