package kw.billpay.console.supervisor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import kw.billpay.console.Problems;
import kw.billpay.console.Problems.Problem;
import kw.billpay.console.Shown;
import kw.billpay.console.till.TillBook;
import kw.billpay.console.till.TillCount;
import kw.billpay.console.till.TillDay;
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
    private final TillDay tillDay;
    private final Problems problems;
    private final Clock clock;

    /**
     * A count and its comparison with the teller's payments as they stand now, as the page lists it; {@code seen}
     * fingerprints both, for the sign-off.
     */
    record Waiting(TillCount count, String countedAt, java.util.List<TillBook.Row> rows, boolean even, String seen) { }

    @GetMapping
    String waiting(Model model) {
        model.addAttribute("waiting", tills.awaitingSignOff(100).stream().map(c -> {
            var expected = tillDay.expected(c.teller(), c.businessDate());
            var rows = TillBook.compare(expected, c.counted());
            return new Waiting(c, Shown.time(c.countedAt(), clock.getZone()), rows, TillBook.even(rows),
                    TillDay.fingerprint(c, expected));
        }).toList());
        return "console/supervisor/tills";
    }

    /**
     * Signs off what the supervisor saw: a count made again, or a payment the teller took, since the page was shown
     * is refused (the page then shows it), never signed unseen.
     */
    @PostMapping
    String signOff(@RequestParam String teller, @RequestParam String date, @RequestParam String seen,
                   Caller supervisor, RedirectAttributes redirect, Locale locale) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return signedOrNot(false, "tills.notSigned", teller, date, redirect, locale);
        }
        Optional<TillCount> count = tills.find(teller, day).filter(c -> !c.signedOff());
        if (count.isEmpty()) {
            return signedOrNot(false, "tills.notSigned", teller, date, redirect, locale);
        }
        var expected = tillDay.expected(teller, day);
        if (!TillDay.fingerprint(count.get(), expected).equals(seen)) {
            return signedOrNot(false, "tills.changed", teller, date, redirect, locale);
        }
        boolean signed = tills.signOff(teller, day, count.get().countedAt(), expected, supervisor.name(),
                OffsetDateTime.now(clock));
        return signedOrNot(signed, signed ? "tills.signed" : "tills.notSigned", teller, date, redirect, locale);
    }

    private String signedOrNot(boolean signed, String message, String teller, String date, RedirectAttributes redirect,
                               Locale locale) {
        redirect.addFlashAttribute(signed ? "signed" : "problem", problems.say(Problem.of(message, teller, date), locale));
        return "redirect:/console/supervisor/tills";
    }
}
