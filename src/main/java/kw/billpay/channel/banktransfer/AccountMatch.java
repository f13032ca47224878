package kw.billpay.channel.banktransfer;

import java.util.List;
import java.util.Objects;
import kw.billpay.core.account.AccountNumbers;

/**
 * The matcher's decision for one transfer, with its reason: the account and the rule that found it, or why the transfer
 * goes to suspense (CONTRACT "Bank transfers": "no known account, or more than one: the transfer goes to suspense").
 *
 * @param accountNumber the matched account, or null
 * @param rule          where the number was found, or null when unmatched
 * @param reason        why nothing was matched, or null when matched
 * @param accounts      the distinct known accounts found, in the order found: one when matched, two or more when
 *                      AMBIGUOUS, none otherwise
 */
public record AccountMatch(String accountNumber, MatchRule rule, NoMatchReason reason, List<String> accounts) {

    /** Where the account number was found. */
    public enum MatchRule {
        /** In {@code RmtInf/Strd/CdtrRefInf/Ref}, the structured reference: the payer's most deliberate field. */
        CREDITOR_REFERENCE,
        /** In one {@code RmtInf/Ustrd} line. */
        USTRD,
        /** In {@code RmtInf/Ustrd}, its digits over two lines (the bank cut the line inside the number). */
        USTRD_ACROSS_LINES
    }

    /** Why a transfer is not matched: its suspense reason. */
    public enum NoMatchReason {
        /** No run of 6 to 19 digits in the remittance information (IBANs and phone numbers are no account numbers). */
        NO_NUMBER,
        /** Runs of 6 to 19 digits, none of them a known account. */
        UNKNOWN_NUMBER,
        /** Two or more different known accounts: guessing is worse than waiting (R27). */
        AMBIGUOUS
    }

    public AccountMatch {
        accounts = List.copyOf(accounts);
        if ((accountNumber == null) == (reason == null) || (accountNumber == null) != (rule == null)) {
            throw new IllegalArgumentException("either an account and its rule, or a reason");
        }
    }

    static AccountMatch matched(String accountNumber, MatchRule rule) {
        return new AccountMatch(Objects.requireNonNull(accountNumber), Objects.requireNonNull(rule), null,
                List.of(accountNumber));
    }

    static AccountMatch unmatched(NoMatchReason reason, List<String> accounts) {
        return new AccountMatch(null, null, Objects.requireNonNull(reason), accounts);
    }

    public boolean matched() {
        return accountNumber != null;
    }

    /** Account numbers masked: a match is logged. */
    @Override
    public String toString() {
        return matched() ? "MATCHED " + AccountNumbers.mask(accountNumber) + " by " + rule
                : reason + (accounts.isEmpty() ? "" : " " + accounts.stream().map(AccountNumbers::mask).toList());
    }
}
