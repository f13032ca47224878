package kw.billpay.external;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The standalone PostgreSQL and ActiveMQ Artemis that .ci/external-stage started, read from its EXTERNAL_* variables,
 * with the tools to stop and restart them that a bank's operator would use (pg_ctl as the database's OS user,
 * artemis-service).
 */
final class Engines {

    final String dbUrl = required("EXTERNAL_DB_URL");
    final String dbUser = required("EXTERNAL_DB_USER");
    final String dbPassword = required("EXTERNAL_DB_PASSWORD");
    final String artemisUrl = required("EXTERNAL_ARTEMIS_URL");
    final String artemisUser = required("EXTERNAL_ARTEMIS_USER");
    final String artemisPassword = required("EXTERNAL_ARTEMIS_PASSWORD");
    final Path gatewayJar = Path.of(required("EXTERNAL_GATEWAY_JAR"));
    private final Path pgBin = Path.of(required("EXTERNAL_PG_BIN"));
    private final Path pgData = Path.of(required("EXTERNAL_PG_DATA"));
    private final String pgOsUser = System.getenv().getOrDefault("EXTERNAL_PG_OS_USER", "");
    private final Path brokerInstance = Path.of(required("EXTERNAL_ARTEMIS_INSTANCE"));

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: the external tests run inside .ci/external-stage");
        }
        return value;
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(dbUrl, dbUser, dbPassword);
    }


    long count(String query) throws SQLException {
        try (Connection db = database(); Statement sql = db.createStatement(); var rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** pg_ctl restart, fast mode: every session is cut, as a database fail-over or a patch restart does. */
    void restartPostgres() throws IOException, InterruptedException {
        pgCtl("restart", "-m", "fast", "-w", "-t", "60", "-l", pgData.resolveSibling("postgres.log").toString());
    }

    void stopBroker() throws IOException, InterruptedException {
        try {
            run(List.of(brokerInstance.resolve("bin/artemis-service").toString(), "stop"));
        } catch (IllegalStateException notWithin5Seconds) {
            run(List.of(brokerInstance.resolve("bin/artemis-service").toString(), "force-stop"));
        }
    }

    void startBroker() throws IOException, InterruptedException {
        run(List.of(brokerInstance.resolve("bin/artemis-service").toString(), "start"));
    }

    private void pgCtl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (!pgOsUser.isBlank()) {
            command.addAll(List.of("runuser", "-u", pgOsUser, "--"));
        }
        command.add(pgBin.resolve("pg_ctl").toString());
        command.addAll(List.of("-D", pgData.toString()));
        command.addAll(List.of(arguments));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("ARTEMIS_USER"); // artemis-service would otherwise sudo to that user
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
