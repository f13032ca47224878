package kw.billpay.channel.knet;

import java.util.Map;
import java.util.TreeMap;
import kw.billpay.channel.knet.KnetCallbacks.CallbackOutcome;
import kw.billpay.channel.knet.KnetCallbacks.KnetCallback;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * KNET's server-to-server callbacks (CONTRACT): form-encoded, no session, no other authentication (the encrypted
 * {@code trandata} is what proves KNET), answered with exactly one line {@code REDIRECT=<url>}. The flow is in
 * {@code routes/online.camel.yaml}.
 */
@RestController
@RequestMapping(value = "/knet", produces = MediaType.TEXT_PLAIN_VALUE)
@RequiredArgsConstructor
class KnetCallbackController {

    private final KnetCallbackRoute callbacks;

    @PostMapping("/response")
    String response(@RequestParam Map<String, String> form) {
        return redirect("response", form);
    }

    @PostMapping("/error")
    String error(@RequestParam Map<String, String> form) {
        return redirect("error", form);
    }

    private String redirect(String endpoint, Map<String, String> form) {
        CallbackOutcome outcome = callbacks.receive(new KnetCallback(endpoint, new TreeMap<>(form)));
        return "REDIRECT=" + outcome.redirectUrl();
    }
}
