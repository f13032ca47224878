package kw.billpay.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import kw.billpay.core.Refusal;
import kw.billpay.web.ProblemHandler;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;

/**
 * The console's pages fail as pages, in the page's language, never as the API's problem+json; a refusal keeps the
 * HTTP status its kind has everywhere ({@link ProblemHandler#statusOf}). Placed before the API's handler.
 */
@ControllerAdvice(basePackages = "kw.billpay.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor
@Slf4j
class ConsoleErrors {

    private final Problems problems;

    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        ConsoleModel.fill(model, request, locale);
        response.setStatus(ProblemHandler.statusOf(refusal.kind()).value());
        model.addAttribute("status", response.getStatus());
        model.addAttribute("detail", problems.say(refusal, locale));
        return "console/error";
    }

    @ExceptionHandler(ResponseStatusException.class)
    String status(ResponseStatusException e, HttpServletRequest request, HttpServletResponse response, Model model,
                  Locale locale) {
        ConsoleModel.fill(model, request, locale);
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("status", e.getStatusCode().value());
        return "console/error";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        ConsoleModel.fill(model, request, locale);
        log.error("Console page failed", e);
        response.setStatus(500);
        model.addAttribute("status", 500);
        return "console/error";
    }
}
