package kw.billpay.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import kw.billpay.core.Refusal;
import kw.billpay.web.ProblemHandler;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
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

    /**
     * What Spring refuses before a page's method runs (a missing or mistyped parameter, a form field that is no field,
     * a method the path does not take): the status it carries, else 400. Bad input is never a 500.
     */
    @ExceptionHandler({ResponseStatusException.class, ServletRequestBindingException.class, TypeMismatchException.class,
            InvalidPropertyException.class, BindException.class, HttpMessageNotReadableException.class,
            HttpRequestMethodNotSupportedException.class})
    String status(Exception e, HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        ConsoleModel.fill(model, request, locale);
        int status = e instanceof ErrorResponse error ? error.getStatusCode().value() : 400;
        response.setStatus(status);
        model.addAttribute("status", status);
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
