package kw.billpay.infra;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lombok.extern.slf4j.Slf4j;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claims on inbox files in PostgreSQL, the idempotent half of a bank-file inbox route's read lock: every gateway
 * instance on the same folders claims a file here before it takes it, so only one takes it. Each channel with an inbox
 * has its own claims table of the same shape ({@code path} primary key, {@code owner}, {@code refreshed_at}), e.g.
 * {@code direct_debit_claim} and {@code bank_transfer_claim}, owned by that channel's migration.
 *
 * <p>The instance working on a file refreshes its claims every keep-alive interval; a claim not refreshed within the
 * maximum age belongs to an instance that died, and another instance (or the same one, restarted) may take it over.
 * Claiming, including the take-over, is one {@code insert … on conflict do update … where} statement, so of two
 * instances racing for a free or an expired claim exactly one wins. (camel-sql's JdbcOrphanLockAwareIdempotentRepository
 * has the same idea, but its take-over reads then updates, so two instances can both win it, and a claim it took over
 * is not kept alive.)
 */
@Slf4j
public class FileClaims extends ServiceSupport implements IdempotentRepository {


    private final JdbcTemplate jdbc;
    private final String table;
    private final String owner;
    private final Duration maxAge;
    private final Duration keepAlive;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService refresher;

    /**
     * @param table the channel's claims table
     * @param owner this instance, as it is recorded on its claims (for operations reading the table)
     */
    public FileClaims(JdbcTemplate jdbc, String table, String owner, Duration maxAge, Duration keepAlive) {
        if (keepAlive.compareTo(maxAge) >= 0) {
            throw new IllegalArgumentException("the keep-alive interval " + keepAlive + " must be shorter than the maximum age " + maxAge);
        }
        this.jdbc = jdbc;
        this.table = TableNames.require(table);
        this.owner = owner;
        this.maxAge = maxAge;
        this.keepAlive = keepAlive;
    }

    /** This gateway instance as its claims name it: host/pid/a UUID of this start. */
    public static String thisInstance() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID();
    }

    /** Claims the file: true when it was free, or its claim had expired; false while another claim on it is alive. */
    @Override
    public boolean add(String path) {
        boolean claimed = !jdbc.queryForList("""
                insert into %1$s (path, owner, refreshed_at) values (?, ?, clock_timestamp())
                on conflict (path) do update set owner = excluded.owner, refreshed_at = excluded.refreshed_at
                    where %1$s.refreshed_at < clock_timestamp() - ? * interval '1 millisecond'
                returning path""".formatted(table), String.class, path, owner, maxAge.toMillis()).isEmpty();
        if (claimed) {
            held.add(path);
        }
        return claimed;
    }

    /** True while a live claim (of any instance) holds the file. */
    @Override
    public boolean contains(String path) {
        return jdbc.queryForObject("""
                select count(*) from %s
                where path = ? and refreshed_at >= clock_timestamp() - ? * interval '1 millisecond'""".formatted(table),
                Integer.class, path, maxAge.toMillis()) > 0;
    }

    /** Releases this instance's claim on the file (a claim another instance took over stays). */
    @Override
    public boolean remove(String path) {
        held.remove(path);
        return jdbc.update("delete from " + table + " where path = ? and owner = ?", path, owner) > 0;
    }

    @Override
    public boolean confirm(String path) {
        return true;
    }

    /** Releases every claim of this instance. */
    @Override
    public void clear() {
        held.clear();
        jdbc.update("delete from " + table + " where owner = ?", owner);
    }

    /** Refreshes this instance's claims; a claim another instance took over meanwhile is no longer this one's. */
    void refresh() {
        if (held.isEmpty()) {
            return;
        }
        try {
            jdbc.update("update " + table + " set refreshed_at = clock_timestamp() where owner = ? and path = any(?)",
                    owner, held.toArray(String[]::new));
        } catch (RuntimeException e) {
            log.warn("Could not refresh the claims on {} inbox file(s): {}", held.size(), e.getMessage());
        }
    }

    @Override
    protected void doStart() {
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, table.replace('_', '-') + "s");
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
