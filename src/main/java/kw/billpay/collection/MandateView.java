package kw.billpay.collection;

import static kw.billpay.web.ZonedTimes.inZone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import kw.billpay.collection.CollectionRepository.RequestRow;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.collection.CollectionAmounts;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import kw.billpay.web.MoneyJson;

/**
 * A mandate as the API shows it (the card account masked), with its latest collections and what the banks said of
 * them, and every change made to it.
 */
record MandateView(String mandateRef, String accountNumber, String bank, String debtorAccount, String type,
                   String status, String statusReason, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                   List<CollectionView> collections, List<ChangeView> history) {

    /**
     * One request and its outcome: {@code state} PENDING (no result yet), COLLECTED or NOT_COLLECTED; {@code note}
     * says why a collection was flagged or not posted.
     */
    record CollectionView(LocalDate collectionDate, long runId, MoneyJson asked, MoneyJson billed, String state,
                          String reasonCode, String reasonAction, MoneyJson collected, UUID paymentId,
                          String resultFile, String note, OffsetDateTime resultAt) { }

    record ChangeView(OffsetDateTime changedAt, String actor, String change, JsonNode before, JsonNode after) { }

    static MandateView of(Mandate m, List<RequestRow> collections, List<MandateRepository.Change> history,
                          ObjectMapper json, ZoneId zone) {
        return new MandateView(m.mandateRef(), AccountNumbers.mask(m.accountNumber()), m.bank().name(), m.debtorAccount(),
                m.type().name(), m.status().name(), m.statusReason(), inZone(m.createdAt(), zone),
                inZone(m.updatedAt(), zone),
                collections.stream().map(r -> new CollectionView(r.collectionDate(), r.runId(), RunView.kwd(r.amount()),
                        new MoneyJson(r.billedAmount().toPlainString(), r.billingCurrency()), r.state(), r.reasonCode(),
                        r.reasonAction(), collected(r), r.paymentId(), r.resultFile(), r.resultNote(),
                        inZone(r.resultAt(), zone))).toList(),
                history.stream().map(c -> new ChangeView(inZone(c.changedAt(), zone), c.actor(), c.change(),
                        parse(json, c.before()), parse(json, c.after()))).toList());
    }

    /**
     * What the bank collected, in its file's currency (KWD for results recorded before the currency was kept); nothing
     * for a debit not collected, whatever amount its line carried.
     */
    private static MoneyJson collected(RequestRow r) {
        return r.resultAmount() == null || !r.state().equals("COLLECTED") ? null : MoneyJson.of(new Money(r.resultAmount(),
                r.resultCurrency() == null ? CollectionAmounts.KWD : Currencies.parse(r.resultCurrency())));
    }

    private static JsonNode parse(ObjectMapper json, String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
