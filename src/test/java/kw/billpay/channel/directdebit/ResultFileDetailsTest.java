package kw.billpay.channel.directdebit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.Set;
import kw.billpay.channel.directdebit.ResultFileFormat.Detail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Details of reading a result file that the fixtures leave open: which records are money to post, whether a file's
 * seqs ascend (the posting then skips its repeated-seq look-up), and where an encoding error is reported.
 */
class ResultFileDetailsTest {

    private static final Currency KWD = Currency.getInstance("KWD");
    private static final Set<Currency> SUPPORTED = Set.of(KWD, Currency.getInstance("USD"));

    @TempDir
    Path dir;

    @Test
    void onlyACollectedRecordNothingRefusedIsMoneyToPost() {
        assertThat(Detail.parse(2, "D,1,376612345678901,M1,5.000,20261127,COLLECTED,", KWD).toPost()).isTrue();
        assertThat(Detail.parse(3, "D,2,376612345678901,M1,5.000,20261127,NOT_COLLECTED,AM04", KWD).toPost()).isFalse();
        assertThat(Detail.parse(4, "D,3,376612345678901,M1,5.0001,20261127,COLLECTED,", KWD).toPost()).isFalse();
        assertThat(Detail.parse(5, "D,4,12AB,M1,5.000,20261127,COLLECTED,", KWD).toPost()).isFalse();
    }

    @Test
    void seqsAscendInTheirNumericOrderEvenPastNine() throws IOException {
        assertThat(check("1", "2", "9", "10", "11").seqsAscending()).isTrue();
        assertThat(check("A1", "A2", "B1").seqsAscending()).isTrue();
    }

    @Test
    void aSeqRepeatedOrSmallerThanTheOneBeforeIsNotAscending() throws IOException {
        assertThat(check("1", "2", "2").seqsAscending()).isFalse();
        assertThat(check("1", "3", "2").seqsAscending()).isFalse();
        assertThat(check("10", "9").seqsAscending()).isFalse();
    }

    @Test
    void anUnreadableSeqIsLeftOutOfTheOrder() throws IOException {
        assertThat(check("1", "bad seq", "2").seqsAscending()).isTrue();
        assertThat(check("2", "bad seq", "1").seqsAscending()).isFalse();
    }

    @Test
    void anEncodingErrorNamesTheLineItIsNear() throws IOException {
        Path file = Files.write(dir.resolve("latin1.csv"), new byte[] {'H', ',', 'N', '\n', 'D', ',', (byte) 0xE9, '\n'});
        try (ResultFileReader reader = new ResultFileReader(file)) {
            assertThatThrownBy(() -> {
                while (reader.next() != null) {
                    // read on
                }
            }).isInstanceOfSatisfying(RejectedFileException.class, e -> {
                assertThat(e.reason()).isEqualTo(FileRejection.INVALID_ENCODING);
                assertThat(e.getMessage()).isEqualTo("the file is not UTF-8 text near line 1");
            });
        }
    }

    /** A valid NBK file whose D lines carry these seqs, each collecting 1.000 KWD. */
    private ResultFileCheck.Result check(String... seqs) throws IOException {
        StringBuilder text = new StringBuilder("H,NBK,NBK-SEQ-1,20261127,KWD\n");
        for (String seq : seqs) {
            text.append("D,").append(seq).append(",376612345678901,M1,1.000,20261127,COLLECTED,\n");
        }
        text.append("T,").append(seqs.length).append(',').append(seqs.length).append(".000\n");
        Path file = Files.writeString(dir.resolve("seqs-" + String.join("-", seqs).replace(' ', '_') + ".csv"),
                text.toString(), StandardCharsets.UTF_8);
        ResultFileCheck.Result result = ResultFileCheck.check(file, PartnerBank.NBK, SUPPORTED);
        assertThat(result.accepted()).as(result.detail()).isTrue();
        return result;
    }
}
