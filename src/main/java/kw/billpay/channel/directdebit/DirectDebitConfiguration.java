package kw.billpay.channel.directdebit;

import java.io.File;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the inbox route ({@code routes/direct-debit.camel.yaml}) names. */
@Configuration
class DirectDebitConfiguration {

    /**
     * The inbox route's read lock: a file is claimed by a row in PostgreSQL, so two gateway instances on the same
     * folders never take the same file. The instance working on a file refreshes its claim every keep-alive interval;
     * a claim older than the maximum age belongs to an instance that died, and the file is taken up again (and
     * resumed where the dead one left it).
     */
    @Bean("directDebitFileClaims")
    JdbcOrphanLockAwareIdempotentRepository directDebitFileClaims(
            DataSource dataSource, CamelContext camel,
            @Value("${gateway.direct-debit.claim-max-age-ms}") long maxAgeMillis,
            @Value("${gateway.direct-debit.claim-keep-alive-ms}") long keepAliveMillis) {
        JdbcOrphanLockAwareIdempotentRepository claims = new JdbcOrphanLockAwareIdempotentRepository(dataSource, "direct-debit-inbox", camel);
        claims.setLockMaxAgeMillis(maxAgeMillis);
        claims.setLockKeepAliveIntervalMillis(keepAliveMillis);
        claims.setCreateTableIfNotExists(false); // Flyway owns camel_messageprocessed (V3)
        return claims;
    }

    /**
     * What the inbox route takes: files in a partner bank's folder, except those still being written under a
     * {@code .part} name and dot files (CONTRACT: "ignored until renamed"). Other folders are left alone.
     */
    @Bean("directDebitInboxFilter")
    GenericFileFilter<File> directDebitInboxFilter() {
        return file -> {
            String name = file.getFileNameOnly();
            if (file.isDirectory()) {
                return PartnerBank.ofFolder(name).isPresent();
            }
            return !name.startsWith(".") && !name.endsWith(".part");
        };
    }
}
