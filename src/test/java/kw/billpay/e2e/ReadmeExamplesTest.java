package kw.billpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The README's curl examples, run by bash exactly as written (only the port differs) against the running gateway,
 * then checked through the API: a reader who pastes them gets what the README promises.
 */
class ReadmeExamplesTest extends GatewayIntegrationTest {

    @Value("${gateway.data-dir}")
    private String dataDir;

    @Test
    void theReadmesCurlExamplesWork() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String script = block(readme, "readme-examples").replace("GW=http://localhost:8080", "GW=http://localhost:" + port);
        String account = script.lines().filter(l -> l.startsWith("ACCOUNT=")).findFirst().orElseThrow().substring("ACCOUNT=".length());

        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output).as("no example was refused").doesNotContain("\"code\"").contains("Payment receipt");
        JsonNode view = get("/api/v1/accounts/" + account, OPS).json();
        // 515.000 owed − 3.050 (10.00 USD × 0.305) − 100.000 (cleared cheque)
        assertThat(view.path("totalOwed").asText()).isEqualTo("411.950");
        assertThat(view.path("accountNumber").asText()).isEqualTo("***********8901");
        JsonNode payments = get("/api/v1/accounts/" + account + "/payments", OPS).json();
        assertThat(payments).hasSize(2);
        assertThat(payments.get(0).path("method").asText()).isEqualTo("CHEQUE"); // newest first
        assertThat(payments.get(0).path("status").asText()).isEqualTo("POSTED");
        assertThat(payments.get(1).path("posted").path("amount").asText()).isEqualTo("3.050");
        assertThat(get("/api/v1/reconciliation", OPS).json().path("balanced").asBoolean()).isTrue();

        // pasted twice, the examples change nothing: every payment has its Idempotency-Key, the PUTs replace
        Process again = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        String secondOutput = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(get("/api/v1/accounts/" + account + "/payments", OPS).json()).as(secondOutput).hasSize(2);

        // then the direct-debit example: a file dropped in NBK's inbox, posted, acknowledged and moved to done/
        String directDebit = block(readme, "readme-direct-debit")
                .replace("GW=http://localhost:8080", "GW=http://localhost:" + port)
                .replace("DATA=./data", "DATA=" + dataDir);
        Process drop = new ProcessBuilder("bash", "-euo", "pipefail", "-c", directDebit).redirectErrorStream(true).start();
        String dropOutput = new String(drop.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(drop.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(drop.exitValue()).as(dropOutput).isZero();
        assertThat(dropOutput).as("the acknowledgement, the done/ folder and both listings")
                .containsPattern("H,NBK,NBK-RESULT-20261127,ACCEPTED,\\nR,1,POSTED,[0-9a-f-]{36}\\nR,2,NOT_COLLECTED,AM04\\nT,1,25.000,0,1\\n")
                .contains("nbk-dd-result-20261127.csv\n")
                .contains("\"status\":\"ACCEPTED\"")
                .contains("\"reasonCode\":\"AM04\"")
                .doesNotContain("376612345678901");
        view = get("/api/v1/accounts/" + account, OPS).json();
        // the second paste's PUT replaced the statement (515.000 owed); the collection paid 25.000 of it
        assertThat(view.path("totalOwed").asText()).isEqualTo("490.000");
        assertThat(get("/api/v1/reconciliation", OPS).json().path("balanced").asBoolean()).isTrue();
    }

    private static String block(String readme, String marker) {
        String block = readme.substring(readme.indexOf("<!-- " + marker + ":start -->"), readme.indexOf("<!-- " + marker + ":end -->"));
        return block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"));
    }
}
