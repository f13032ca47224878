package kw.billpay.channel.banktransfer;

import java.io.File;
import java.time.Clock;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.infra.FileClaims;
import kw.billpay.infra.FileFailures;
import kw.billpay.infra.InboxFilter;
import org.apache.camel.component.file.GenericFileFilter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The beans the inbox route ({@code routes/bank-transfer.camel.yaml}) names. */
@Configuration
class BankTransferConfiguration {

    /** The inbox route's read lock, as for direct debits (FileClaims), on its own table. */
    @Bean(name = "bankTransferFileClaims", initMethod = "start", destroyMethod = "stop")
    FileClaims bankTransferFileClaims(JdbcTemplate jdbc, BankTransferProperties properties) {
        return FileClaims.ofThisInstance(jdbc, "bank_transfer_claim", properties);
    }

    /**
     * A file whose processing failed for a reason other than its content: counted in {@code bank_transfer_failure},
     * taken again after a back-off, given up after max-attempts (FileFailures as for direct debits,
     * BankTransferFiles.giveUp). The route's catch names it.
     */
    @Bean("bankTransferFailures")
    FileFailures bankTransferFailures(JdbcTemplate jdbc, BankTransferProperties properties, TransferFileRepository records,
                                      BankTransferFiles files, Clock clock) {
        return new FileFailures(jdbc, "bank_transfer_failure", "bank-transfer", properties, records::noteFailure, files, clock);
    }

    /**
     * Files in a bank's folder (the direct-debit banks), not {@code .part} or dot files, and not a file waiting out
     * its back-off after a failure.
     */
    @Bean("bankTransferInboxFilter")
    GenericFileFilter<File> bankTransferInboxFilter(@Qualifier("bankTransferFailures") FileFailures failures) {
        return new InboxFilter(PartnerBank::isFolder, failures::due);
    }
}
