package kw.billpay.knetsim;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The simulator's two KNET addresses: the hosted payment page and the inquiry service ({@code KNET_BASE_URL}/kpg/…). */
@RestController
@ConditionalOnProperty(name = "gateway.knet.simulator.enabled", havingValue = "true")
class KnetSimulatorController {

    private final KnetSimulator knet;

    KnetSimulatorController(KnetSimulator knet) {
        this.knet = knet;
    }

    @GetMapping(value = "/kpg/PaymentHTTP.htm", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> hostedPage(@RequestParam(defaultValue = "") String trandata) {
        return knet.merchantRequest(trandata)
                .map(request -> ResponseEntity.ok(knet.hostedPage(trandata, request)))
                .orElseGet(() -> ResponseEntity.badRequest().body("<p>Invalid payment request (trandata).</p>"));
    }

    @PostMapping(value = "/kpg/PaymentHTTP.htm", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> pressed(@RequestParam Map<String, String> form) {
        Map<String, String> request = knet.merchantRequest(form.getOrDefault("trandata", "")).orElse(null);
        if (request == null) {
            return ResponseEntity.badRequest().body("<p>Invalid payment request (trandata).</p>");
        }
        String next = knet.complete(request, "PAY".equals(form.get("choice")));
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(next)).build();
    }

    @PostMapping(value = "/kpg/tranPipe.htm", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> inquiry(@RequestBody(required = false) String xml) {
        return knet.inquire(xml).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build());
    }
}
