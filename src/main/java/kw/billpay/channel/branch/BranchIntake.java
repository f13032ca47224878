package kw.billpay.channel.branch;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kw.billpay.account.Account;
import kw.billpay.account.AccountNumbers;
import kw.billpay.account.AccountRepository;
import kw.billpay.account.AccountStatus;
import kw.billpay.fx.FxRateRepository;
import kw.billpay.money.Currencies;
import kw.billpay.money.Money;
import kw.billpay.posting.Channel;
import kw.billpay.posting.PaymentIntent;
import kw.billpay.web.ApiException;
import kw.billpay.web.RequestValues;
import org.springframework.stereotype.Component;

/**
 * Turns a teller's request into a normalised {@link PaymentIntent}: every check that can refuse the payment happens
 * here, at the counter, before any money is booked.
 */
@Component("branchIntake")
public class BranchIntake {

    /** Cash and cheques in KWD and USD (000; DOMAIN R20). */
    private static final Set<Currency> BRANCH_CURRENCIES = Set.of(Currencies.parse("KWD"), Currencies.parse("USD"));

    private final AccountRepository accounts;
    private final FxRateRepository fxRates;
    private final Clock clock;

    public BranchIntake(AccountRepository accounts, FxRateRepository fxRates, Clock clock) {
        this.accounts = accounts;
        this.fxRates = fxRates;
        this.clock = clock;
    }

    /** A teller's request with who sent it. */
    public record BranchPaymentCommand(BranchPaymentRequest request, String teller, String idempotencyKey) { }

    public PaymentIntent normalise(BranchPaymentCommand command) {
        BranchPaymentRequest request = command.request();
        String accountNumber = AccountNumbers.requireValid("accountNumber", request.accountNumber());
        Currency currency = RequestValues.currency("amount.currency", request.amount().currency());
        if (!BRANCH_CURRENCIES.contains(currency)) {
            throw ApiException.unprocessable("UNSUPPORTED_CURRENCY", "amount.currency: a branch takes KWD or USD, not " + currency);
        }
        Money amount = RequestValues.amount("amount.amount", request.amount().amount(), currency, true);
        boolean needsCheque = request.method().paymentMethod().needsClearing();
        if (needsCheque && request.cheque() == null) {
            throw ApiException.validation("cheque: is required for " + request.method());
        }
        if (!needsCheque && request.cheque() != null) {
            throw ApiException.validation("cheque: only for CHEQUE and DEMAND_DRAFT");
        }
        Account account = accounts.find(accountNumber).orElseThrow(() -> ApiException.unprocessable("UNKNOWN_ACCOUNT",
                "accountNumber: account " + AccountNumbers.mask(accountNumber) + " is not known"));
        if (account.status() == AccountStatus.CLOSED) {
            throw ApiException.unprocessable("ACCOUNT_NOT_OPEN", "account " + AccountNumbers.mask(accountNumber) + " is closed");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!amount.currency().equals(account.currency()) && fxRates.rateAt(amount.currency(), account.currency(), now).isEmpty()) {
            // Refused at the counter rather than held: the teller can still hand the money back (CONTRACT "FX rates").
            throw ApiException.unprocessable("NO_FX_RATE", "no " + amount.currency() + "->" + account.currency()
                    + " rate is in force; the payment cannot be taken in " + amount.currency());
        }
        Map<String, String> origin = new LinkedHashMap<>();
        origin.put("teller", command.teller());
        origin.put("institution", request.institution().name());
        origin.put("branch", request.branch());
        if (request.cheque() != null) {
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
                request.institution() + "/" + request.branch(),
                origin,
                Set.of(),
                command.teller());
    }
}
