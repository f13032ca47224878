package kw.billpay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The README's curl examples, run by bash exactly as written (only the port differs) against the running gateway,
 * then checked through the API: a reader who pastes them gets what the README promises.
 */
class ReadmeExamplesTest extends GatewayIntegrationTest {


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
    }

    private static String block(String readme, String marker) {
        String block = readme.substring(readme.indexOf("<!-- " + marker + ":start -->"), readme.indexOf("<!-- " + marker + ":end -->"));
        return block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"));
    }
}
