package kw.billpay.channel.directdebit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import kw.billpay.infra.BankInboxSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The direct-debit channel's settings ({@code gateway.direct-debit.*}); the file route reads the same keys.
 *
 * @param dir              the folder holding inbox/, done/, error/ and outbox/ (CONTRACT: under GATEWAY_DATA_DIR)
 * @param batchSize        records posted per transaction
 * @param maxAttempts      how often a file whose processing fails for a reason other than its content is taken before
 *                         it is given up (infra.FileFailures, DirectDebitFiles.giveUp)
 * @param retryDelayMs     the wait before it is taken again after its first failure, doubled after each further one
 * @param maxRetryDelayMs  the longest such wait
 * @param claimMaxAgeMs    a claim on a file not refreshed for this long belongs to an instance that died (infra.FileClaims)
 * @param claimKeepAliveMs how often the instance working on a file refreshes its claim
 */
@Validated
@ConfigurationProperties("gateway.direct-debit")
public record DirectDebitProperties(@NotNull Path dir, @Min(1) @Max(10_000) int batchSize, @Min(1) int maxAttempts,
                                    @Min(0) long retryDelayMs, @Min(0) long maxRetryDelayMs, long claimMaxAgeMs,
                                    long claimKeepAliveMs)
        implements BankInboxSettings {

    public Path outbox(PartnerBank bank) {
        return folder("outbox", bank);
    }
}
