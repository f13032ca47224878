package kw.billpay.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bank-file channel's folders as it makes them at start: the same for every channel that has an inbox. */
class BankInboxFoldersTest {

    private enum Bank { NBK, ABK }

    @Test
    void eachBankGetsAnInboxAndDoneAndErrorFoldersThatOnlyTheGatewaysUserCanRead(@TempDir Path dir) throws IOException {
        BankInboxSettings settings = settingsAt(dir.resolve("bank-files"));

        settings.createFolders(Bank.values());

        String newFolder = permissions(Files.createDirectories(dir.resolve("any-new-folder")));
        for (Bank bank : Bank.values()) {
            assertThat(settings.inbox(bank)).isDirectory().isEqualTo(dir.resolve("bank-files/inbox/" + bank));
            assertThat(permissions(settings.done(bank))).isEqualTo("rwx------");
            assertThat(permissions(settings.error(bank))).isEqualTo("rwx------");
            // the bank's file exchange writes into the inbox: it has the permissions any new folder gets
            assertThat(permissions(settings.inbox(bank))).isEqualTo(newFolder);
        }
    }

    @Test
    void makingThemAgainKeepsWhatTheyHold(@TempDir Path dir) throws IOException {
        BankInboxSettings settings = settingsAt(dir);
        settings.createFolders(Bank.NBK);
        Files.writeString(settings.done(Bank.NBK).resolve("taken.txt"), "kept");

        settings.createFolders(Bank.NBK);

        assertThat(settings.done(Bank.NBK).resolve("taken.txt")).hasContent("kept");
    }

    private static String permissions(Path folder) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(folder));
    }

    /** A channel's settings; only the folder matters here. */
    private static BankInboxSettings settingsAt(Path dir) {
        BankInboxSettings settings = new BankInboxSettings() { };
        settings.setDir(dir);
        return settings;
    }
}
