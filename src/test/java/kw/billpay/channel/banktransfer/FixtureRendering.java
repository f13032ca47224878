package kw.billpay.channel.banktransfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kw.billpay.channel.banktransfer.BankEntry.EntryStatus;

/**
 * What the reader makes of a fixture, one line per fact, in the form of the fixtures' {@code <case>.expected.txt}
 * (README.md in {@code src/test/resources/bank-transfer} describes it). Raw remittance text, as read.
 */
final class FixtureRendering {

    private FixtureRendering() {
    }

    static List<String> render(Path file) {
        List<String> lines = new ArrayList<>();
        try (Camt054Reader reader = Camt054Reader.open(file)) {
            BankNotification header = reader.notification();
            lines.add("ACCEPTED " + header.version() + " " + header.messageId() + " " + header.createdAt());
            AccountNotification current = null;
            while (reader.hasNext()) {
                EntryRead read = reader.next();
                if (read.notification() != current) {
                    current = read.notification();
                    lines.add("NOTIFICATION " + or(current.id()) + " iban=" + or(current.accountIban()) + " other="
                            + or(current.accountOther()) + " ccy=" + or(current.currency()) + " copy="
                            + or(current.copyDuplicate()));
                }
                if (read instanceof BankEntry entry) {
                    lines.add(entry(entry));
                    entry.transactions().forEach(tx -> lines.add(transaction(tx)));
                } else if (read instanceof EntryProblem problem) {
                    lines.add("PROBLEM " + problem.position() + " " + problem.reason() + " ref="
                            + or(problem.accountServicerReference()) + " ntryRef=" + or(problem.entryReference()));
                }
            }
            lines.add("END");
        } catch (Camt054RefusedException e) {
            lines.add("REFUSED " + e.reason());
        }
        return lines;
    }

    private static String entry(BankEntry entry) {
        String status = entry.status() == EntryStatus.OTHER ? "OTHER(" + entry.statusCode() + ")"
                : entry.status().name();
        return "ENTRY " + entry.position() + " " + entry.creditDebit() + " " + status + " " + entry.amount()
                + " ref=" + or(entry.accountServicerReference()) + " ntryRef=" + or(entry.entryReference())
                + " booked=" + date(entry.bookingDate()) + " value=" + date(entry.valueDate())
                + " reversal=" + entry.reversal() + " code=" + or(entry.bankTransactionCode())
                + " info=" + or(entry.additionalInfo());
    }

    private static String transaction(TransactionDetail tx) {
        ReturnInfo returned = tx.returnInfo();
        return "  TX ref=" + or(tx.accountServicerReference()) + " e2e=" + or(tx.endToEndId()) + " txId="
                + or(tx.transactionId()) + " " + tx.amount() + " debtor=" + or(tx.debtorName()) + " ustrd="
                + tx.unstructured() + " cref=" + tx.creditorReferences() + " return="
                + (returned == null ? "-" : or(returned.reasonCode()) + returned.additionalInfo());
    }

    private static String date(EntryDate date) {
        if (date == null) {
            return "-";
        }
        return date.date() != null ? date.date().toString() : date.dateTime().toString();
    }

    private static String or(String value) {
        return value == null ? "-" : value;
    }
}
