package kw.billpay.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A bank-file channel's settings for its inbox ({@code gateway.<channel>.*}): its folders under {@code dir}
 * ({@code inbox/<BANK>/} where a bank drops its files, {@code done/<BANK>/} and {@code error/<BANK>/} where the
 * channel's route moves them once taken), its claims on files (FileClaims) and its retries of failed files
 * (FileFailures). A bank's folder is named as the channel's enum constant for it (infra knows no channel's banks).
 */
public interface BankInboxSettings extends FileClaims.Ages, FileFailures.RetryPolicy {

    /** The folder holding the channel's inbox/, done/ and error/ (CONTRACT: under GATEWAY_DATA_DIR). */
    Path dir();

    default Path inbox(Enum<?> bank) {
        return folder("inbox", bank);
    }

    default Path done(Enum<?> bank) {
        return folder("done", bank);
    }

    default Path error(Enum<?> bank) {
        return folder("error", bank);
    }

    /**
     * Makes each bank's folders: its inbox/ as the bank's file exchange, which writes there, needs it; its done/ and
     * error/ readable by the gateway's user only, as they keep what the banks' files held (OwnerOnly).
     */
    default void createFolders(Enum<?>... banks) throws IOException {
        for (Enum<?> bank : banks) {
            Files.createDirectories(inbox(bank));
            OwnerOnly.folder(done(bank));
            OwnerOnly.folder(error(bank));
        }
    }

    /** {@code <dir>/<kind>/<BANK>}: a kind of folder the channel has besides these (direct debits' outbox/). */
    default Path folder(String kind, Enum<?> bank) {
        return dir().resolve(kind).resolve(bank.name());
    }
}
