package kw.billpay.channel.directdebit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import kw.billpay.testkit.BankInbox;

/** The inbox and outbox as a bank sees them (the files themselves: testkit.ResultFileBuilder). */
final class BankFiles {

    static final Duration ACK_WAIT = Duration.ofSeconds(30);

    private BankFiles() {
    }

    /** Drops the file in the bank's inbox as a bank does (BankInbox). */
    static Path drop(DirectDebitProperties folders, PartnerBank bank, String name, byte[] bytes) {
        return BankInbox.drop(folders.inbox(bank), name, bytes);
    }

    /** The acknowledgement of that name in the bank's outbox, once it is there. */
    static List<String> awaitAck(DirectDebitProperties folders, PartnerBank bank, String ackName) throws IOException {
        Path ack = folders.outbox(bank).resolve(ackName);
        await().atMost(ACK_WAIT).pollInterval(Duration.ofMillis(50)).until(() -> Files.exists(ack));
        return Files.readAllLines(ack, StandardCharsets.UTF_8);
    }
}
