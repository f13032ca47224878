package kw.billpay.console;

import java.util.List;
import java.util.Locale;
import kw.billpay.core.Refusal;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What went wrong, in the page's language: a console message by key, or a refusal of the business rules by its code
 * ({@code refusal.<CODE>} in the messages), with the rules' own English detail when no message names the code.
 */
@Component
@RequiredArgsConstructor
public class Problems {

    private final MessageSource messages;

    /** A problem found by the console itself: a message key and its arguments. */
    public record Problem(String key, List<Object> args) {
        public static Problem of(String key, Object... args) {
            return new Problem(key, List.of(args));
        }
    }

    public String say(Problem problem, Locale locale) {
        return messages.getMessage(problem.key(), problem.args().toArray(), problem.key(), locale);
    }

    public List<String> say(List<Problem> problems, Locale locale) {
        return problems.stream().map(p -> say(p, locale)).toList();
    }

    public String say(Refusal refusal, Locale locale) {
        return messages.getMessage("refusal." + refusal.code(), new Object[] {refusal.getMessage()},
                refusal.getMessage(), locale);
    }
}
