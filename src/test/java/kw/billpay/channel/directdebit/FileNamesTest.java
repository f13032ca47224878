package kw.billpay.channel.directdebit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A name the gateway writes fits in the 255 bytes of a file name, and a shortened one stays unique. */
class FileNamesTest {

    @Test
    void aNameThatFitsIsKept() {
        assertThat(FileNames.fitting("nbk-20261127.csv", ".ack.csv", 42)).isEqualTo("nbk-20261127.csv.ack.csv");
        String exactly = "a".repeat(247);
        assertThat(FileNames.fitting(exactly, ".ack.csv", 42)).isEqualTo(exactly + ".ack.csv");
    }

    @Test
    void aNameTooLongKeepsItsStartAndCarriesTheRecordId() {
        String name = "a".repeat(250) + ".csv";

        String fitted = FileNames.fitting(name, ".ack.csv", 1234);

        assertThat(fitted.getBytes(StandardCharsets.UTF_8)).hasSize(255);
        assertThat(fitted).startsWith("a".repeat(200)).endsWith("~1234.ack.csv");
        assertThat(FileNames.fitting(name, ".ack.csv", 1235)).isNotEqualTo(fitted);
    }

    @Test
    void aCharacterOfSeveralBytesIsNeverCutInTwo() {
        String arabic = "\u0643\u0634\u0641".repeat(60) + ".csv"; // 2 bytes a letter: 364 bytes

        String fitted = FileNames.fitting(arabic, ".ack.csv", 7);

        byte[] bytes = fitted.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isLessThanOrEqualTo(255);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(fitted).endsWith("~7.ack.csv");
        assertThat(fitted.charAt(0)).isEqualTo('\u0643');
    }
}
