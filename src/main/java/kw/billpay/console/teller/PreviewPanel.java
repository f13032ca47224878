package kw.billpay.console.teller;

import java.util.List;
import kw.billpay.console.Shown;
import kw.billpay.core.money.Conversion;
import kw.billpay.core.payment.Posting;
import kw.billpay.posting.PostingPreview;

/**
 * What confirming a payment will do, as the posting core computed it: the amount received, its conversion into the
 * billing currency, and where each part goes. For a cheque or draft it is what it would do today.
 */
public record PreviewPanel(String outcome, String received, String rate, String credited, List<Part> parts,
                           String creditBalancePart, String refundDue, List<String> flags) {

    /** A bucket paid and how much. */
    public record Part(String bucket, String amount) { }

    public static PreviewPanel of(PostingPreview preview, kw.billpay.core.money.Money received) {
        Posting posting = preview.posting();
        if (posting == null) {
            return new PreviewPanel(preview.outcome().name(), Shown.money(received), null, null, List.of(), null, null,
                    List.of());
        }
        Conversion conversion = posting.conversion();
        String rate = conversion == null ? null : conversion.rate().from().getCurrencyCode() + " → "
                + conversion.rate().to().getCurrencyCode() + " " + conversion.rate().rate().toPlainString();
        var allocation = posting.allocation();
        return new PreviewPanel(preview.outcome().name(), Shown.money(received), rate, Shown.money(posting.amount()),
                allocation.allocations().stream().map(a -> new Part(a.bucket().name(), Shown.money(a.amount()))).toList(),
                allocation.creditBalancePart().isPositive() ? Shown.money(allocation.creditBalancePart()) : null,
                Shown.ltr(Shown.money(posting.refundDue())), posting.flags().stream().map(Enum::name).sorted().toList());
    }
}
