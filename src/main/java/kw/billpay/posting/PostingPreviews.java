package kw.billpay.posting;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import kw.billpay.account.AccountRepository;
import kw.billpay.core.account.Account;
import kw.billpay.core.money.FxRates;
import kw.billpay.core.payment.PaymentFlag;
import kw.billpay.core.payment.PaymentIntent;
import kw.billpay.core.payment.PaymentStatus;
import kw.billpay.core.payment.Posting;
import kw.billpay.core.payment.PostingRules;
import kw.billpay.issuer.IssuerRegistry;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What receiving a payment now would do, asked of the same {@link PostingRules} as {@link PostingService#receive} and
 * written nowhere: the staff console shows a teller the converted amount and the allocation before confirming.
 */
@Service
@RequiredArgsConstructor
public class PostingPreviews {

    private final AccountRepository accounts;
    private final FxRates fxRates;
    private final IssuerRegistry issuers;
    private final Clock clock;

    /** Refused as {@link PostingService#receive} would refuse the intent; otherwise what it would record. */
    @Transactional(readOnly = true)
    public PostingPreview preview(PaymentIntent intent) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Account account = accounts.find(intent.accountNumber())
                .orElseThrow(() -> PostingService.unknownAccount(intent.accountNumber()));
        PostingRules rules = new PostingRules(issuers.get(account.issuerId()), fxRates, clock.getZone());
        if (intent.refusable()) {
            PostingRules.requireOpen(account);
            rules.requireRate(intent.received().currency(), account, now);
        }
        OffsetDateTime valueTime = intent.valueTime() == null ? now : intent.valueTime();
        Set<PaymentFlag> flags = intent.refusable() ? intent.flags()
                : rules.reviewFlags(intent.received(), valueTime, intent.flags());
        Optional<Posting> posting = rules.posting(account, intent.received(), valueTime, flags);
        PaymentStatus outcome = intent.method().needsClearing() ? PaymentStatus.PENDING_CLEARING
                : posting.isPresent() ? PaymentStatus.POSTED : PaymentStatus.PENDING_FX;
        return new PostingPreview(account, outcome, posting.orElse(null));
    }
}
