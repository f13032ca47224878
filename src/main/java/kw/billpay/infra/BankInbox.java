package kw.billpay.infra;

import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A bank-file channel's inbox, as its route asks it ({@code routes/direct-debit.camel.yaml},
 * {@code routes/bank-transfer.camel.yaml}): which files to take (its {@code filter}: {@link InboxFilter}, and not a file
 * waiting out its back-off), which gateway instance holds a file (its read lock's {@code idempotentRepository}: the
 * claims it is), and what becomes of a file whose processing failed ({@link #failed}, {@link #cleared}:
 * {@link FileFailures}). One class for every such channel, as they take files the same way (decision 0004); each has
 * its own {@code <channel>_claim} and {@code <channel>_failure} tables, owned by its migration.
 *
 * <p>Its claims' keep-alive runs while it is started: Spring starts it with the context, and Camel starts and stops it
 * with its one route (the route names it in a {@code bean} step too), so a stopped inbox route holds no file.
 */
public class BankInbox extends FileClaims implements GenericFileFilter<File> {

    private final FileFailures failures;
    private final InboxFilter filter;

    /**
     * @param channel    the channel's tables' prefix, e.g. {@code direct_debit}; its log lines name it {@code direct-debit}
     * @param bankFolder whether a folder of this exact name is a bank's inbox
     * @param files      how the channel keeps a failed attempt on the file's record, and gives up a file that failed
     *                   max-attempts times
     */
    public BankInbox(JdbcTemplate jdbc, String channel, BankInboxSettings settings, Predicate<String> bankFolder,
                     FileFailures.ChannelFiles files, Clock clock) {
        super(jdbc, channel + "_claim", thisInstance(), Duration.ofMillis(settings.getClaimMaxAgeMs()),
                Duration.ofMillis(settings.getClaimKeepAliveMs()));
        this.failures = new FileFailures(jdbc, channel + "_failure", channel.replace('_', '-'), settings, files,
                clock);
        this.filter = new InboxFilter(bankFolder, failures::due);
    }

    /** A bank's folder; in it, a file not {@code .part} or dot, and not waiting out a back-off. */
    @Override
    public boolean accept(GenericFile<File> file) {
        return filter.accept(file);
    }

    /**
     * One failed attempt at the file (the route's catch): counted, and once there were max-attempts of them, the file
     * is given up (FileFailures).
     *
     * @param fileRef the file's record, null when it failed before it had one
     */
    public void failed(String path, Long fileRef, Exception exception) throws IOException {
        failures.failed(path, fileRef, exception);
    }

    /** The file left its inbox: its failures are history (kept on its record). */
    public void cleared(String path) {
        failures.cleared(path);
    }
}
