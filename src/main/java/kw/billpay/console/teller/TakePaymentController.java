package kw.billpay.console.teller;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import kw.billpay.channel.branch.BranchIntake;
import kw.billpay.channel.branch.BranchIntake.BranchPaymentCommand;
import kw.billpay.channel.branch.BranchPaymentRoute;
import kw.billpay.console.FormKeys;
import kw.billpay.console.Problems;
import kw.billpay.console.Problems.Problem;
import kw.billpay.console.teller.PaymentChecks.Checked;
import kw.billpay.console.teller.PaymentChecks.FormProblems;
import kw.billpay.core.Refusal;
import kw.billpay.core.payment.Payment;
import kw.billpay.core.payment.PaymentIntent;
import kw.billpay.idempotency.IdempotencyService;
import kw.billpay.idempotency.IdempotencyService.StoredResponse;
import kw.billpay.posting.PaymentView;
import kw.billpay.posting.Payments;
import kw.billpay.posting.PostingPreviews;
import kw.billpay.security.Caller;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Taking a payment: the form is checked and the posting core's preview shown (converted amount, allocation), then
 * the teller confirms. Confirming goes the JSON API's way: the branch route, inside the same {@link IdempotencyService}
 * transaction, under the key the form was rendered with; a double click, a resubmission after going back, or a retry
 * after a lost answer finds the first payment and shows its receipt.
 */
@Controller
@RequestMapping("/console/teller/accounts/{handle}")
@RequiredArgsConstructor
class TakePaymentController {

    private final CounterController counter;
    private final PaymentChecks checks;
    private final BranchIntake intake;
    private final BranchPaymentRoute branch;
    private final PostingPreviews previews;
    private final IdempotencyService idempotency;
    private final Payments payments;
    private final TellerDesks desks;
    private final Problems problems;

    /** A submitted payment form, checked as the route would and previewed: the confirmation page. */
    @PostMapping("/preview")
    String preview(@PathVariable String handle, @ModelAttribute("form") PaymentForm form, BindingResult binding,
                   Caller teller, HttpSession session, Model model, Locale locale) {
        return checkedThen(handle, form, binding, teller, session, model, locale, (at, checked) -> {
            PaymentIntent intent = intake.normalise(new BranchPaymentCommand(checked.request(), at.teller(), form.getIdempotencyKey()));
            var preview = previews.preview(intent);
            counter.showAccount(handle, at.accountNumber(), form, model);
            model.addAttribute("desk", at.desk());
            model.addAttribute("preview", PreviewPanel.of(preview, intent.received()));
            return "console/teller/confirm";
        });
    }

    /** The confirmed payment, taken once whatever the browser repeats; then its receipt. */
    @PostMapping("/payments")
    String confirm(@PathVariable String handle, @ModelAttribute("form") PaymentForm form, BindingResult binding,
                   Caller teller, HttpSession session, Model model, Locale locale) {
        return checkedThen(handle, form, binding, teller, session, model, locale, (at, checked) -> {
            try {
                return "redirect:/console/receipts/" + take(at.teller(), checked, form.getIdempotencyKey()).paymentId();
            } catch (Refusal refused) {
                if (!"IDEMPOTENCY_KEY_REUSED".equals(refused.code())) {
                    throw refused;
                }
                form.setIdempotencyKey(FormKeys.fresh()); // a new payment from here on
                String said = problems.say(Problem.of("form.error.resubmittedChanged"), locale);
                return again(at, handle, form, List.of(said), model);
            }
        });
    }

    /** The payment taken through the branch route, once per teller and key (IdempotencyService). */
    private StoredResponse take(Caller teller, Checked checked, String key) {
        return idempotency.execute(teller, key,
                IdempotencyService.fingerprint(Map.of("request", checked.request(), "drawer", String.valueOf(checked.drawer()))),
                () -> {
                    Payment payment = branch.take(new BranchPaymentCommand(checked.request(), teller, key));
                    if (checked.drawer() != null) {
                        // the API's cheque has no drawer; the counter keeps it in the payment's history (R25)
                        payments.addToHistory(payment.paymentId(), "CHEQUE_DRAWER", teller.name(),
                                Map.of("drawer", checked.drawer()));
                    }
                    return PaymentView.answer(201, payment);
                });
    }

    /** Back from the confirmation to the form, as filled in, under the same key. */
    @PostMapping("/edit")
    String edit(@PathVariable String handle, @ModelAttribute("form") PaymentForm form, BindingResult binding,
                Caller teller, HttpSession session, Model model) {
        At at = at(handle, form, teller, session);
        return again(at, handle, form, null, model);
    }

    /** The only fields that bind to numbers are the pieces counted. */
    private static void requireBound(BindingResult binding) {
        if (binding.hasErrors()) {
            throw new FormProblems(List.of(Problem.of("form.error.pieces")));
        }
    }

    /** The form checked as the API checks its request, plus the counter's own checks (PaymentChecks). */
    private Checked checked(At at, PaymentForm form, BindingResult binding) {
        requireBound(binding);
        return checks.check(form, at.accountNumber(), at.desk());
    }

    /** A step taken on the form checked; a problem with the form, or a refusal, shows the form again saying why. */
    private String checkedThen(String handle, PaymentForm form, BindingResult binding, Caller teller,
                               HttpSession session, Model model, Locale locale, BiFunction<At, Checked, String> step) {
        At at = at(handle, form, teller, session);
        try {
            return step.apply(at, checked(at, form, binding));
        } catch (FormProblems invalid) {
            return again(at, handle, form, problems.say(invalid.problems(), locale), model);
        } catch (Refusal refused) {
            return again(at, handle, form, List.of(problems.say(refused, locale)), model);
        }
    }

    private String again(At at, String handle, PaymentForm form, List<String> said, Model model) {
        counter.showAccount(handle, at.accountNumber(), form, model);
        model.addAttribute("desk", at.desk());
        model.addAttribute("problems", said);
        return "console/teller/account";
    }

    /** Who takes the payment, for which account, where: from the login and the session, never from the form. */
    private record At(Caller teller, String accountNumber, TellerDesk desk) { }

    private At at(String handle, PaymentForm form, Caller teller, HttpSession session) {
        String accountNumber = CounterController.accountNumber(session, handle);
        TellerDesk desk = desks.of(teller, session).orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT));
        FormKeys.requireValid(form.getIdempotencyKey());
        return new At(teller, accountNumber, desk);
    }
}
