package kw.billpay.channel.banktransfer;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import kw.billpay.channel.directdebit.PartnerBank;
import kw.billpay.support.GatewayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** What the bank-transfer integration tests share: the folders, waiting for a file, reading its lines. */
abstract class BankTransferIntegrationTest extends GatewayIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    BankTransferProperties folders;

    /** Unique per run: MsgIds and bank references of one test never meet another's. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** 376612345678901 as "3766 123456 78901", as Amex cards are printed. */
    static String spaced(String account) {
        return account.substring(0, 4) + " " + account.substring(4, 10) + " " + account.substring(10);
    }

    String totalOwed(String account) {
        return getJson("/api/v1/accounts/" + account, OPS).path("totalOwed").asText();
    }

    /** The file as {@code GET /api/v1/bank-transfers/files} shows it, once it left the inbox for done/ or error/. */
    JsonNode awaitFile(PartnerBank bank, String fileName) {
        return awaitFile(bank, fileName, 0);
    }

    /**
     * The same, for a file dropped again under a name taken before: its new record, after {@code afterRef} (while the
     * gateway holds the file out of the inbox, the earlier record would otherwise answer).
     */
    JsonNode awaitFile(PartnerBank bank, String fileName, long afterRef) {
        JsonNode[] found = new JsonNode[1];
        await(fileName).atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode file : getJson("/api/v1/bank-transfers/files?bank=" + bank, OPS)) {
                if (file.path("fileName").asText().equals(fileName) && file.path("ref").asLong() > afterRef
                        && !file.path("archivedAs").isNull()
                        && !Files.exists(folders.inbox(bank).resolve(fileName))) {
                    found[0] = file;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Each line of the file as "position.detail STATUS REASON", in the file's order. */
    List<String> lines(JsonNode file) {
        return jdbc.query("""
                select entry_position, detail_index, status, reason from bank_transfer where file_ref = ?
                order by entry_position, detail_index""", (rs, i) -> rs.getInt(1) + "." + rs.getInt(2) + " "
                + rs.getString(3) + " " + rs.getString(4), file.path("ref").asLong());
    }
}
