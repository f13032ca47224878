package kw.billpay.console.supervisor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import kw.billpay.console.Problems;
import kw.billpay.console.Problems.Problem;
import kw.billpay.console.Shown;
import kw.billpay.console.till.TillBook;
import kw.billpay.console.till.TillCount;
import kw.billpay.console.till.TillRepository;
import kw.billpay.security.Caller;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Tellers' end-of-day counts waiting for a supervisor, with their over and short; each signed off in one action. */
@Controller
@RequestMapping("/console/supervisor/tills")
@RequiredArgsConstructor
class TillSignOffController {

    private final TillRepository tills;
    private final Problems problems;
    private final Clock clock;

    /** A count and its comparison, as the page lists it. */
    record Waiting(TillCount count, String countedAt, java.util.List<TillBook.Row> rows, boolean even) { }

    @GetMapping
    String waiting(Model model) {
        model.addAttribute("waiting", tills.awaitingSignOff(100).stream().map(c -> {
            var rows = TillBook.compare(c.expected(), c.counted());
            return new Waiting(c, Shown.time(c.countedAt(), clock.getZone()), rows, TillBook.even(rows));
        }).toList());
        return "console/supervisor/tills";
    }

    @PostMapping
    String signOff(@RequestParam String teller, @RequestParam String date, Caller supervisor,
                   RedirectAttributes redirect, Locale locale) {
        boolean signed;
        try {
            signed = tills.signOff(teller, LocalDate.parse(date), supervisor.name(), OffsetDateTime.now(clock));
        } catch (DateTimeParseException e) {
            signed = false;
        }
        redirect.addFlashAttribute(signed ? "signed" : "problem", problems.say(
                Problem.of(signed ? "tills.signed" : "tills.notSigned", teller, date), locale));
        return "redirect:/console/supervisor/tills";
    }
}
