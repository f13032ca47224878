package kw.billpay.channel.directdebit;

import java.io.File;
import java.time.Duration;
import kw.billpay.infra.FileClaims;
import kw.billpay.infra.InboxFilter;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The beans the inbox route ({@code routes/direct-debit.camel.yaml}) names. */
@Configuration
class DirectDebitConfiguration {

    /**
     * The inbox route's read lock: a file is claimed by a row in PostgreSQL, so two gateway instances on the same
     * folders never take the same file, and a claim left by an instance that died expires (FileClaims).
     */
    @Bean(name = "directDebitFileClaims", initMethod = "start", destroyMethod = "stop")
    FileClaims directDebitFileClaims(JdbcTemplate jdbc,
                                     @Value("${gateway.direct-debit.claim-max-age-ms}") long maxAgeMillis,
                                     @Value("${gateway.direct-debit.claim-keep-alive-ms}") long keepAliveMillis) {
        return new FileClaims(jdbc, "direct_debit_claim", FileClaims.thisInstance(), Duration.ofMillis(maxAgeMillis),
                Duration.ofMillis(keepAliveMillis));
    }

    /**
     * What the inbox route takes: files in a partner bank's folder, not {@code .part} or dot files (InboxFilter), and
     * not a file waiting out its back-off after a failure.
     */
    @Bean("directDebitInboxFilter")
    GenericFileFilter<File> directDebitInboxFilter(FileFailures failures) {
        return new InboxFilter(name -> PartnerBank.ofFolder(name).isPresent(), file -> due(failures, file));
    }

    /**
     * A file that failed waits out its back-off (FileFailures). When the database cannot say, the file is taken: its
     * processing needs the database and fails on its own, as before.
     */
    private static boolean due(FileFailures failures, GenericFile<File> file) {
        try {
            return failures.due(file.getFile().getParentFile().getName(), file.getFileNameOnly(), file.getFileLength(),
                    file.getLastModified());
        } catch (DataAccessException unavailable) {
            return true;
        }
    }
}
