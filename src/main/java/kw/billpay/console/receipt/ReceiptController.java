package kw.billpay.console.receipt;

import java.time.Clock;
import kw.billpay.account.AccountService;
import kw.billpay.console.BranchPayments;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.Refusal;
import kw.billpay.posting.Payments;
import kw.billpay.security.Caller;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A branch payment's receipt: shown on screen, and printed on A4 or an 80 mm roll. Every print is recorded; the first
 * is the original and every later one is marked COPY, so a second original can never be handed out.
 */
@Controller
@RequestMapping("/console/receipts/{paymentId}")
@RequiredArgsConstructor
class ReceiptController {

    private final Payments payments;
    private final AccountService accounts;
    private final ReceiptPrints prints;
    private final MessageSource messages;
    private final Clock clock;

    @GetMapping
    String show(@PathVariable String paymentId, Model model) {
        Payment payment = branchPayment(paymentId);
        model.addAttribute("receipt", view(payment));
        model.addAttribute("printed", prints.printed(payment.paymentId()));
        return "console/receipt/show";
    }

    /**
     * Records the print and renders the page to print; reloading it prints (and records) a copy. Only a teller of the
     * counter that took the payment prints it: its first print is the customer's original.
     */
    @PostMapping("/print")
    String print(@PathVariable String paymentId, @RequestParam(defaultValue = "A4") String paper,
                 Caller teller, Model model) {
        Payment payment = branchPayment(paymentId);
        String institution = payment.origin().get("institution");
        String branch = payment.origin().get("branch");
        if (!teller.worksAt(institution, branch)) {
            throw Refusal.forbidden("BRANCH_NOT_YOURS", "the payment was taken at " + institution + "/" + branch
                    + ": its receipt is printed there");
        }
        ReceiptPrints.Paper chosen = "80MM".equals(paper) ? ReceiptPrints.Paper.MM80 : ReceiptPrints.Paper.A4;
        int copy = prints.record(payment.paymentId(), chosen, teller.name());
        model.addAttribute("receipt", view(payment));
        model.addAttribute("copy", copy > 1);
        model.addAttribute("copyNo", copy);
        model.addAttribute("paper", chosen == ReceiptPrints.Paper.A4 ? "a4" : "mm80");
        return "console/receipt/print";
    }

    private ReceiptView view(Payment payment) {
        String holder = accounts.get(payment.accountNumber()).holderName();
        return ReceiptView.of(payment, holder, payments.history(payment.paymentId()), clock.getZone(), messages);
    }

    private Payment branchPayment(String paymentId) {
        return BranchPayments.find(payments, paymentId);
    }
}
