package kw.billpay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The embedded PostgreSQL keeps a commit once it is acknowledged, through an operating-system crash too: zonky's
 * launcher turns fsync off unless the gateway turns it back on.
 */
class EmbeddedPostgresDurabilityTest extends GatewayIntegrationTest {

    @ParameterizedTest
    @CsvSource({"fsync, on", "synchronous_commit, on", "full_page_writes, on"})
    void commitsReachTheDisk(String setting, String expected) {
        assertThat(jdbc.queryForObject("select current_setting(?)", String.class, setting)).isEqualTo(expected);
    }
}
