package kw.billpay.channel.banktransfer;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kw.billpay.channel.banktransfer.BankEntry.CreditDebit;
import kw.billpay.channel.banktransfer.BankEntry.EntryStatus;
import kw.billpay.channel.banktransfer.TransferLine.Kind;
import kw.billpay.channel.banktransfer.TransferLine.OriginalReferences;
import kw.billpay.channel.banktransfer.TransferLine.Outcome;
import kw.billpay.core.money.Money;

/**
 * What each entry of a camt.054 file is to the channel (CONTRACT "Bank transfers"), before any look-up: pure.
 * <ul>
 * <li>An entry CRDT and BOOK is money received: one transfer per {@code TxDtls}, or one of the entry's amount when it
 * has none (its {@code AddtlNtryInf} is then its remittance). With a single {@code TxDtls}, the transfer is the entry's
 * booked amount (the detail may give the amount the payer instructed, in another currency).</li>
 * <li>Its identity is {@code AcctSvcrRef} of the details, else of the entry (R28); the details of a batched entry
 * without references of their own are the entry's reference and their index ("REF/2"): the same entry reported again
 * gives the same identities. No reference at all: the transfer goes to suspense (NO_BANK_REFERENCE), never guessed.</li>
 * <li>An entry DBIT and BOOK with {@code RvslInd} true or {@code RtrInf} is a recall of an earlier transfer, named by
 * the references it repeats; any other DBIT, an entry not BOOK (PDNG, INFO, FUTR, a proprietary status) and an entry
 * that could not be read are recorded and never posted.</li>
 * <li>Value time: {@code ValDt}, else {@code BookgDt} (R26), a date meaning the start of that day in Kuwait; an entry
 * with neither counts from the file's {@code CreDtTm}.</li>
 * </ul>
 */
public final class TransferLines {

    /** Longest reference kept as an identity: ISO's Max35Text, and a batched detail's "/index" after it. */
    static final int MAX_REFERENCE = 70;
    private static final int MAX_ID = 35;
    private static final int MAX_NAME = 140;
    private static final int MAX_REMITTANCE = 2000;
    private static final int MAX_DETAIL = 500;
    private static final String NOT_PROVIDED = "NOTPROVIDED";
    private static final Pattern WORDS = Pattern.compile("[\\s,;:()\\[\\]<>\"']+");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*[0-9].*");

    private TransferLines() {
    }

    public static List<TransferLine> of(EntryRead read, BankNotification header, ZoneId zone) {
        if (read instanceof EntryProblem problem) {
            return List.of(new TransferLine(problem.position(), 0, Kind.IGNORED, Outcome.IGNORED,
                    reference(problem.accountServicerReference()), null, null, null, null, null, null, List.of(),
                    List.of(), null, null, problem.reason().name(), cut(problem.detail(), MAX_DETAIL)));
        }
        BankEntry entry = (BankEntry) read;
        OffsetDateTime valueTime = valueTime(entry, header, zone);
        if (entry.status() != EntryStatus.BOOK) {
            return List.of(entryLine(entry, Kind.IGNORED, valueTime, null).ignored("NOT_BOOKED", "Sts "
                    + entry.statusCode() + ": recorded, never posted (the bank reports the entry again once booked)"));
        }
        boolean recall = entry.creditDebit() == CreditDebit.DBIT
                && (entry.reversal() || entry.transactions().stream().anyMatch(t -> t.returnInfo() != null));
        if (entry.creditDebit() == CreditDebit.DBIT && !recall) {
            return List.of(entryLine(entry, Kind.IGNORED, valueTime, null).ignored("DEBIT",
                    "a debit of the collection account: recorded, never posted"));
        }
        Kind kind = recall ? Kind.RECALL : Kind.TRANSFER;
        if (entry.transactions().isEmpty()) {
            OriginalReferences original = recall
                    ? new OriginalReferences(words(entry.additionalInfo() == null ? List.of() : List.of(entry.additionalInfo())), null, null)
                    : null;
            return List.of(entryLine(entry, kind, valueTime, original));
        }
        List<TransferLine> lines = new ArrayList<>(entry.transactions().size());
        int count = entry.transactions().size();
        for (int i = 0; i < count; i++) {
            TransactionDetail detail = entry.transactions().get(i);
            String reference = reference(detail.accountServicerReference());
            if (reference == null && entry.accountServicerReference() != null) {
                reference = reference(count == 1 ? entry.accountServicerReference()
                        : entry.accountServicerReference() + "/" + (i + 1));
            }
            OriginalReferences original = recall ? new OriginalReferences(
                    words(detail.returnInfo() == null ? List.of() : detail.returnInfo().additionalInfo()),
                    id(detail.endToEndId()), id(detail.transactionId())) : null;
            Money amount = count == 1 ? entry.amount() : detail.amount();
            lines.add(new TransferLine(entry.position(), i + 1, kind, recall ? Outcome.RECALL : Outcome.UNDECIDED,
                    reference, id(detail.endToEndId()), id(detail.transactionId()), amount, valueTime,
                    cut(RemittanceMasking.mask(detail.debtorName()), MAX_NAME),
                    remittance(detail.creditorReferences(), detail.unstructured()), detail.unstructured(),
                    detail.creditorReferences(), original, null, null, null));
        }
        return lines;
    }

    /** A line of the entry itself (its amount, its {@code AddtlNtryInf} as remittance). */
    private static TransferLine entryLine(BankEntry entry, Kind kind, OffsetDateTime valueTime,
                                          OriginalReferences original) {
        List<String> info = entry.additionalInfo() == null ? List.of() : List.of(entry.additionalInfo());
        Outcome outcome = switch (kind) {
            case TRANSFER -> Outcome.UNDECIDED;
            case RECALL -> Outcome.RECALL;
            case IGNORED -> Outcome.IGNORED;
        };
        return new TransferLine(entry.position(), 0, kind, outcome, reference(entry.accountServicerReference()), null,
                null, entry.amount(), valueTime, null, remittance(List.of(), info), info, List.of(), original, null,
                null, null);
    }

    static OffsetDateTime valueTime(BankEntry entry, BankNotification header, ZoneId zone) {
        EntryDate date = entry.valueDate() != null ? entry.valueDate() : entry.bookingDate();
        if (date == null) {
            return header.createdAt();
        }
        return date.dateTime() != null ? date.dateTime() : date.date().atStartOfDay(zone).toOffsetDateTime();
    }

    /** The remittance as stored and shown: creditor references, then the {@code Ustrd} lines, all masked. */
    static String remittance(List<String> creditorReferences, List<String> unstructured) {
        List<String> parts = new ArrayList<>();
        creditorReferences.stream().filter(r -> r != null && !r.isBlank()).map(RemittanceMasking::mask).forEach(parts::add);
        List<String> lines = RemittanceMasking.maskLines(unstructured.stream().filter(l -> l != null).toList());
        if (!lines.isEmpty()) {
            parts.add(String.join(" ", lines));
        }
        return parts.isEmpty() ? null : cut(String.join(" | ", parts), MAX_REMITTANCE);
    }

    /** A reference kept as an identity; a reference longer than any bank writes is none (its transfer waits). */
    private static String reference(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String reference = value.strip();
        return reference.length() > MAX_REFERENCE ? null : reference;
    }

    private static String id(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase(NOT_PROVIDED)) {
            return null;
        }
        return cut(value.strip(), MAX_ID);
    }

    /** The words of free text that could be a reference: with a digit, 4 to 70 characters. */
    private static List<String> words(List<String> texts) {
        List<String> words = new ArrayList<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String word : WORDS.split(text)) {
                if (word.length() >= 4 && word.length() <= MAX_REFERENCE && HAS_DIGIT.matcher(word).matches()
                        && !words.contains(word)) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
