package kw.billpay.channel.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The channel's whole-file check counts entries without binding them (Camt054Reader.countEntries): for every fixture it
 * must refuse exactly what reading the file entry by entry refuses, for the same reason, and count every entry read.
 */
class EntryScanTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("kw.billpay.channel.banktransfer.Camt054FixturesTest#fixtures")
    void theScanRefusesWhatReadingRefusesAndCountsWhatItReads(String name) {
        Path file = Camt054FixturesTest.folder().resolve(name);

        String read;
        try (Camt054Reader reader = Camt054Reader.open(file)) {
            int entries = 0;
            while (reader.hasNext()) {
                reader.next();
                entries++;
            }
            read = "ACCEPTED " + entries;
        } catch (Camt054RefusedException e) {
            read = "REFUSED " + e.reason();
        }
        String scanned;
        try (Camt054Reader reader = Camt054Reader.open(file)) {
            scanned = "ACCEPTED " + reader.countEntries();
        } catch (Camt054RefusedException e) {
            scanned = "REFUSED " + e.reason();
        }

        assertThat(scanned).isEqualTo(read);
    }
}
