package kw.billpay.channel.directdebit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The direct-debit channel's settings ({@code gateway.direct-debit.*}); the file route reads the same keys.
 *
 * @param dir       the folder holding inbox/, done/, error/ and outbox/ (CONTRACT: under GATEWAY_DATA_DIR)
 * @param batchSize records posted per transaction
 */
@Validated
@ConfigurationProperties("gateway.direct-debit")
public record DirectDebitProperties(@NotNull Path dir, @Min(1) @Max(10_000) int batchSize) {

    public Path inbox(PartnerBank bank) {
        return dir.resolve("inbox").resolve(bank.name());
    }

    public Path done(PartnerBank bank) {
        return dir.resolve("done").resolve(bank.name());
    }

    public Path error(PartnerBank bank) {
        return dir.resolve("error").resolve(bank.name());
    }

    public Path outbox(PartnerBank bank) {
        return dir.resolve("outbox").resolve(bank.name());
    }
}
