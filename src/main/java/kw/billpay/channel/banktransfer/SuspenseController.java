package kw.billpay.channel.banktransfer;

import static kw.billpay.web.ZonedTimes.inZone;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;
import kw.billpay.channel.banktransfer.BankTransferRepository.StoredLine;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import kw.billpay.idempotency.IdempotencyService;
import kw.billpay.idempotency.IdempotentCall;
import kw.billpay.web.MoneyJson;
import kw.billpay.web.RequestValues;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The suspense queue for supervisors and operations (CONTRACT "Bank transfers"): the open items, an item's whole
 * story, assigning one to an account, marking one to be sent back. Both actions take an {@code Idempotency-Key}: the
 * same key and body again give the first answer; a closed item is 409 SUSPENSE_ITEM_CLOSED.
 */
@RestController
@RequestMapping("/api/v1/suspense")
@RequiredArgsConstructor
class SuspenseController {

    private final SuspenseQueue suspense;
    private final Clock clock;

    /** An item as the contract lists it; {@code remittance} and {@code debtorName} masked (RemittanceMasking). */
    record ItemView(long id, String bank, MoneyJson amount, LocalDate valueDate, String debtorName, String remittance,
                    String reason, String status) { }

    /** An item with its whole story: where it came from, why it is here, what became of it. */
    record ItemDetail(long id, String bank, MoneyJson amount, LocalDate valueDate, String debtorName, String remittance,
                      String reason, String status, String why, String file, String msgId, String acctSvcrRef,
                      String endToEndId, String entry, String accountNumber, String paymentId, String closedBy,
                      OffsetDateTime closedAt, String returnReason) { }

    record Assignment(String accountNumber) { }

    record Return(String reason) { }

    /**
     * Open items by default, oldest first, a page of {@code limit} after the id {@code after}; {@code status} lists the
     * closed ones (ASSIGNED, RETURNED, RECALLED), {@code bank} one bank's.
     */
    @GetMapping
    List<ItemView> list(@RequestParam(defaultValue = "OPEN") String status,
                        @RequestParam(required = false) String bank,
                        @RequestParam(defaultValue = "0") long after,
                        @RequestParam(defaultValue = "100") int limit) {
        RequestValues.requireLimit(limit);
        return suspense.list(status, PartnerBank.filter(bank), after, limit).stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    ItemDetail get(@PathVariable long id) {
        return detail(suspense.get(id));
    }

    @PostMapping("/{id}/assignment")
    ResponseEntity<String> assign(@PathVariable long id, @RequestBody Assignment request, IdempotentCall call) {
        call.requireKey();
        AccountNumbers.requireValid("accountNumber", request.accountNumber());
        return call.respond(List.of("suspense-assignment", id, request), () -> {
            StoredLine assigned = suspense.assign(id, request.accountNumber(), call.caller().name());
            return new IdempotencyService.Answer(200, detail(assigned), assigned.paymentId());
        });
    }

    /**
     * The contract asks no Idempotency-Key here (a return creates no payment): without one, a repeat finds the item
     * closed (409); with one, a retry gets the first answer again.
     */
    @PostMapping("/{id}/return")
    ResponseEntity<?> returnToPayer(@PathVariable long id, @RequestBody Return request, IdempotentCall call) {
        Supplier<ItemDetail> returned = () -> detail(suspense.returnToPayer(id, request.reason(), call.caller().name()));
        if (call.key() == null) {
            return ResponseEntity.ok(returned.get());
        }
        return call.respond(List.of("suspense-return", id, request), () ->
                new IdempotencyService.Answer(200, returned.get(), null));
    }

    private ItemView view(StoredLine item) {
        return new ItemView(item.id(), item.bank(), money(item.amount(), item.currency()), valueDate(item),
                item.debtorName(), item.remittance(), item.reason(), SuspenseQueue.apiStatus(item.status()));
    }

    private ItemDetail detail(StoredLine item) {
        return new ItemDetail(item.id(), item.bank(), money(item.amount(), item.currency()), valueDate(item),
                item.debtorName(), item.remittance(), item.reason(), SuspenseQueue.apiStatus(item.status()), item.detail(),
                item.fileName(), item.messageId(), item.bankReference(), item.endToEndId(),
                item.detailIndex() == 0 ? Integer.toString(item.position()) : item.position() + "/TxDtls " + item.detailIndex(),
                AccountNumbers.mask(item.accountNumber()), item.paymentId() == null ? null : item.paymentId().toString(),
                item.closedBy(), inZone(item.closedAt(), clock.getZone()),
                item.returnReason());
    }

    private LocalDate valueDate(StoredLine item) {
        return item.valueTime() == null ? null : item.valueTime().atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    static MoneyJson money(BigDecimal amount, String currency) {
        return amount == null ? null : MoneyJson.of(new Money(amount, Currencies.parse(currency)));
    }
}
