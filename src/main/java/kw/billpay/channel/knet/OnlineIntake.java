package kw.billpay.channel.knet;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import kw.billpay.core.payment.Channel;
import kw.billpay.core.payment.PaymentIntent;
import kw.billpay.core.payment.PaymentMethod;
import kw.billpay.core.Refusal;
import kw.billpay.web.RequestValues;
import org.springframework.stereotype.Component;

/**
 * Turns a channel back end's request into a normalised intent to pay through KNET. What the request alone can tell is
 * checked here; the account and the issuer's minimum and maximum are checked by the posting core when it records the
 * intent.
 */
@Component("onlineIntake")
public class OnlineIntake {

    /** A web or mobile back end's request, with its channel. */
    public record OnlinePaymentCommand(OnlinePaymentRequest request, Channel channel) { }

    public PaymentIntent normalise(OnlinePaymentCommand command) {
        OnlinePaymentRequest request = command.request();
        String accountNumber = AccountNumbers.requireValid("accountNumber", request.accountNumber());
        var currency = RequestValues.currency("amount.currency", request.amount().currency());
        if (!currency.equals(Currencies.parse("KWD"))) {
            throw Refusal.unprocessable("UNSUPPORTED_CURRENCY", "amount.currency: KNET takes KWD only, not " + currency);
        }
        Money amount = RequestValues.amount("amount.amount", request.amount().amount(), currency, true);
        // KNET's track id: unique, alphanumeric, at most 40 characters
        String trackId = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        return new PaymentIntent(
                "KNET:" + trackId,
                command.channel(),
                PaymentMethod.KNET,
                accountNumber,
                amount,
                null, // the money counts when KNET captured it (DOMAIN R18)
                trackId,
                Map.of("backEnd", command.channel().name()),
                Set.of(),
                "channel:" + command.channel(),
                true); // nothing is paid yet: the customer can still be turned away
    }
}
