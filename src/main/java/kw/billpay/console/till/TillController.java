package kw.billpay.console.till;

import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kw.billpay.console.Problems;
import kw.billpay.console.Problems.Problem;
import kw.billpay.console.teller.CashCount;
import kw.billpay.console.teller.TellerDesk;
import kw.billpay.console.teller.TellerDesks;
import kw.billpay.console.till.TillBook.Tally;
import kw.billpay.core.Refusal;
import kw.billpay.core.money.Currencies;
import kw.billpay.security.Caller;
import kw.billpay.web.RequestValues;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The teller's end of day. The count is blind: the page asks what is in the till before it shows what the payments
 * say should be there; once the count is entered it shows both and the over or short per tender and currency. The
 * teller may count again until a supervisor signs the day off.
 */
@Controller
@RequestMapping("/console/till")
@RequiredArgsConstructor
class TillController {

    private final TillDay tillDay;
    private final TillRepository tills;
    private final TellerDesks desks;
    private final Problems problems;
    private final Clock clock;

    @GetMapping
    String till(@RequestParam(required = false) String recount, Caller teller, Model model) {
        LocalDate today = LocalDate.now(clock);
        var count = tills.find(teller.name(), today);
        model.addAttribute("today", today.toString());
        if (count.isPresent() && (recount == null || count.get().signedOff())) {
            model.addAttribute("count", count.get());
            // signed off: as signed; else against the payments as they stand now (one taken since the count shows)
            var expected = count.get().signedOff() ? count.get().expected() : tillDay.expected(teller.name(), today);
            model.addAttribute("rows", TillBook.compare(expected, count.get().counted()));
            return "console/till/result";
        }
        return form(new TillForm(), null, model, today);
    }

    @PostMapping
    String count(@ModelAttribute("form") TillForm form, BindingResult binding, Caller teller,
                 HttpSession session, Model model, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        TellerDesk desk = desks.of(teller, session).orElse(null);
        if (desk == null) {
            return "redirect:/console/teller/desk";
        }
        Map<String, Tally> counted;
        try {
            if (binding.hasErrors()) {
                throw new IllegalArgumentException("not numbers");
            }
            counted = counted(form);
        } catch (IllegalArgumentException | Refusal invalid) {
            return form(form, problems.say(Problem.of("till.error"), locale), model, today);
        }
        Map<String, Tally> expected = tillDay.expected(teller.name(), today);
        Map<String, Integer> pieces = new LinkedHashMap<>();
        form.getPieces().forEach((id, n) -> {
            if (n != null && n > 0) {
                pieces.put(id, n);
            }
        });
        tills.save(new TillCount(teller.name(), today, desk.institution().name(), desk.branch(), counted, pieces,
                expected, OffsetDateTime.now(clock), null, null));
        return "redirect:/console/till";
    }

    private String form(TillForm form, String problem, Model model, LocalDate today) {
        model.addAttribute("today", today.toString());
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        model.addAttribute("kwd", CashCount.of("KWD"));
        model.addAttribute("usd", CashCount.of("USD"));
        model.addAttribute("tenders", List.of("CHEQUE", "DEMAND_DRAFT", "POS_KNET"));
        return "console/till/count";
    }

    /** The blind count per tender and currency: cash from its pieces, the others as entered. */
    static Map<String, Tally> counted(TillForm form) {
        Map<String, Tally> counted = new LinkedHashMap<>();
        for (String currency : TillBook.CURRENCIES) {
            BigDecimal cash = CashCount.total(currency, form.getPieces()).amount();
            counted.put(TillBook.key("CASH", currency), new Tally(null, cash));
            for (String tender : List.of("CHEQUE", "DEMAND_DRAFT", "POS_KNET")) {
                String key = TillBook.key(tender, currency);
                Integer n = form.getCounts().get(key);
                String amount = form.getAmounts().get(key);
                int instruments = n == null ? 0 : n;
                if (instruments < 0 || instruments > 10_000) {
                    throw new IllegalArgumentException(key);
                }
                BigDecimal total = amount == null || amount.isBlank() ? BigDecimal.ZERO
                        : RequestValues.amount(key, amount.trim(), Currencies.parse(currency), false).amount();
                counted.put(key, new Tally(instruments, total));
            }
        }
        return counted;
    }
}
