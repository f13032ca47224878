package kw.billpay.channel.directdebit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Set;
import kw.billpay.testkit.ResultFileBuilder;
import kw.billpay.testkit.ResultFileBuilder.Detail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tests' result files are files the gateway's own whole-file check reads as the contract's format. */
class ResultFileBuilderTest {

    private static final Set<Currency> SUPPORTED = Set.of(Currency.getInstance("KWD"), Currency.getInstance("USD"));

    @TempDir
    Path dir;

    @Test
    void aBuiltFileIsAcceptedWithItsHeaderAndATrailerCountingAndSummingItsRecords() throws Exception {
        ResultFileBuilder file = ResultFileBuilder.file("KFH", "KFH-DD-1").created("20261128").currency("USD")
                .collected("4242990000000001", "M-1", "10.50", "20261127")
                .notCollected("4242990000000002", "M-2", "2.25", "20261127", "AM04");

        assertThat(file.text()).isEqualTo("""
                H,KFH,KFH-DD-1,20261128,USD
                D,1,4242990000000001,M-1,10.50,20261127,COLLECTED,
                D,2,4242990000000002,M-2,2.25,20261127,NOT_COLLECTED,AM04
                T,2,12.75
                """);
        ResultFileCheck.Result checked = ResultFileCheck.check(write(file), PartnerBank.KFH, SUPPORTED);
        assertThat(checked.accepted()).as(checked.detail()).isTrue();
        assertThat(checked.header().fileId()).isEqualTo("KFH-DD-1");
        assertThat(checked.header().createdDate()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(checked.currency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(checked.trailer().recordCount()).isEqualTo(2);
        assertThat(checked.trailer().controlSum()).isEqualByComparingTo(new BigDecimal("12.75"));
    }

    @Test
    void aControlSumSetByTheTestIsWrittenAsGivenAndTheCheckRefusesAWrongOne() throws Exception {
        ResultFileBuilder file = ResultFileBuilder.file("NBK", "NBK-DD-2")
                .collected("4242990000000001", "M-1", "40.000", "20261127").controlSum("40.001");

        assertThat(file.text()).endsWith("\nT,1,40.001\n");
        assertThat(ResultFileCheck.check(write(file), PartnerBank.NBK, SUPPORTED).rejection())
                .isEqualTo(FileRejection.CONTROL_SUM_MISMATCH);
    }

    @Test
    void aRecordWrittenAsGivenKeepsItsSeqAndAnAmountThatIsNoNumberWantsAControlSum() {
        ResultFileBuilder file = ResultFileBuilder.file("NBK", "NBK-DD-3")
                .record("7", "4242990000000001", "M-1", "1O.000", "20261127", "COLLECTED", "");

        assertThat(file.size()).isEqualTo(1);
        assertThatThrownBy(file::text).isInstanceOf(IllegalStateException.class).hasMessageContaining("controlSum");
        assertThat(file.controlSum("10.000").text()).contains("\nD,7,4242990000000001,M-1,1O.000,20261127,COLLECTED,\n");
        // a number Java reads but the contract does not write is no number either, as for the gateway's check
        ResultFileBuilder signed = ResultFileBuilder.file("NBK", "NBK-DD-5")
                .collected("4242990000000001", "M-1", "+5.000", "20261127");
        assertThatThrownBy(signed::text).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLargeFileWrittenRecordByRecordIsTheFileTheBuilderMakes() throws Exception {
        Path written = ResultFileBuilder.write(dir.resolve("large.csv"), "NBK", "NBK-DD-4", 3, seq -> seq == 2
                ? Detail.notCollected("4242990000000002", "M-" + seq, "0.500", "20261127", "AM04")
                : Detail.collected("4242990000000001", "M-" + seq, seq + ".250", "20261127"));

        assertThat(Files.readString(written)).isEqualTo(ResultFileBuilder.file("NBK", "NBK-DD-4")
                .collected("4242990000000001", "M-1", "1.250", "20261127")
                .notCollected("4242990000000002", "M-2", "0.500", "20261127", "AM04")
                .collected("4242990000000001", "M-3", "3.250", "20261127").text());
    }

    private Path write(ResultFileBuilder file) throws Exception {
        return Files.write(dir.resolve(file.fileId() + ".csv"), file.bytes());
    }
}
