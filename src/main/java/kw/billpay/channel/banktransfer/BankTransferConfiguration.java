package kw.billpay.channel.banktransfer;

import java.io.File;
import java.time.Duration;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.infra.FileClaims;
import kw.billpay.infra.InboxFilter;
import org.apache.camel.component.file.GenericFileFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The beans the inbox route ({@code routes/bank-transfer.camel.yaml}) names. */
@Configuration
class BankTransferConfiguration {

    /** The inbox route's read lock, as for direct debits (FileClaims), on its own table. */
    @Bean(name = "bankTransferFileClaims", initMethod = "start", destroyMethod = "stop")
    FileClaims bankTransferFileClaims(JdbcTemplate jdbc,
                                      @Value("${gateway.bank-transfer.claim-max-age-ms}") long maxAgeMillis,
                                      @Value("${gateway.bank-transfer.claim-keep-alive-ms}") long keepAliveMillis) {
        return new FileClaims(jdbc, "bank_transfer_claim", FileClaims.thisInstance(), Duration.ofMillis(maxAgeMillis),
                Duration.ofMillis(keepAliveMillis));
    }

    /** Files in a bank's folder (the direct-debit banks), not {@code .part} or dot files. */
    @Bean("bankTransferInboxFilter")
    GenericFileFilter<File> bankTransferInboxFilter() {
        return new InboxFilter(name -> PartnerBank.ofFolder(name).isPresent());
    }
}
