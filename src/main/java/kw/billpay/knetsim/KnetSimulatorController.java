package kw.billpay.knetsim;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The simulator's two KNET addresses: the hosted payment page and the inquiry service ({@code KNET_BASE_URL}/kpg/…). */
@RestController
@ConditionalOnProperty(name = "gateway.knet.simulator.enabled", havingValue = "true")
@RequiredArgsConstructor
class KnetSimulatorController {

    private final KnetSimulator knet;
    private final KnetSimulatorInquiry inquiry;

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

    /** The inquiry service; a scripted slow answer is sent later without holding a request thread. */
    @PostMapping("/kpg/tranPipe.htm")
    CompletableFuture<ResponseEntity<String>> inquiry(@RequestParam(required = false) String param,
                                                      @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                                      @RequestBody(required = false) String xml) {
        KnetSimulatorInquiry.Answer answer = inquiry.answer(param, contentType, xml);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
        if (answer.contentType() != null) {
            response.contentType(MediaType.parseMediaType(answer.contentType()));
        }
        ResponseEntity<String> entity = response.body(answer.body());
        return answer.delay().isZero() ? CompletableFuture.completedFuture(entity)
                : CompletableFuture.supplyAsync(() -> entity,
                        CompletableFuture.delayedExecutor(answer.delay().toMillis(), TimeUnit.MILLISECONDS));
    }
}
