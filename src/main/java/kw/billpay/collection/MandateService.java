package kw.billpay.collection;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.regex.Pattern;
import kw.billpay.account.AccountService;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.core.Refusal;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.collection.Iban;
import kw.billpay.core.collection.MandateType;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, replaces and suspends mandates, each change kept with who made it and when. */
@Service
@RequiredArgsConstructor
public class MandateService {

    /** As a result file's mandate reference may be written: no comma, no space (the files have no quoting). */
    static final Pattern MANDATE_REF = Pattern.compile("[A-Za-z0-9./_-]{1,64}");

    private final MandateRepository mandates;
    private final AccountService accounts;
    private final Clock clock;

    public record Saved(Mandate mandate, boolean created) { }

    /**
     * Creates or replaces a mandate. Every value is checked before anything is written, so a refused request changes
     * nothing; a request that changes nothing adds nothing to the history.
     */
    @Transactional
    public Saved put(String mandateRef, MandateRequest request, String actor) {
        requireRef(mandateRef);
        AccountNumbers.requireValid("accountNumber", request.accountNumber());
        PartnerBank bank = PartnerBank.ofFolder(required("bank", request.bank())).orElseThrow(() -> Refusal.unprocessable(
                "UNKNOWN_BANK", "bank: '" + request.bank() + "' is not a partner bank " + Arrays.toString(PartnerBank.values())));
        if (!Iban.isValidKuwaiti(required("debtorAccount", request.debtorAccount()))) {
            throw Refusal.unprocessable("INVALID_IBAN", "debtorAccount: not a valid Kuwaiti IBAN (KW, 2 check digits, "
                    + "a 4-letter bank code and 22 letters or digits, upper case without spaces, ISO 13616 check digits)");
        }
        MandateType type = oneOf("type", request.type(), MandateType.values());
        // SUSPENDED is set by a bank's reason code, never put by OPS
        Mandate.Status status = oneOf("status", request.status(), new Mandate.Status[] {Mandate.Status.ACTIVE, Mandate.Status.CANCELLED});
        if (accounts.find(request.accountNumber()).isEmpty()) {
            throw Refusal.unprocessable("UNKNOWN_ACCOUNT",
                    "accountNumber: account " + AccountNumbers.mask(request.accountNumber()) + " is not known");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Mandate before = mandates.lock(mandateRef).orElse(null);
        Mandate after = new Mandate(mandateRef, request.accountNumber(), bank, request.debtorAccount(), type, status, null,
                before == null ? now : before.createdAt(), now);
        if (before != null && before.sameTermsAs(after)) {
            return new Saved(before, false);
        }
        try {
            mandates.save(before, after, actor, before == null ? "CREATED" : "REPLACED");
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("ACCOUNT_HAS_ACTIVE_MANDATE", "accountNumber: account "
                    + AccountNumbers.mask(request.accountNumber()) + " already has an active mandate; cancel it first");
        }
        return new Saved(after, before == null);
    }

    public Mandate get(String mandateRef) {
        requireRef(mandateRef);
        return mandates.find(mandateRef).orElseThrow(() -> Refusal.notFound("UNKNOWN_MANDATE",
                "mandate '" + mandateRef + "' is not known"));
    }

    /**
     * Suspends an active mandate because a bank said it can never be collected (a reason code the policy names, e.g.
     * AC04 account closed), in the caller's transaction: the result file's batch.
     */
    public void suspend(String mandateRef, String reasonCode, String actor) {
        mandates.lock(mandateRef).filter(m -> m.status() == Mandate.Status.ACTIVE).ifPresent(m ->
                mandates.save(m, new Mandate(m.mandateRef(), m.accountNumber(), m.bank(), m.debtorAccount(), m.type(),
                        Mandate.Status.SUSPENDED, reasonCode, m.createdAt(), OffsetDateTime.now(clock)), actor, "SUSPENDED"));
    }

    private static void requireRef(String mandateRef) {
        if (!MANDATE_REF.matcher(mandateRef).matches()) {
            throw Refusal.validation("mandateRef: 1 to 64 letters, digits, '.', '/', '_' or '-'");
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw Refusal.validation(field + ": is required");
        }
        return value;
    }

    private static <E extends Enum<E>> E oneOf(String field, String value, E[] allowed) {
        return Arrays.stream(allowed).filter(e -> e.name().equals(value)).findFirst()
                .orElseThrow(() -> Refusal.validation(field + ": must be one of " + Arrays.toString(allowed)));
    }
}
