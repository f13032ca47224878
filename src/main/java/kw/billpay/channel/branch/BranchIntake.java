package kw.billpay.channel.branch;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kw.billpay.core.payment.PaymentCommand;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import kw.billpay.core.payment.Channel;
import kw.billpay.core.payment.PaymentIntent;
import kw.billpay.core.Refusal;
import kw.billpay.security.Caller;
import kw.billpay.web.RequestValues;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Turns a teller's request into a normalised {@link PaymentIntent}. What the request alone can tell is checked here;
 * what depends on the account (known, open, a rate for its currency) the posting core checks under the account's lock.
 */
@Component("branchIntake")
@RequiredArgsConstructor
public class BranchIntake {

    /** Cash and cheques in KWD and USD (000; DOMAIN R20). */
    private static final Currency KWD = Currencies.parse("KWD");
    private static final Set<Currency> BRANCH_CURRENCIES = Set.of(KWD, Currencies.parse("USD"));

    private final Clock clock;
    private final Counters counters;

    /** A teller's request with who sent it. */
    public record BranchPaymentCommand(BranchPaymentRequest request, Caller caller, String idempotencyKey) {

        /** Who took the payment (a teller, or staff at the console). */
        public String teller() {
            return caller.name();
        }
    }

    /** What a supervisor records about a held cheque or draft. */
    public enum ClearingOutcome { CLEARED, RETURNED }

    /** A supervisor's clearing result for a payment, with who recorded it. */
    public record ClearingCommand(UUID paymentId, ClearingOutcome outcome, String reason, String supervisor) { }

    /** The lifecycle step a clearing result asks for: CLEARED posts with the clearing time as value time (R18, R19). */
    public PaymentCommand settlement(ClearingCommand command) {
        return switch (command.outcome()) {
            case CLEARED -> new PaymentCommand.Clear(command.paymentId(), OffsetDateTime.now(clock), command.supervisor());
            case RETURNED -> new PaymentCommand.ReturnUncleared(command.paymentId(), command.reason(), command.supervisor());
        };
    }

    public PaymentIntent normalise(BranchPaymentCommand command) {
        BranchPaymentRequest request = command.request();
        String accountNumber = AccountNumbers.requireValid("accountNumber", request.accountNumber());
        Currency currency = RequestValues.currency("amount.currency", request.amount().currency());
        if (!BRANCH_CURRENCIES.contains(currency)) {
            throw Refusal.unprocessable("UNSUPPORTED_CURRENCY", "amount.currency: a branch takes KWD or USD, not " + currency);
        }
        if (request.method() == BranchPaymentRequest.BranchMethod.POS_KNET && !currency.equals(KWD)) {
            throw Refusal.unprocessable("UNSUPPORTED_CURRENCY", "amount.currency: a KNET card at the counter pays in KWD"
                    + " only (R5), not " + currency);
        }
        Money amount = RequestValues.amount("amount.amount", request.amount().amount(), currency, true);
        boolean needsCheque = request.method().paymentMethod().needsClearing();
        if (needsCheque && request.cheque() == null) {
            throw Refusal.validation("cheque: is required for " + request.method());
        }
        if (!needsCheque && request.cheque() != null) {
            throw Refusal.validation("cheque: only for CHEQUE and DEMAND_DRAFT");
        }
        Counters.Counter counter = counters.of(command.caller(), request);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, String> origin = new LinkedHashMap<>();
        origin.put("teller", command.teller());
        origin.put("institution", counter.institution().name());
        origin.put("branch", counter.branch());
        if (request.cheque() != null) {
            // the unique index payment_cheque_once (V16) reads these two keys: a cheque is taken once
            origin.put("chequeNumber", request.cheque().number());
            origin.put("chequeBank", request.cheque().bank());
            origin.put("chequeDate", request.cheque().date().toString());
        }
        if (request.posReference() != null) {
            origin.put("posReference", request.posReference());
        }
        return new PaymentIntent(
                "BRANCH:" + command.teller() + ":" + command.idempotencyKey(),
                Channel.BRANCH,
                request.method().paymentMethod(),
                accountNumber,
                amount,
                needsCheque ? null : now, // cash and POS count when the teller takes them; a cheque when it clears (R18)
                counter.toString(),
                origin,
                Set.of(),
                command.teller(),
                true); // at the counter the teller can still hand the money back
    }

    /**
     * CHEQUE_ALREADY_TAKEN (the branch route's answer to the unique index payment_cheque_once of V16): the same instrument (method, bank, number) is with another payment that was not returned,
     * for this account or another; the cheque is the money, so it is taken once.
     */
    public void refuseChequeTaken(PaymentIntent intent) {
        throw Refusal.conflict("CHEQUE_ALREADY_TAKEN", "cheque: " + intent.method() + " " + intent.origin().get("chequeNumber")
                + " of " + intent.origin().get("chequeBank").strip().toUpperCase(Locale.ROOT)
                + " was already taken and not returned; a cheque is taken once");
    }
}
