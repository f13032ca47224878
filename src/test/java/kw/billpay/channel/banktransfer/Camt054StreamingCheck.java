package kw.billpay.channel.banktransfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100,000-entry camt.054 file (57 MB) is read entry by entry: every entry comes out, and the heap the reader holds
 * does not grow with the file (measured after a full GC at entry 1,000 and at the end, the reader still open). Not
 * timed. Not in the default test run (its name is no *Test: 10 s alone, 45 s on a loaded machine); run it with
 * {@code mvn -q -Dtest=Camt054StreamingCheck test}. It prints the heap figures.
 */
class Camt054StreamingCheck {

    static final int ENTRIES = 100_000;
    /** Far below what holding 100,000 entries would take (about 1 KB each as objects), far above GC noise. */
    static final long MAX_GROWTH_BYTES = 24L * 1024 * 1024;

    @Test
    void aHundredThousandEntriesAreReadOneAtATime(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("large.xml");
        Camt054TestFiles.write(file, Camt054Version.V08, "LARGE-1", ENTRIES);
        BigDecimal expectedSum = BigDecimal.ZERO;
        for (int i = 1; i <= ENTRIES; i++) {
            expectedSum = expectedSum.add(Camt054TestFiles.amount(i));
        }

        int entries = 0;
        int transfers = 0;
        BigDecimal sum = BigDecimal.ZERO;
        long heapAtFirstThousand = 0;
        long heapAtEnd;
        try (Camt054Reader reader = Camt054Reader.open(file)) {
            while (reader.hasNext()) {
                BankEntry entry = (BankEntry) reader.next();
                entries++;
                transfers += entry.transactions().size();
                sum = sum.add(entry.amount().amount());
                if (entries == 1_000) {
                    heapAtFirstThousand = heapUsedAfterGc();
                }
            }
            heapAtEnd = heapUsedAfterGc();
        }

        System.out.printf("camt.054 of %,d entries (%,d bytes): heap used after GC %,d bytes at entry 1,000, %,d at"
                + " the end%n", ENTRIES, Files.size(file), heapAtFirstThousand, heapAtEnd);
        assertThat(entries).isEqualTo(ENTRIES);
        assertThat(transfers).isEqualTo(ENTRIES);
        assertThat(sum).isEqualByComparingTo(expectedSum);
        assertThat(heapAtEnd - heapAtFirstThousand).isLessThan(MAX_GROWTH_BYTES);
    }

    private static long heapUsedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
