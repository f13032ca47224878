package kw.billpay.channel.banktransfer;

import java.util.Set;
import java.util.stream.Collectors;
import kw.billpay.core.account.AccountNumbers;

/**
 * The matching decision for one transfer, with its reason in words (every decision explained): exactly one known
 * account in the remittance information posts it there; anything else, or a transfer without a bank reference, holds
 * it in suspense (R27). Pure: {@code known} holds the candidate numbers that are accounts.
 */
final class TransferMatching {

    private TransferMatching() {
    }

    static TransferLine decide(TransferLine transfer, Set<String> known) {
        AccountMatch match = AccountNumberMatcher.match(transfer.unstructured(), transfer.creditorReferences(), known::contains);
        // an entry without details is matched on its AddtlNtryInf, which the matcher reads as Ustrd
        String rule = !match.matched() ? null
                : transfer.detailIndex() == 0 ? TransferLine.ADDITIONAL_ENTRY_INFO : match.rule().name();
        String where = transfer.detailIndex() == 0 ? "AddtlNtryInf" : "the remittance information";
        if (transfer.bankReference() == null) {
            String hint = match.matched() ? where + " names account " + AccountNumbers.mask(match.accountNumber())
                    + " (" + rule + ")" : why(match, where);
            return transfer.toSuspense(TransferLine.NO_BANK_REFERENCE, "the bank gave no AcctSvcrRef, so a resent file "
                    + "could not be told from a new transfer: check it was not received before; " + hint);
        }
        if (match.matched()) {
            return transfer.toPost(match.accountNumber(), rule, "account " + AccountNumbers.mask(match.accountNumber())
                    + " found in " + where + " (" + rule + ")");
        }
        return transfer.toSuspense(match.reason().name(), why(match, where));
    }

    private static String why(AccountMatch match, String where) {
        return switch (match.reason()) {
            case NO_NUMBER -> "no run of 6 to 19 digits in " + where + " (IBANs and phone numbers are not account numbers)";
            case UNKNOWN_NUMBER -> "no number in " + where + " is a known account";
            case AMBIGUOUS -> where + " names " + match.accounts().size() + " known accounts: "
                    + match.accounts().stream().map(AccountNumbers::mask).collect(Collectors.joining(", "));
        };
    }
}
