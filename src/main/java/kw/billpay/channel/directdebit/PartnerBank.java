package kw.billpay.channel.directdebit;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import kw.billpay.core.Refusal;
import kw.billpay.web.RequestValues;

/** The banks that drop direct-debit result files, each in its own inbox (CONTRACT "Direct-debit result files"). */
public enum PartnerBank {
    NBK, GBK, CBK, AUB, ABK, BBK, BOUBYAN, BURGAN, KIB, KFH, WARBA;

    /** The bank whose folder has this exact name; folder names are the enum's names, upper case. */
    public static Optional<PartnerBank> ofFolder(String name) {
        return Arrays.stream(values()).filter(bank -> bank.name().equals(name)).findFirst();
    }

    /** Whether a folder of this exact name is a bank's inbox (the inbox routes' filters). */
    public static boolean isFolder(String name) {
        return ofFolder(name).isPresent();
    }

    /** A request's bank filter: null for none, else the bank of that name, refused when no partner bank has it. */
    public static PartnerBank filter(String bank) {
        return bank == null ? null : ofFolder(bank)
                .orElseThrow(() -> Refusal.validation("bank: one of " + Arrays.toString(values())));
    }

    /**
     * The filters of a bank-file channel's list of files ({@code GET .../files} of direct debits and bank transfers):
     * a partner bank or none, one of the channel's file statuses or none, and the page size.
     */
    public static void requireFileListFilters(String bank, String status, Set<String> statuses, int limit) {
        filter(bank);
        RequestValues.requireOneOf("status", status, statuses);
        RequestValues.requireLimit(limit);
    }

    /** The bank whose inbox holds this file: the inbox routes take files in a bank's folder only. */
    public static PartnerBank ofInbox(Path file) {
        return ofFolder(file.getParent().getFileName().toString())
                .orElseThrow(() -> new IllegalStateException("not a bank's inbox: " + file.getParent()));
    }
}
