package kw.billpay.console.supervisor;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kw.billpay.account.AccountService;
import kw.billpay.channel.banktransfer.BankTransferRepository.StoredLine;
import kw.billpay.channel.banktransfer.SuspenseQueue;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.console.AccountHandles;
import kw.billpay.console.FormKeys;
import kw.billpay.console.Problems;
import kw.billpay.console.Problems.Problem;
import kw.billpay.console.Shown;
import kw.billpay.core.Refusal;
import kw.billpay.core.account.Account;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.account.AccountStatus;
import kw.billpay.idempotency.IdempotencyService;
import kw.billpay.security.Caller;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The suspense queue of bank transfers (R27) for supervisors and operations, on the API's own service
 * ({@link SuspenseQueue}): the open items oldest first; an item assigned to an account once the account's holder has
 * been shown, or returned to the payer with a reason. Both actions run in the transaction of an idempotency key the
 * server put in the form ({@link IdempotencyService}, as the API's {@code Idempotency-Key}): a double click or a
 * resubmission finds the first answer, never a second payment. A closed item says so (the API's 409).
 */
@Controller
@RequestMapping("/console/supervisor/suspense")
@RequiredArgsConstructor
class SuspenseQueueController {

    static final int SHOWN = 100;
    private static final String PAGE = "console/supervisor/suspense";
    private static final String ASSIGN_PAGE = "console/supervisor/suspense-assign";

    private final SuspenseQueue suspense;
    private final AccountService accounts;
    private final IdempotencyService idempotency;
    private final Problems problems;
    private final Clock clock;

    /** The account a transfer is about to be assigned to, as the supervisor sees it before confirming. */
    record AssignTo(String account, String holder, String status, boolean open) {
        static AssignTo of(Account account) {
            return new AssignTo(Shown.account(account.accountNumber()), account.holderName(), account.status().name(),
                    account.status() != AccountStatus.CLOSED);
        }
    }

    /** The open items, oldest first: a page of {@value #SHOWN} after the id {@code after}, optionally one bank's. */
    @GetMapping
    String open(@RequestParam(defaultValue = "0") long after, @RequestParam(required = false) String bank, Model model) {
        PartnerBank partner = bank == null ? null : PartnerBank.ofFolder(bank).orElse(null);
        List<SuspenseRow> items = suspense.list("OPEN", partner, Math.max(0, after), SHOWN).stream().map(this::row).toList();
        model.addAttribute("items", items);
        model.addAttribute("banks", PartnerBank.values());
        model.addAttribute("bank", partner == null ? null : partner.name());
        model.addAttribute("after", after);
        model.addAttribute("next", items.size() == SHOWN ? items.get(items.size() - 1).id() : null);
        return PAGE;
    }

    /** One item and the account number to assign it to. */
    @GetMapping("/{id}/assignment")
    String assignment(@PathVariable long id, Model model) {
        model.addAttribute("item", row(suspense.get(id)));
        return ASSIGN_PAGE;
    }

    /** The account typed, with its holder, before anything is assigned. Posted: the number stays out of URLs. */
    @PostMapping("/{id}/assignment/check")
    String check(@PathVariable long id, @RequestParam(required = false) String accountNumber, HttpSession session,
                 Model model, Locale locale) {
        SuspenseRow item = row(suspense.get(id));
        model.addAttribute("item", item);
        if (!item.open()) {
            return ASSIGN_PAGE;
        }
        String number = accountNumber == null ? "" : accountNumber.replaceAll("[\\s-]", "");
        try {
            AccountNumbers.requireValid("accountNumber", number);
            model.addAttribute("account", AssignTo.of(accounts.get(number)));
            model.addAttribute("handle", AccountHandles.remember(session, number));
            model.addAttribute("idempotencyKey", FormKeys.fresh());
        } catch (Refusal refused) {
            model.addAttribute("problem", problems.say(Problem.of(
                    refused.kind() == Refusal.Kind.NOT_FOUND ? "find.unknown" : "find.invalid"), locale));
        }
        return ASSIGN_PAGE;
    }

    /** Confirmed: assigned by the API's service, in the form key's transaction; once, whatever the browser repeats. */
    @PostMapping("/{id}/assignment")
    String assign(@PathVariable long id, @RequestParam String handle, @RequestParam String idempotencyKey,
                  Caller supervisor, HttpSession session, Model model, RedirectAttributes redirect,
                  Locale locale) {
        String number = AccountHandles.accountNumber(session, handle)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FormKeys.requireValid(idempotencyKey);
        try {
            // the API's fingerprint of the same assignment: one request, whichever way it came
            idempotency.execute(supervisor, idempotencyKey, IdempotencyService.fingerprint(
                    List.of("suspense-assignment", id, Map.of("accountNumber", number))), () -> {
                        StoredLine assigned = suspense.assign(id, number, supervisor.name());
                        return new IdempotencyService.Answer(200, Map.of("id", id, "status", "ASSIGNED",
                                "paymentId", assigned.paymentId()), assigned.paymentId());
                    });
        } catch (Refusal refused) {
            SuspenseRow item = row(suspense.get(id));
            model.addAttribute("item", item);
            model.addAttribute("problem", item.open() ? problems.say(refused, locale) : closed(locale));
            return ASSIGN_PAGE;
        }
        SuspenseRow item = row(suspense.get(id));
        String holder = accounts.find(number).map(Account::holderName).orElse("");
        redirect.addFlashAttribute("done", problems.say(Problem.of("suspense.assigned", Shown.ltr(item.amount()),
                item.bank(), Shown.ltr(Shown.account(number)), Shown.isolated(holder)), locale));
        return "redirect:/console/supervisor/suspense";
    }

    /** Returned to the payer with a reason, in the form key's transaction. With htmx only the row changes. */
    @PostMapping("/{id}/return")
    String returnToPayer(@PathVariable long id, @RequestParam(required = false) String reason,
                         @RequestParam String idempotencyKey,
                         @RequestHeader(name = "HX-Request", required = false) String htmx,
                         Caller supervisor, Model model, RedirectAttributes redirect, Locale locale) {
        FormKeys.requireValid(idempotencyKey);
        String said = null;
        try {
            idempotency.execute(supervisor, idempotencyKey, IdempotencyService.fingerprint(
                    List.of("suspense-return", id, Map.of("reason", reason == null ? "" : reason))), () ->
                    new IdempotencyService.Answer(200, Map.of("id", id, "status", SuspenseQueue.apiStatus(
                            suspense.returnToPayer(id, reason, supervisor.name()).status())), null));
        } catch (Refusal refused) {
            said = problems.say(refused, locale);
        }
        SuspenseRow after = row(suspense.get(id));
        if (said != null && !after.open()) {
            said = closed(locale);
        }
        if (htmx == null) {
            redirect.addFlashAttribute(said == null ? "done" : "problem", said == null
                    ? problems.say(Problem.of("suspense.returned", Shown.ltr(after.amount()), after.bank()), locale) : said);
            return "redirect:/console/supervisor/suspense";
        }
        model.addAttribute("i", after);
        model.addAttribute("problem", said);
        return PAGE + " :: row";
    }

    private SuspenseRow row(StoredLine item) {
        return SuspenseRow.of(item, clock.getZone(), FormKeys.fresh());
    }

    /** The API's 409 SUSPENSE_ITEM_CLOSED, in the page's language. */
    private String closed(Locale locale) {
        return problems.say(Problem.of("refusal.SUSPENSE_ITEM_CLOSED"), locale);
    }
}
