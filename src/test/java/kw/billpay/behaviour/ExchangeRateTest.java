package kw.billpay.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.support.RateEra;
import kw.billpay.testkit.OnlinePaymentJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conversions at the rate in force at the payment's value time (DOMAIN R3, CONTRACT "FX rates"), each test in a
 * {@link RateEra} of its own: a payment that needs a rate nobody published is refused while the payer can take it back
 * ({@code NO_FX_RATE}) and held once the money is received ({@code PENDING_FX}) until a rate arrives through the API.
 */
class ExchangeRateTest extends BehaviourTest {

    private RateEra era;

    @BeforeEach
    void ownEra() {
        era = RateEra.next(jdbc);
    }

    @AfterEach
    void ratesTakenAway() {
        era.close();
    }

    @Test
    void theRateInForceAtTheValueTimeIsUsedNotALaterOneAndItsSourceAndTimeAreKept() throws Exception {
        String kwdAccount = newAccount("KWD");
        OffsetDateTime earlier = era.at(Duration.ofDays(10));
        OffsetDateTime later = era.at(Duration.ofDays(12));
        putRates(era.rate("USD", "KWD", "0.300000", earlier, "CBK fixing R3 early"),
                era.rate("USD", "KWD", "0.310000", later, "CBK fixing R3 late"));

        // A teller takes 10.00 USD between the two rates; a bank collects 100.00 USD on the day between them.
        clock.travelTo(era.at(Duration.ofDays(11).plusHours(9)).toInstant());
        JsonNode cash = atCounter(cash(kwdAccount, "10.00", "USD"));
        clock.reset();
        List<String> ack = dropDirectDebitFile(PartnerBank.NBK, "USD",
                List.of(new Collected(kwdAccount, "100.00", era.at(Duration.ofDays(11)).toLocalDate())));
        JsonNode collected = payment(postedId(ack, 1));

        for (JsonNode payment : List.of(payment(cash.path("paymentId").asText()), collected)) {
            JsonNode fx = payment.path("fx");
            assertThat(fx.path("from").asText()).isEqualTo("USD");
            assertThat(fx.path("to").asText()).isEqualTo("KWD");
            assertThat(fx.path("rate").asText()).isEqualTo("0.300000");
            assertThat(fx.path("source").asText()).isEqualTo("CBK fixing R3 early");
            assertThat(OffsetDateTime.parse(fx.path("effectiveAt").asText())).isEqualTo(earlier);
        }
        assertThat(payment(cash.path("paymentId").asText()).path("posted").path("amount").asText()).isEqualTo("3.000");
        assertThat(collected.path("received").path("amount").asText()).isEqualTo("100.00");
        assertThat(collected.path("posted").path("amount").asText()).isEqualTo("30.000");
        assertThat(account(kwdAccount).path("totalOwed").asText()).isEqualTo("482.000"); // 515.000 - 3.000 - 30.000
    }

    @Test
    void withNoRateInForceABranchOrOnlinePaymentIsRefusedAtInitiation() {
        String kwdAccount = newAccount("KWD");
        String usdAccount = newAccount("USD");
        clock.travelTo(era.at(Duration.ofDays(3)).toInstant());

        Answer branch = post("/api/v1/branch/payments", TELLER, cash(kwdAccount, "10.00", "USD"), newKey());
        Answer online = post("/api/v1/online/payments", ONLINE_KEY,
                OnlinePaymentJson.of(usdAccount, "25.000", "KWD").json(), newKey());

        assertThat(branch.status()).as(branch.body()).isEqualTo(422);
        assertThat(branch.json().path("code").asText()).isEqualTo("NO_FX_RATE");
        assertThat(online.status()).as(online.body()).isEqualTo(422);
        assertThat(online.json().path("code").asText()).isEqualTo("NO_FX_RATE");
        // nothing recorded, nothing sent to KNET
        assertThat(getJson("/api/v1/accounts/" + kwdAccount + "/payments", OPS)).isEmpty();
        assertThat(getJson("/api/v1/accounts/" + usdAccount + "/payments", OPS)).isEmpty();

        // the same payments once a rate is in force go through: the refusal was for the missing rate alone
        putRates(era.rate("USD", "KWD", "0.300000", era.at(Duration.ofDays(1)), "ops"),
                era.rate("KWD", "USD", "3.300000", era.at(Duration.ofDays(1)), "ops"));
        assertThat(post("/api/v1/branch/payments", TELLER, cash(kwdAccount, "10.00", "USD"), newKey()).status()).isEqualTo(201);
        assertThat(post("/api/v1/online/payments", ONLINE_KEY,
                OnlinePaymentJson.of(usdAccount, "25.000", "KWD").json(), newKey()).status())
                .isEqualTo(201);
    }

    @Test
    void receivedMoneyWithNoRateIsHeldAndARateArrivingThroughTheApiPostsIt() throws Exception {
        String kwdAccount = newAccount("KWD");
        OffsetDateTime valueTime = era.at(Duration.ofDays(5));

        List<String> ack = dropDirectDebitFile(PartnerBank.GBK, "USD",
                List.of(new Collected(kwdAccount, "50.00", valueTime.toLocalDate())));
        String paymentId = postedId(ack, 1); // acknowledged as taken: the money is the issuer's
        JsonNode held = payment(paymentId);
        assertThat(held.path("status").asText()).isEqualTo("PENDING_FX");
        assertThat(held.path("allocations")).isEmpty();
        assertThat(account(kwdAccount).path("totalOwed").asText()).isEqualTo("515.000");

        OffsetDateTime effective = era.at(Duration.ofDays(4));
        Answer rates = put("/api/v1/fx-rates", OPS, Map.of("rates", List.of(era.rate("USD", "KWD", "0.304000", effective, "ops"))));

        assertThat(rates.status()).as(rates.body()).isEqualTo(200);
        assertThat(rates.json().path("postedPendingFx").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode posted = payment(paymentId);
        assertThat(posted.path("status").asText()).isEqualTo("POSTED");
        assertThat(posted.path("posted").path("amount").asText()).isEqualTo("15.200");
        assertThat(posted.path("fx").path("rate").asText()).isEqualTo("0.304000");
        assertThat(OffsetDateTime.parse(posted.path("fx").path("effectiveAt").asText())).isEqualTo(effective);
        assertThat(OffsetDateTime.parse(posted.path("valueTime").asText())).isEqualTo(valueTime);
        assertThat(types(posted)).containsSubsequence("PENDING_FX", "POSTED");
        assertThat(account(kwdAccount).path("totalOwed").asText()).isEqualTo("499.800");
    }

    @SafeVarargs
    private void putRates(Map<String, Object>... rates) {
        Answer answer = put("/api/v1/fx-rates", OPS, Map.of("rates", List.of(rates)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
