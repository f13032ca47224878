package kw.billpay.console;

import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.util.WebUtils;

/**
 * The accounts looked up in this session (a teller's, a supervisor's assigning a transfer), each under a short random
 * handle that stands for it in the pages' URLs and forms: a full card number never leaves the server once typed, not
 * even in a hidden field or a link.
 */
public final class AccountHandles {

    private static final String ATTRIBUTE = "console.accounts";
    private static final int KEPT = 50;
    private static final String LETTERS = "abcdefghijkmnpqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccountHandles() {
    }

    /** The handle of an account number, the same one when it was looked up before in this session. */
    public static String remember(HttpSession session, String accountNumber) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Map<String, String> handles = handles(session);
            for (Map.Entry<String, String> known : handles.entrySet()) {
                if (known.getValue().equals(accountNumber)) {
                    return known.getKey();
                }
            }
            StringBuilder handle = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                handle.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
            }
            handles.put(handle.toString(), accountNumber);
            session.setAttribute(ATTRIBUTE, handles); // set again so that a replicated session sees the change
            return handle.toString();
        }
    }

    public static Optional<String> accountNumber(HttpSession session, String handle) {
        return Optional.ofNullable(handles(session).get(handle));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> handles(HttpSession session) {
        Map<String, String> handles = (Map<String, String>) session.getAttribute(ATTRIBUTE);
        if (handles == null) {
            handles = new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > KEPT;
                }
            };
        }
        return handles;
    }
}
