package kw.billpay.channel.knet;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.Optional;
import java.util.UUID;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.payment.Payment;
import kw.billpay.posting.Payments;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where KNET's {@code REDIRECT=} line sends the customer's browser: the receipt of an online payment, or the error
 * page. The payment id in the address is unguessable; the page shows only the last 4 digits of the account.
 */
@RestController
@RequiredArgsConstructor
class KnetPagesController {

    private final Payments payments;

    @GetMapping(value = "/knet/receipt/{paymentId}", produces = MediaType.TEXT_HTML_VALUE)
    String receipt(@PathVariable String paymentId) {
        Optional<Payment> payment = find(paymentId);
        if (payment.isEmpty()) {
            return page("Payment not found", "<p>We could not find this payment.</p>");
        }
        Payment p = payment.get();
        String state = switch (p.status()) {
            case POSTED -> "Your payment has been received and credited to your card account.";
            case INITIATED, PENDING_FX -> "Your payment was accepted by KNET and is being confirmed; it will be credited shortly.";
            default -> "This payment was not completed (" + p.status() + ").";
        };
        return page("Payment receipt", "<p>" + htmlEscape(state) + "</p><table>"
                + row("Reference number", p.reference())
                + row("Amount", p.received().toPlainString() + " " + p.received().currency())
                + row("Card account", "ending " + AccountNumbers.last4(p.accountNumber()))
                + row("Payment id", p.paymentId().toString()) + "</table>");
    }

    @GetMapping(value = "/knet/failed/{paymentId}", produces = MediaType.TEXT_HTML_VALUE)
    String failed(@PathVariable String paymentId) {
        String reference = find(paymentId).map(p -> "<p>Reference number: " + htmlEscape(p.reference()) + "</p>").orElse("");
        return page("Payment not completed", "<p>Your payment was not completed and nothing was charged to your card "
                + "account by this attempt. You may try again.</p>" + reference);
    }

    private Optional<Payment> find(String paymentId) {
        try {
            return payments.find(UUID.fromString(paymentId));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static String row(String label, String value) {
        return "<tr><td>" + htmlEscape(label) + "</td><td>" + htmlEscape(value) + "</td></tr>";
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <style>body{font-family:sans-serif;max-width:32em;margin:2em auto}td{padding:.2em .6em}</style></head>
                <body><h1>%s</h1>%s</body></html>""".formatted(htmlEscape(title), htmlEscape(title), body);
    }
}
