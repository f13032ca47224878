package kw.billpay.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15's deployment guard: the embedded PostgreSQL listens on 127.0.0.1 only and takes no connection without the
 * password generated at its first start, kept owner-only in its data directory (no trust authentication).
 */
class EmbeddedPostgresGuardTest extends GatewayIntegrationTest {

    private static final Path DATA = Path.of("target/it-data/shared/postgres");

    @Autowired
    HikariDataSource dataSource;

    @Test
    void listensOnLoopbackOnlyAndRefusesAConnectionWithoutThePassword() throws Exception {
        assertThat(jdbc.queryForObject("show listen_addresses", String.class)).isEqualTo("127.0.0.1");
        assertThat(Files.readAllLines(DATA.resolve("pg_hba.conf"))).noneMatch(line -> !line.startsWith("#") && line.contains("trust"));
        assertThat(Files.getPosixFilePermissions(DATA.resolve(EmbeddedPostgresPassword.FILE_NAME)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        String url = dataSource.getJdbcUrl();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
                .isInstanceOf(SQLException.class);
        DriverManager.getConnection(url, "postgres", EmbeddedPostgresPassword.read(DATA)).close();
    }
}
