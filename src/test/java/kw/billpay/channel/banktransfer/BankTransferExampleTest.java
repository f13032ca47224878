package kw.billpay.channel.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The bank-transfer example (the {@code readme-bank-transfer} block of docs/integration.md), run by bash as written
 * against the running gateway: only the port, the data directory and the account (the README's, which another test
 * owns) differ. A reader who pastes it gets what the text promises: one transfer posted, one in suspense, then
 * assigned.
 */
class BankTransferExampleTest extends BankTransferIntegrationTest {

    private static final Path DOCUMENT = Path.of("README.md");
    private static final String EXAMPLE_ACCOUNT = "376612345678901";

    @Value("${gateway.data-dir}")
    private String dataDir;

    @Test
    void theBankTransferExampleWorks() throws Exception {
        String account = newAccount("KWD");
        String script = block(Files.readString(DOCUMENT), "readme-bank-transfer")
                .replace("GW=http://localhost:8080", "GW=http://localhost:" + port)
                .replace("DATA=./data", "DATA=" + dataDir)
                .replace(EXAMPLE_ACCOUNT, account)
                .replace(spaced(EXAMPLE_ACCOUNT), spaced(account));

        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output).as("the file, the queue and the assignment")
                .contains("\"msgId\":\"NBK-CAMT054-20261127\"").contains("\"status\":\"ACCEPTED\"")
                .contains("\"remittance\":\"school fees\",\"reason\":\"NO_NUMBER\",\"status\":\"OPEN\"")
                .contains("\"status\":\"ASSIGNED\"").contains("\"closedBy\":\"supervisor\"")
                .doesNotContain("\"code\"").doesNotContain(account);
        List<String> payments = new ArrayList<>();
        for (JsonNode payment : getJson("/api/v1/accounts/" + account + "/payments", OPS)) {
            payments.add(payment.path("channel").asText() + " " + payment.path("received").path("amount").asText()
                    + " " + payment.path("origin").path("rule").asText());
        }
        assertThat(payments).containsExactlyInAnyOrder("BANK_TRANSFER 40.000 USTRD", "BANK_TRANSFER 12.500 ASSIGNED");
        assertThat(totalOwed(account)).isEqualTo("462.500");
    }

    private static String block(String text, String marker) {
        String block = text.substring(text.indexOf("<!-- " + marker + ":start -->"), text.indexOf("<!-- " + marker + ":end -->"));
        return block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"));
    }
}
