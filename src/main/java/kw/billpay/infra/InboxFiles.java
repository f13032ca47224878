package kw.billpay.infra;

import java.nio.file.Files;
import java.nio.file.Path;

/** What a bank-file inbox route needs to know of a file it meets again after a restart. */
public final class InboxFiles {

    private InboxFiles() {
    }

    /**
     * True when a recorded file is the very file in the inbox, met again because a gateway stopped before moving it:
     * it was never marked as moved ({@code archivedAs} null), or it was marked but is not in {@code folder}, where it
     * was to go. A file of the same bytes that did reach done/ or error/ is another delivery of it.
     */
    public static boolean notYetMoved(String archivedAs, Path folder) {
        return archivedAs == null || !Files.exists(folder.resolve(archivedAs));
    }
}
