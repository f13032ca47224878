package kw.billpay.console.supervisor;

import java.time.ZoneId;
import kw.billpay.channel.banktransfer.BankTransferRepository.StoredLine;
import kw.billpay.channel.banktransfer.SuspenseQueue;
import kw.billpay.console.Shown;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;

/**
 * A bank transfer of the suspense queue as the console shows it: what the API lists (bank, amount, value date, debtor
 * and remittance as the channel masked them, reason, state), with any 12+ digit run left shown by its last 4 digits;
 * {@code why} is the matching's own English explanation. {@code returnKey} is the idempotency key the row's return
 * form carries (a new one each time the row is drawn while the item is open).
 */
public record SuspenseRow(long id, String bank, String amount, String valueDate, String debtorName, String remittance,
                          String reason, String why, String status, String closedBy, String returnReason,
                          String returnKey) {

    static SuspenseRow of(StoredLine item, ZoneId zone, String returnKey) {
        return new SuspenseRow(item.id(), item.bank(),
                item.amount() == null ? "" : Shown.money(new Money(item.amount(), Currencies.parse(item.currency()))),
                item.valueTime() == null ? "" : item.valueTime().atZoneSameInstant(zone).toLocalDate().toString(),
                Shown.outside(item.debtorName()), Shown.outside(item.remittance()), item.reason(),
                Shown.outside(item.detail()), SuspenseQueue.apiStatus(item.status()), item.closedBy(),
                Shown.outside(item.returnReason()), returnKey);
    }

    /** Still waiting: it may be assigned or returned. */
    public boolean open() {
        return status.equals("OPEN");
    }
}
