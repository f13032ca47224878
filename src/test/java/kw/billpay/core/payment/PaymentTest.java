package kw.billpay.core.payment;

import static kw.billpay.testkit.AccountBuilder.anAccount;
import static kw.billpay.testkit.IssuerBuilder.amexKw;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kw.billpay.core.account.Account;
import kw.billpay.core.allocation.Allocation;
import kw.billpay.core.allocation.Bucket;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.FxRate;
import kw.billpay.core.money.Money;
import org.junit.jupiter.api.Test;

/** A payment from its arrival to its posting, and the ledger events the card system receives about it (R11, R23, R25). */
class PaymentTest {

    private static final OffsetDateTime ARRIVED = OffsetDateTime.parse("2026-11-21T10:15:00+03:00");
    private static final OffsetDateTime CLEARED = OffsetDateTime.parse("2026-11-23T09:00:00+03:00");
    private static final FxRate USD_KWD = new FxRate(Currencies.parse("USD"), Currencies.parse("KWD"),
            new BigDecimal("0.305000"), OffsetDateTime.parse("2026-11-01T00:00:00+03:00"), "ops");

    private final Account account = anAccount().build();
    private final PaymentIntent cheque = new PaymentIntent("BRANCH:teller:k1", Channel.BRANCH, PaymentMethod.CHEQUE,
            account.accountNumber(), Money.of("100.00", "USD"), null, "GBK/SHARQ", Map.of("teller", "teller"),
            Set.of(PaymentFlag.BELOW_MINIMUM), "teller", true);

    @Test
    void aPaymentIsRecordedOnArrivalAsTheChannelNormalisedIt() {
        Payment held = Payment.of(cheque, Currencies.parse("KWD"), PaymentStatus.PENDING_CLEARING, ARRIVED);

        assertThat(held.paymentId()).isNotNull();
        assertThat(held).extracting(Payment::sourceKey, Payment::channel, Payment::method, Payment::status,
                Payment::accountNumber, Payment::received, Payment::reference, Payment::receivedAt, Payment::valueTime)
                .containsExactly("BRANCH:teller:k1", Channel.BRANCH, PaymentMethod.CHEQUE, PaymentStatus.PENDING_CLEARING,
                        account.accountNumber(), Money.of("100.00", "USD"), "GBK/SHARQ", ARRIVED, null);
        assertThat(held.billingCurrency()).isEqualTo(Currencies.parse("KWD"));
        assertThat(held.posted()).isNull();
        assertThat(held.allocations()).isEmpty();
        assertThat(held.flags()).containsExactly(PaymentFlag.BELOW_MINIMUM);
        assertThat(held.origin()).containsEntry("teller", "teller");
        assertThat(Payment.of(cheque, Currencies.parse("KWD"), PaymentStatus.PENDING_CLEARING, ARRIVED).paymentId())
                .isNotEqualTo(held.paymentId());
    }

    @Test
    void postingSetsTheAmountsTheConversionTheAllocationsAndTheValueTime() {
        Payment held = Payment.of(cheque, Currencies.parse("KWD"), PaymentStatus.PENDING_CLEARING, ARRIVED)
                .withReceiptNumber("BR20261121-00000001");
        Posting posting = rules().posting(account, cheque.received(), CLEARED, held.flags()).orElseThrow();

        Payment posted = held.posted(posting, PaymentStatus.POSTED, CLEARED);

        assertThat(posted.paymentId()).isEqualTo(held.paymentId());
        assertThat(posted.status()).isEqualTo(PaymentStatus.POSTED);
        assertThat(posted.posted()).isEqualTo(Money.of("30.500", "KWD"));
        assertThat(posted.fx()).isEqualTo(USD_KWD);
        assertThat(posted.allocations()).containsExactly(new Allocation(Bucket.PREVIOUS_FEES, Money.of("5.000", "KWD")),
                new Allocation(Bucket.PREVIOUS_PURCHASES, Money.of("25.500", "KWD")));
        assertThat(posted.creditBalancePart()).isEqualTo(Money.zero(Currencies.parse("KWD")));
        assertThat(posted.valueTime()).isEqualTo(CLEARED);
        assertThat(posted.receivedAt()).isEqualTo(ARRIVED);
        assertThat(posted.receiptNumber()).isEqualTo("BR20261121-00000001");
        assertThat(posted.flags()).containsExactly(PaymentFlag.BELOW_MINIMUM);

        Posting sameCurrency = rules().posting(account, Money.of("1.000", "KWD"), CLEARED, Set.of()).orElseThrow();
        assertThat(held.posted(sameCurrency, PaymentStatus.POSTED, CLEARED).fx()).isNull();
    }

    @Test
    void allocationsReadBackReplaceTheOnesHeld() {
        Payment held = Payment.of(cheque, Currencies.parse("KWD"), PaymentStatus.POSTED, ARRIVED);
        List<Allocation> recorded = List.of(new Allocation(Bucket.PREVIOUS_FEES, Money.of("1.000", "KWD")));

        Payment read = held.withAllocations(recorded);

        assertThat(read.allocations()).isEqualTo(recorded);
        assertThat(read).usingRecursiveComparison().ignoringFields("allocations").isEqualTo(held);
        assertThat(held.withReceiptNumber("R1").receiptNumber()).isEqualTo("R1");
    }

    @Test
    void theCardSystemIsToldWhereEveryFilsWentAndWhyAReversalHappened() {
        Payment held = Payment.of(cheque, Currencies.parse("KWD"), PaymentStatus.PENDING_CLEARING, ARRIVED);
        Payment posted = held.posted(rules().posting(account, cheque.received(), CLEARED, Set.of()).orElseThrow(),
                PaymentStatus.POSTED, CLEARED);

        LedgerEvents.PaymentPosted event = LedgerEvents.posted(posted, account);
        LedgerEvents.PaymentReversed reversal = LedgerEvents.reversed(posted, account, "CHARGEBACK");

        assertThat(event).isEqualTo(new LedgerEvents.PaymentPosted("PAYMENT_POSTED", posted.paymentId().toString(),
                account.accountNumber(), account.issuerId(), "BRANCH", "CHEQUE", "30.500", "KWD",
                List.of(new LedgerEvents.AllocationLine("PREVIOUS_FEES", "5.000"),
                        new LedgerEvents.AllocationLine("PREVIOUS_PURCHASES", "25.500")),
                "0.000", CLEARED.toString(), "GBK/SHARQ"));
        assertThat(reversal).isEqualTo(new LedgerEvents.PaymentReversed("PAYMENT_REVERSED", posted.paymentId().toString(),
                account.accountNumber(), account.issuerId(), "BRANCH", "CHEQUE", "30.500", "KWD", event.allocations(),
                "0.000", CLEARED.toString(), "GBK/SHARQ", "CHARGEBACK"));

        Payment noReference = new Payment(posted.paymentId(), posted.sourceKey(), posted.channel(), posted.method(),
                posted.status(), null, posted.accountNumber(), posted.received(), posted.billingCurrency(), posted.posted(),
                posted.fx(), posted.allocations(), posted.creditBalancePart(), posted.valueTime(), posted.receivedAt(), null,
                null, posted.flags(), posted.origin());
        assertThat(LedgerEvents.posted(noReference, account).reference()).isEmpty();
        assertThat(LedgerEvents.reversed(noReference, account, "CHARGEBACK").reference()).isEmpty();
    }

    private static PostingRules rules() {
        return new PostingRules(amexKw().build(),
                (from, to, at) -> from.equals(USD_KWD.from()) && to.equals(USD_KWD.to()) ? Optional.of(USD_KWD) : Optional.empty(),
                ZoneId.of("Asia/Kuwait"));
    }
}
