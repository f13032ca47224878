package kw.billpay.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A bank file met again after a restart: what a gateway stopped after some failed attempts at it left in its channel's
 * failures table ({@code infra.FileFailures}), then the file in its inbox.
 */
public final class FailuresBeforeRestart {

    private FailuresBeforeRestart() {
    }

    /**
     * Drops the file in {@code inbox} (a bank's folder) with {@code attempts} failed attempts recorded for it, its
     * back-off over by the gateway's clock. Its time stamp is a minute back, as its failures' row knows it.
     */
    public static Path drop(JdbcTemplate jdbc, Clock clock, String failureTable, Path inbox, String name, byte[] bytes,
                            int attempts)
            throws IOException {
        Path hidden = Files.write(inbox.resolve("." + name), bytes);
        FileTime modified = FileTime.from(Instant.now().minusSeconds(60));
        Files.setLastModifiedTime(hidden, modified);
        OffsetDateTime now = OffsetDateTime.now(clock); // the gateway's clock, which its back-off reads
        jdbc.update("""
                insert into %s (bank, file_name, size, modified_ms, attempts, failure, failed_at, retry_at)
                values (?, ?, ?, ?, ?, 'an earlier failure', ?, ?)""".formatted(failureTable),
                inbox.getFileName().toString(), name, (long) bytes.length, modified.toMillis(), attempts,
                now.minusSeconds(2), now.minusSeconds(1));
        return Files.move(hidden, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
