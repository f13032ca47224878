package kw.billpay.collection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.core.collection.ReasonAction;
import kw.billpay.core.collection.ReasonPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The collection side's settings ({@code gateway.collection.*}); the schedule route reads the same keys.
 *
 * @param requestsDir     where the request files go, one folder per bank (CONTRACT: direct-debit/requests/)
 * @param runAt           the time of day (business time zone) the runs of the 27th and 28th start by themselves
 * @param scheduleEnabled false: runs start only when OPS asks (unfinished runs are still resumed)
 * @param pageSize        mandates computed per database transaction
 * @param reasons         what a NOT_COLLECTED result's reason code leads to
 * @param otherReasons    what any other reason code leads to
 */
@Validated
@ConfigurationProperties("gateway.collection")
public record CollectionProperties(@NotNull Path requestsDir, @NotNull LocalTime runAt, boolean scheduleEnabled,
                                   @Min(1) @Max(10_000) int pageSize, @NotNull Map<String, ReasonAction> reasons,
                                   @NotNull ReasonAction otherReasons) {

    public Path requests(PartnerBank bank) {
        return requestsDir.resolve(bank.name());
    }

    public ReasonPolicy reasonPolicy() {
        return new ReasonPolicy(reasons, otherReasons);
    }
}
