package kw.billpay.infra;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import lombok.extern.slf4j.Slf4j;

/**
 * A bank's file holds card numbers (a direct-debit result file's records, a camt.054 file's remittance text): once the
 * gateway has taken it, it lies in a folder readable by the gateway's own user only ({@code rwx------}; a camt.054 file
 * itself is also made {@code rw-------}). On a file system without POSIX permissions, nothing is changed.
 */
@Slf4j
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** {@code rw-------}; a file the gateway may not change (another user's, dropped) is left as it is, with a warning. */
    public static void file(Path file) {
        restrict(file, "rw-------", file.getFileName());
    }

    /**
     * Creates the folder if need be, {@code rwx------}. A folder that exists and that the gateway may not change
     * (another user's, a mounted share) is left as it is, with a warning: the gateway still starts.
     */
    public static void folder(Path folder) throws IOException {
        Files.createDirectories(folder);
        restrict(folder, "rwx------", folder);
    }

    /** {@code shown}: how the warning names it (a bank's file by its name only). */
    private static void restrict(Path path, String permissions, Object shown) {
        if (!POSIX) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("could not make {} readable by the gateway's user only: {}", shown, e.toString());
        }
    }
}
