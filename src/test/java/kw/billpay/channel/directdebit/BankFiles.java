package kw.billpay.channel.directdebit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/** Bank files as the integration tests write them, and the inbox and outbox as a bank sees them. */
final class BankFiles {

    static final Duration ACK_WAIT = Duration.ofSeconds(30);

    private BankFiles() {
    }

    /** A KWD bank file: header, the D lines, trailer with their count and the given control sum. */
    static byte[] bankFile(String bank, String fileId, List<String> details, String controlSum) {
        StringBuilder text = new StringBuilder("H," + bank + "," + fileId + ",20261127,KWD\n");
        details.forEach(d -> text.append(d).append('\n'));
        text.append("T,").append(details.size()).append(',').append(controlSum).append('\n');
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the file under a dot name, then renames it: the inbox never sees half a file. */
    static Path drop(DirectDebitProperties folders, PartnerBank bank, String name, byte[] bytes) throws IOException {
        Path inbox = folders.inbox(bank);
        Files.createDirectories(inbox);
        Path partial = inbox.resolve(".drop-" + System.nanoTime() + ".part");
        Files.write(partial, bytes);
        return Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The acknowledgement of that name in the bank's outbox, once it is there. */
    static List<String> awaitAck(DirectDebitProperties folders, PartnerBank bank, String ackName) throws IOException {
        Path ack = folders.outbox(bank).resolve(ackName);
        await().atMost(ACK_WAIT).pollInterval(Duration.ofMillis(50)).until(() -> Files.exists(ack));
        return Files.readAllLines(ack, StandardCharsets.UTF_8);
    }
}
