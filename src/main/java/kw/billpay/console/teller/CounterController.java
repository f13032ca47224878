package kw.billpay.console.teller;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Locale;
import kw.billpay.account.AccountService;
import kw.billpay.console.AccountHandles;
import kw.billpay.console.FormKeys;
import kw.billpay.console.PaymentRow;
import kw.billpay.console.Problems;
import kw.billpay.console.Problems.Problem;
import kw.billpay.core.Refusal;
import kw.billpay.core.account.Account;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.posting.Payments;
import kw.billpay.security.Caller;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The teller's counter: where the teller works, finding an account, and the account with its payment form. */
@Controller
@RequestMapping("/console/teller")
@RequiredArgsConstructor
class CounterController {

    /** How many of an account's latest payments the counter shows. */
    static final int RECENT = 10;

    private final AccountService accounts;
    private final Payments payments;
    private final TellerDesks desks;
    private final Problems problems;
    private final Clock clock;

    @GetMapping
    String find(Caller teller, HttpSession session, Model model) {
        if (desks.needsChoosing(teller, session)) {
            return "redirect:/console/teller/desk";
        }
        model.addAttribute("desk", desks.of(teller, session).orElseThrow());
        return "console/teller/find";
    }

    /** A teller whose user has no counter configured: why no payment can be taken here. */
    @GetMapping("/desk")
    String desk() {
        return "console/teller/desk";
    }

    /** Posted, not a GET: the card number stays out of URLs, browser history and access logs. */
    @PostMapping("/find")
    String lookUp(@RequestParam(required = false) String accountNumber, Caller teller,
                  HttpSession session, Model model, Locale locale) {
        String number = accountNumber == null ? "" : accountNumber.replaceAll("[\\s-]", "");
        try {
            AccountNumbers.requireValid("accountNumber", number);
            accounts.get(number);
        } catch (Refusal refused) {
            model.addAttribute("desk", desks.of(teller, session).orElse(null));
            model.addAttribute("problem", refused.kind() == Refusal.Kind.NOT_FOUND
                    ? problems.say(Problem.of("find.unknown"), locale) : problems.say(Problem.of("find.invalid"), locale));
            return "console/teller/find";
        }
        return "redirect:/console/teller/accounts/" + AccountHandles.remember(session, number);
    }

    @GetMapping("/accounts/{handle}")
    String account(@PathVariable String handle, Caller teller, HttpSession session, Model model) {
        if (desks.needsChoosing(teller, session)) {
            return "redirect:/console/teller/desk";
        }
        PaymentForm form = new PaymentForm();
        form.setIdempotencyKey(FormKeys.fresh());
        showAccount(handle, accountNumber(session, handle), form, model);
        model.addAttribute("desk", desks.of(teller, session).orElseThrow());
        return "console/teller/account";
    }

    /** The account page's model: the account, its latest payments, the payment form and the denominations. */
    void showAccount(String handle, String accountNumber, PaymentForm form, Model model) {
        Account account = accounts.get(accountNumber);
        model.addAttribute("handle", handle);
        model.addAttribute("account", AccountPanel.of(account));
        model.addAttribute("payments", payments.ofAccount(accountNumber, RECENT).stream()
                .map(p -> PaymentRow.of(p, clock.getZone())).toList());
        model.addAttribute("form", form);
        model.addAttribute("kwd", CashCount.of("KWD"));
        model.addAttribute("usd", CashCount.of("USD"));
    }

    /** The account number behind a handle of this session; an unknown handle is a page that does not exist. */
    static String accountNumber(HttpSession session, String handle) {
        return AccountHandles.accountNumber(session, handle)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
