package kw.billpay.console;

import kw.billpay.security.Caller;
import kw.billpay.security.StaffRole;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The way in: the login page, each role's home, and the page a role sees where it may not go. */
@Controller
class ConsoleHome {

    @GetMapping("/console/login")
    String login() {
        return "console/login";
    }

    /** Each role starts on its own page. */
    @GetMapping({"/console", "/console/"})
    String home(Caller caller) {
        StaffRole role = caller.role();
        if (role == null) {
            return "redirect:/console/denied";
        }
        return switch (role) {
            case TELLER -> "redirect:/console/teller";
            case SUPERVISOR -> "redirect:/console/supervisor/clearing";
            case OPS -> "redirect:/console/operations";
        };
    }

    @RequestMapping("/console/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "console/denied";
    }
}
