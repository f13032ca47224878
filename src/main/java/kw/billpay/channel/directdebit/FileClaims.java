package kw.billpay.channel.directdebit;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claims on inbox files in PostgreSQL (table {@code direct_debit_claim}), the idempotent half of the inbox route's read
 * lock: every gateway instance on the same folders claims a file here before it takes it, so only one takes it.
 *
 * <p>The instance working on a file refreshes its claims every keep-alive interval; a claim not refreshed within the
 * maximum age belongs to an instance that died, and another instance (or the same one, restarted) may take it over.
 * Claiming, including the take-over, is one {@code insert … on conflict do update … where} statement, so of two
 * instances racing for a free or an expired claim exactly one wins. (camel-sql's JdbcOrphanLockAwareIdempotentRepository
 * has the same idea, but its take-over reads then updates, so two instances can both win it, and a claim it took over
 * is not kept alive.)
 */
public class FileClaims extends ServiceSupport implements IdempotentRepository {

    private static final Logger log = LoggerFactory.getLogger(FileClaims.class);

    private final JdbcTemplate jdbc;
    private final String owner;
    private final Duration maxAge;
    private final Duration keepAlive;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService refresher;

    /**
     * @param owner this instance, as it is recorded on its claims (for operations reading the table)
     */
    public FileClaims(JdbcTemplate jdbc, String owner, Duration maxAge, Duration keepAlive) {
        if (keepAlive.compareTo(maxAge) >= 0) {
            throw new IllegalArgumentException("the keep-alive interval " + keepAlive + " must be shorter than the maximum age " + maxAge);
        }
        this.jdbc = jdbc;
        this.owner = owner;
        this.maxAge = maxAge;
        this.keepAlive = keepAlive;
    }

    /** Claims the file: true when it was free, or its claim had expired; false while another claim on it is alive. */
    @Override
    public boolean add(String path) {
        boolean claimed = !jdbc.queryForList("""
                insert into direct_debit_claim (path, owner, refreshed_at) values (?, ?, clock_timestamp())
                on conflict (path) do update set owner = excluded.owner, refreshed_at = excluded.refreshed_at
                    where direct_debit_claim.refreshed_at < clock_timestamp() - ? * interval '1 millisecond'
                returning path""", String.class, path, owner, maxAge.toMillis()).isEmpty();
        if (claimed) {
            held.add(path);
        }
        return claimed;
    }

    /** True while a live claim (of any instance) holds the file. */
    @Override
    public boolean contains(String path) {
        return jdbc.queryForObject("""
                select count(*) from direct_debit_claim
                where path = ? and refreshed_at >= clock_timestamp() - ? * interval '1 millisecond'""",
                Integer.class, path, maxAge.toMillis()) > 0;
    }

    /** Releases this instance's claim on the file (a claim another instance took over stays). */
    @Override
    public boolean remove(String path) {
        held.remove(path);
        return jdbc.update("delete from direct_debit_claim where path = ? and owner = ?", path, owner) > 0;
    }

    @Override
    public boolean confirm(String path) {
        return true;
    }

    /** Releases every claim of this instance. */
    @Override
    public void clear() {
        held.clear();
        jdbc.update("delete from direct_debit_claim where owner = ?", owner);
    }

    /** Refreshes this instance's claims; a claim another instance took over meanwhile is no longer this one's. */
    void refresh() {
        if (held.isEmpty()) {
            return;
        }
        try {
            jdbc.update("update direct_debit_claim set refreshed_at = clock_timestamp() where owner = ? and path = any(?)",
                    owner, held.toArray(String[]::new));
        } catch (RuntimeException e) {
            log.warn("Could not refresh the claims on {} inbox file(s): {}", held.size(), e.getMessage());
        }
    }

    @Override
    protected void doStart() {
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "direct-debit-claims");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, keepAlive.toMillis(), keepAlive.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }
}
