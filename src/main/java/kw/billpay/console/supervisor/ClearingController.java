package kw.billpay.console.supervisor;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import kw.billpay.channel.branch.BranchClearingRoute;
import kw.billpay.channel.branch.BranchIntake.ClearingCommand;
import kw.billpay.channel.branch.BranchIntake.ClearingOutcome;
import kw.billpay.channel.branch.BranchPaymentRequest.Cheque;
import kw.billpay.channel.branch.FourEyes;
import kw.billpay.console.BranchPayments;
import kw.billpay.console.PaymentRow;
import kw.billpay.console.Problems;
import kw.billpay.console.Problems.Problem;
import kw.billpay.console.Shown;
import kw.billpay.core.Refusal;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentStatus;
import kw.billpay.posting.Payments;
import kw.billpay.security.Caller;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cheques and drafts waiting for clearing, oldest first; each cleared or returned (with a reason) by one action,
 * through the same branch flow as the API's clearing. With htmx only the row changes; without it the list reloads.
 */
@Controller
@RequestMapping("/console/supervisor/clearing")
@RequiredArgsConstructor
class ClearingController {

    /** The reasons a supervisor picks from when a cheque or draft comes back unpaid. */
    static final List<String> RETURN_REASONS = List.of("INSUFFICIENT_FUNDS", "SIGNATURE_MISMATCH", "STOPPED_BY_DRAWER",
            "POST_DATED", "STALE_DATED", "ACCOUNT_CLOSED", "OTHER");
    static final int SHOWN = 200;
    private static final Pattern CHEQUE_NUMBER = Pattern.compile(Cheque.NUMBER_CHARACTERS);

    private final Payments payments;
    private final BranchClearingRoute clearing;
    private final Problems problems;
    private final Clock clock;

    /**
     * A page of {@value #SHOWN} waiting, oldest first, after the payment {@code after}; or those of a cheque or draft
     * number (its last digits, or all of it), as the clearing bank's report gives it. Always how many wait in all, so
     * that none is out of sight. A number of 12 or more digits is shown back by its last 4, as a card number would be.
     */
    @GetMapping
    String waiting(@RequestParam(required = false) UUID after, @RequestParam(required = false) String number, Model model,
                   Locale locale) {
        String wanted = number == null || number.isBlank() ? null : number.strip();
        boolean aNumber = wanted == null
                || wanted.length() <= Cheque.NUMBER_MAX && CHEQUE_NUMBER.matcher(wanted).matches();
        if (!aNumber) {
            model.addAttribute("message", problems.say(Problem.of("clearing.notANumber"), locale));
        }
        UUID from = wanted == null ? after : null; // a number's cheques are few: one page, from the oldest
        List<PaymentRow> rows = !aNumber ? List.of() : payments.awaitingClearing(from, wanted, SHOWN).stream()
                .map(p -> PaymentRow.of(p, clock.getZone())).toList();
        String shown = aNumber ? Shown.outside(wanted) : null;
        model.addAttribute("waiting", rows);
        model.addAttribute("count", String.valueOf(payments.countAwaitingClearing()));
        model.addAttribute("number", shown);
        model.addAttribute("typed", wanted != null && wanted.equals(shown) ? wanted : null);
        model.addAttribute("after", from);
        model.addAttribute("next", wanted == null && rows.size() == SHOWN ? rows.get(rows.size() - 1).paymentId() : null);
        model.addAttribute("reasons", RETURN_REASONS);
        return "console/supervisor/clearing";
    }

    @PostMapping("/{paymentId}")
    String record(@PathVariable String paymentId, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String reason, @RequestHeader(name = "HX-Request", required = false) String htmx,
                  Caller supervisor, Model model, RedirectAttributes redirect, Locale locale) {
        Payment held = held(paymentId);
        String said;
        Payment after = held;
        ClearingOutcome chosen = outcome(outcome, reason);
        if (chosen == null) {
            said = problems.say(Problem.of("clearing.pick"), locale);
        } else {
            try {
                FourEyes.requireNotTakenBy(held, supervisor.name());
                after = clearing.clear(new ClearingCommand(held.paymentId(), chosen,
                        chosen == ClearingOutcome.RETURNED ? reason : null, supervisor.name()));
                said = null;
            } catch (Refusal refused) {
                said = problems.say(refused, locale);
            }
        }
        if (htmx == null) {
            redirect.addFlashAttribute("message", said);
            return "redirect:/console/supervisor/clearing";
        }
        model.addAttribute("p", PaymentRow.of(after, clock.getZone()));
        model.addAttribute("problem", said);
        model.addAttribute("reasons", RETURN_REASONS);
        model.addAttribute("done", after.status() != PaymentStatus.PENDING_CLEARING);
        return "console/supervisor/clearing-row :: row";
    }

    private static ClearingOutcome outcome(String outcome, String reason) {
        if ("CLEARED".equals(outcome)) {
            return ClearingOutcome.CLEARED;
        }
        if ("RETURNED".equals(outcome) && RETURN_REASONS.contains(reason)) {
            return ClearingOutcome.RETURNED;
        }
        return null; // neither: CLEARED, or RETURNED with a reason picked
    }

    private Payment held(String paymentId) {
        return BranchPayments.find(payments, paymentId);
    }
}
