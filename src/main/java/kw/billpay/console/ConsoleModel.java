package kw.billpay.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import kw.billpay.security.Caller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page's layout needs: who is logged in, the language and direction, where the page is. */
@ControllerAdvice(basePackages = "kw.billpay.console")
class ConsoleModel {

    @ModelAttribute
    void layout(Model model, HttpServletRequest request, Locale locale) {
        fill(model, request, locale);
    }

    /** Also for the error pages, whose model no {@code @ModelAttribute} method fills. */
    static void fill(Model model, HttpServletRequest request, Locale locale) {
        boolean arabic = locale.getLanguage().equals("ar");
        model.addAttribute("lang", arabic ? "ar" : "en");
        model.addAttribute("dir", arabic ? "rtl" : "ltr");
        model.addAttribute("otherLang", arabic ? "en" : "ar");
        // the language switch reloads a page that can be reloaded; after a form was posted, the role's home
        model.addAttribute("here", "GET".equals(request.getMethod()) ? request.getRequestURI() : "/console");
        model.addAttribute("htmxVersion", ConsoleWeb.HTMX_VERSION);
        Caller.current().ifPresent(caller -> {
            model.addAttribute("user", caller.name());
            model.addAttribute("role", caller.role() == null ? null : caller.role().name());
        });
    }
}
