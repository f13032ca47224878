package kw.billpay.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** A bank's inbox folder as the bank's file exchange writes to it. */
public final class BankInbox {

    private BankInbox() {
    }

    /**
     * Drops a file as the contract asks a bank to: written under a dot {@code .part} name (which the gateway leaves
     * alone), then renamed, so that the gateway never reads half a file. The temporary name is short and unique, not
     * the file's name with more around it: a name may already have the 255 bytes a file system allows.
     */
    public static Path drop(Path inbox, String fileName, byte[] bytes) {
        try {
            Files.createDirectories(inbox);
            Path part = inbox.resolve(".drop-" + UUID.randomUUID() + ".part");
            Files.write(part, bytes);
            try {
                return Files.move(part, inbox.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(part);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path drop(Path inbox, String fileName, String text) {
        return drop(inbox, fileName, text.getBytes(StandardCharsets.UTF_8));
    }
}
