package kw.billpay.channel.directdebit;

import java.io.File;
import java.time.Clock;
import kw.billpay.infra.FileClaims;
import kw.billpay.infra.FileFailures;
import kw.billpay.infra.InboxFilter;
import org.apache.camel.component.file.GenericFileFilter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The beans the inbox route ({@code routes/direct-debit.camel.yaml}) names. */
@Configuration
class DirectDebitConfiguration {

    /**
     * The inbox route's read lock: a file is claimed by a row in PostgreSQL, so two gateway instances on the same
     * folders never take the same file, and a claim left by an instance that died expires (FileClaims).
     */
    @Bean(name = "directDebitFileClaims", initMethod = "start", destroyMethod = "stop")
    FileClaims directDebitFileClaims(JdbcTemplate jdbc, DirectDebitProperties properties) {
        return FileClaims.ofThisInstance(jdbc, "direct_debit_claim", properties);
    }

    /**
     * A file whose processing failed for a reason other than its content: counted in {@code direct_debit_failure},
     * taken again after a back-off, given up after max-attempts (FileFailures, DirectDebitFiles.giveUp). The route's
     * catch names it.
     */
    @Bean("directDebitFailures")
    FileFailures directDebitFailures(JdbcTemplate jdbc, DirectDebitProperties properties, DirectDebitRepository records,
                                     DirectDebitFiles files, Clock clock) {
        return new FileFailures(jdbc, "direct_debit_failure", "direct-debit", properties, records::noteFailure, files, clock);
    }

    /**
     * What the inbox route takes: files in a partner bank's folder, not {@code .part} or dot files (InboxFilter), and
     * not a file waiting out its back-off after a failure.
     */
    @Bean("directDebitInboxFilter")
    GenericFileFilter<File> directDebitInboxFilter(@Qualifier("directDebitFailures") FileFailures failures) {
        return new InboxFilter(PartnerBank::isFolder, failures::due);
    }
}
