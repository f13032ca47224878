package kw.billpay.channel.knet;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import kw.billpay.core.payment.Payment;
import kw.billpay.web.PublicUrl;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The address of KNET's hosted payment page for an intent (CONTRACT "Online and mobile payments through KNET"): the
 * request travels encrypted in {@code trandata}; the customer's browser is sent there, and KNET calls the gateway back.
 */
@Component("knetPaymentPage")
@RequiredArgsConstructor
public class KnetPaymentPage {

    /** ISO 4217 numeric code of KWD, the only currency KNET takes (DOMAIN R5). */
    static final String KWD_NUMERIC = "414";

    private final KnetProperties knet;
    private final PublicUrl publicUrl;
    private final KnetCipher cipher;

    /** Where KNET is: {@code KNET_BASE_URL}, or the built-in simulator at the gateway's own address. */
    public String knetBaseUrl() {
        return knet.baseUrl() == null || knet.baseUrl().isBlank() ? publicUrl.get() : knet.baseUrl();
    }

    /** What the channel back end gets for a started payment. */
    public record OnlinePaymentStarted(String paymentId, String trackId, String status, String redirectUrl) { }

    public OnlinePaymentStarted started(Payment intent) {
        return new OnlinePaymentStarted(intent.paymentId().toString(), intent.reference(), intent.status().name(),
                redirectUrl(intent));
    }

    String redirectUrl(Payment intent) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("id", knet.tranportalId());
        request.put("password", knet.tranportalPassword());
        request.put("action", "1"); // purchase
        request.put("langid", "USA");
        request.put("currencycode", KWD_NUMERIC);
        request.put("amt", intent.received().toPlainString()); // KWD: always 3 decimals
        request.put("trackid", intent.reference());
        request.put("responseURL", responseUrl());
        request.put("errorURL", errorUrl());
        request.put("udf1", intent.paymentId().toString());
        request.put("udf2", intent.channel().name());
        request.put("udf3", "");
        request.put("udf4", "");
        request.put("udf5", "");
        return knetBaseUrl() + "/kpg/PaymentHTTP.htm?param=paymentInit"
                + "&trandata=" + cipher.encrypt(formEncode(request))
                + "&tranportalId=" + encode(knet.tranportalId())
                + "&responseURL=" + encode(responseUrl())
                + "&errorURL=" + encode(errorUrl());
    }

    String responseUrl() {
        return publicUrl.get() + "/knet/response";
    }

    String errorUrl() {
        return publicUrl.get() + "/knet/error";
    }

    static String formEncode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, UTF_8);
    }
}
