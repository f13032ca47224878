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

/** The README's worked example of a collection, run by bash as written (only the port and data folder differ). */
class CollectionsExampleTest extends GatewayIntegrationTest {

    @Value("${gateway.data-dir}")
    private String dataDir;

    @Test
    void theWorkedExampleOfACollectionWorks() throws Exception {
        String doc = Files.readString(Path.of("README.md"));
        String block = doc.substring(doc.indexOf("<!-- readme-collections:start -->"), doc.indexOf("<!-- readme-collections:end -->"));
        String script = block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"))
                .replace("GW=http://localhost:8080", "GW=http://localhost:" + port)
                .replace("DATA=./data", "DATA=" + dataDir);
        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();

        assertThat(output).as("the request file, the acknowledgement")
                .contains("H,NBK,COLL_NBK_20261127,20261127,KWD\n")
                // its seq depends on the other NBK mandates the tests made
                .contains(",376612345670027,MD-2026-0027,25.000,20261127,KW81CBKU0000000000001234560101\n")
                .containsPattern("R,1,POSTED,[0-9a-f-]{36}");
        JsonNode mandate = get("/api/v1/mandates/MD-2026-0027", OPS).json();
        JsonNode collection = mandate.path("collections").get(0);
        assertThat(collection.path("collectionDate").asText()).isEqualTo("2026-11-27");
        assertThat(collection.path("state").asText()).isEqualTo("COLLECTED");
        JsonNode payment = get("/api/v1/payments/" + collection.path("paymentId").asText(), OPS).json();
        assertThat(payment.path("status").asText()).isEqualTo("POSTED");
        assertThat(payment.path("flags").toString()).doesNotContain("UNEXPECTED_COLLECTION");
        assertThat(get("/api/v1/accounts/376612345670027", OPS).json().path("statement").path("minimumDueRemaining").asText())
                .isEqualTo("0.000");
    }
}
