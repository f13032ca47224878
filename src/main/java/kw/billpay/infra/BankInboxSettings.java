package kw.billpay.infra;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lombok.Getter;
import lombok.Setter;

/**
 * A bank-file channel's settings for its inbox ({@code gateway.<channel>.*}, bound to the channel's subclass): its
 * folders under {@code dir} ({@code inbox/<BANK>/} where a bank drops its files, {@code done/<BANK>/} and
 * {@code error/<BANK>/} where the channel's route moves them once taken), its batches, its claims on files
 * (FileClaims) and its retries of failed files (FileFailures), bound by their setters (application.yml holds every
 * default). The channels take files the same way (BankInbox), so
 * their settings are written once, here. A bank's folder is named as the channel's enum constant for it (infra knows
 * no channel's banks).
 */
@Getter
@Setter
public abstract class BankInboxSettings {

    /** The folder holding the channel's inbox/, done/ and error/ (CONTRACT: under GATEWAY_DATA_DIR). */
    @NotNull
    private Path dir;

    /** A file's lines posted per transaction (a bank-transfer batch ends with the entry that reaches it). */
    @Min(1)
    @Max(10_000)
    private int batchSize;

    /** How often a file whose processing fails for a reason other than its content is taken before it is given up. */
    @Min(1)
    private int maxAttempts;

    /** The wait before a failed file is taken again after its first failure, doubled after each further one. */
    @Min(0)
    private long retryDelayMs;

    /** The longest such wait. */
    @Min(0)
    private long maxRetryDelayMs;

    /** A claim on a file not refreshed for this long belongs to an instance that died, and may be taken over. */
    private long claimMaxAgeMs;

    /** How often the instance working on a file refreshes its claim; shorter than the maximum age. */
    private long claimKeepAliveMs;

    public Path inbox(Enum<?> bank) {
        return folder("inbox", bank);
    }

    public Path done(Enum<?> bank) {
        return folder("done", bank);
    }

    public Path error(Enum<?> bank) {
        return folder("error", bank);
    }

    /**
     * Makes each bank's folders: its inbox/ as the bank's file exchange, which writes there, needs it; its done/ and
     * error/ readable by the gateway's user only, as they keep what the banks' files held (OwnerOnly).
     */
    public void createFolders(Enum<?>... banks) throws IOException {
        for (Enum<?> bank : banks) {
            Files.createDirectories(inbox(bank));
            OwnerOnly.folder(done(bank));
            OwnerOnly.folder(error(bank));
        }
    }

    /** {@code <dir>/<kind>/<BANK>}: a kind of folder the channel has besides these (direct debits' outbox/). */
    public Path folder(String kind, Enum<?> bank) {
        return dir.resolve(kind).resolve(bank.name());
    }
}
