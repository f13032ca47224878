package kw.billpay.channel.banktransfer;

import java.nio.file.Path;
import kw.billpay.channel.directdebit.PartnerBank;

/**
 * A camt.054 file taken from an inbox, as it goes through {@code routes/bank-transfer.camel.yaml}: the file, its bank,
 * its record in {@code bank_transfer_file}, and whether its entries are taken or it is refused whole.
 *
 * @param header    the group header; null when the file was refused before it could be read
 * @param refusal   why the whole file is refused (a Camt054Refusal, or DUPLICATE_MESSAGE_ID); null for a file taken
 * @param resumedAt entries a run before a restart had already committed (0 for a fresh file)
 * @param started   nanoTime when the gateway took the file, for the closing log line's rate
 */
public record TransferFileRun(Path file, PartnerBank bank, long fileRef, BankNotification header, String refusal,
                              int resumedAt, long started) {

    public boolean accepted() {
        return refusal == null;
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    public String messageId() {
        return header == null ? null : header.messageId();
    }
}
