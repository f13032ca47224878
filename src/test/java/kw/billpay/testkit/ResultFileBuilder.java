package kw.billpay.testkit;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Direct-debit result files as a partner bank writes them (CONTRACT "Direct-debit result files from partner banks"),
 * for tests and benchmarks:
 * <pre>
 * H,&lt;bank&gt;,&lt;fileId&gt;,&lt;createdDate yyyyMMdd&gt;,&lt;currency&gt;
 * D,&lt;seq&gt;,&lt;accountNumber&gt;,&lt;mandateRef&gt;,&lt;amount&gt;,&lt;collectionDate yyyyMMdd&gt;,&lt;status&gt;,&lt;reasonCode&gt;
 * T,&lt;recordCount&gt;,&lt;controlSum&gt;
 * </pre>
 * Seqs count from 1 in the order records are added, unless a record names its own. The trailer carries the number of
 * D lines and the sum of their amounts, unless a test sets a wrong one ({@link #controlSum}). The parsers' own tests
 * keep their files as literal text: there the bytes are what is tested.
 */
public final class ResultFileBuilder {

    /** An amount as the contract writes one: the pattern of the gateway's {@code ResultFileFormat.NUMBER}. */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,18}(\\.[0-9]{1,18})?");

    private final String bank;
    private final String fileId;
    private String createdDate = "20261127";
    private String currency = "KWD";
    private final List<String> records = new ArrayList<>();
    private BigDecimal sum = BigDecimal.ZERO;
    private String controlSum;

    private ResultFileBuilder(String bank, String fileId) {
        this.bank = bank;
        this.fileId = fileId;
    }

    /** A KWD file created on 2026-11-27, with no record yet. */
    public static ResultFileBuilder file(String bank, String fileId) {
        return new ResultFileBuilder(bank, fileId);
    }

    public ResultFileBuilder created(String yyyyMMdd) {
        this.createdDate = yyyyMMdd;
        return this;
    }

    public ResultFileBuilder currency(String currency) {
        this.currency = currency;
        return this;
    }

    /** The bank collected {@code amount} on {@code collectionDate}: the next seq (the number of records so far, + 1). */
    public ResultFileBuilder collected(String account, String mandate, String amount, String collectionDate) {
        return add(nextSeq(), Detail.collected(account, mandate, amount, collectionDate));
    }

    /** The bank could not collect, for {@code reasonCode} (ISO 20022 external status reason, AM04…): the next seq. */
    public ResultFileBuilder notCollected(String account, String mandate, String amount, String collectionDate,
                                          String reasonCode) {
        return add(nextSeq(), Detail.notCollected(account, mandate, amount, collectionDate, reasonCode));
    }

    /**
     * A record with every field as given: a seq already used, a status or an amount the gateway must refuse. It counts
     * towards the seq {@link #collected} gives next. An amount that is not a number as the contract writes one (the
     * gateway's {@code ResultFileFormat.NUMBER}: no sign but '-', no exponent, ASCII digits) leaves the control sum to
     * {@link #controlSum}, as the gateway leaves it out of the sum it checks.
     */
    public ResultFileBuilder record(String seq, String account, String mandate, String amount, String collectionDate,
                                    String status, String reasonCode) {
        return add(seq, new Detail(account, mandate, amount, collectionDate, status, reasonCode));
    }

    private ResultFileBuilder add(String seq, Detail detail) {
        records.add(detail.line(seq));
        sum = sum == null || !NUMBER.matcher(detail.amount()).matches() ? null : sum.add(new BigDecimal(detail.amount()));
        return this;
    }

    /** The trailer's control sum as written, instead of the records' sum. */
    public ResultFileBuilder controlSum(String controlSum) {
        this.controlSum = controlSum;
        return this;
    }

    public String bank() {
        return bank;
    }

    public String fileId() {
        return fileId;
    }

    /** How many records there are so far. */
    public int size() {
        return records.size();
    }

    public String text() {
        StringBuilder text = new StringBuilder(64 * (records.size() + 2));
        text.append(header(bank, fileId, createdDate, currency));
        records.forEach(record -> text.append(record).append('\n'));
        return text.append(trailer(records.size(), trailerSum())).toString();
    }

    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    /** Drops the file in {@code inbox} as a bank does (BankInbox). */
    public Path drop(Path inbox, String fileName) {
        return BankInbox.drop(inbox, fileName, bytes());
    }

    /** One D line's fields but its seq (in a file {@link #write} makes, its place in the file). */
    public record Detail(String account, String mandate, String amount, String collectionDate, String status,
                         String reasonCode) {

        public static Detail collected(String account, String mandate, String amount, String collectionDate) {
            return new Detail(account, mandate, amount, collectionDate, "COLLECTED", "");
        }

        public static Detail notCollected(String account, String mandate, String amount, String collectionDate,
                                          String reasonCode) {
            return new Detail(account, mandate, amount, collectionDate, "NOT_COLLECTED", reasonCode);
        }

        String line(String seq) {
            return String.join(",", "D", seq, account, mandate, amount, collectionDate, status, reasonCode);
        }
    }

    /**
     * Writes a large KWD file record by record, never holding it (a benchmark's million records): {@code count}
     * records, seq 1 to {@code count}, record {@code seq} as {@code record} says; the trailer counts and sums them.
     */
    public static Path write(Path file, String bank, String fileId, int count, IntFunction<Detail> record)
            throws IOException {
        BigDecimal sum = BigDecimal.ZERO;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header(bank, fileId, "20261127", "KWD"));
            for (int seq = 1; seq <= count; seq++) {
                Detail next = record.apply(seq);
                out.write(next.line(Integer.toString(seq)));
                out.write('\n');
                sum = sum.add(new BigDecimal(next.amount()));
            }
            out.write(trailer(count, sum.toPlainString()));
        }
        return file;
    }

    private static String header(String bank, String fileId, String createdDate, String currency) {
        return String.join(",", "H", bank, fileId, createdDate, currency) + "\n";
    }

    private static String trailer(int recordCount, String controlSum) {
        return "T," + recordCount + "," + controlSum + "\n";
    }

    private String trailerSum() {
        if (controlSum != null) {
            return controlSum;
        }
        if (sum == null) {
            throw new IllegalStateException("a record's amount is not a number: give the file's controlSum");
        }
        return sum.toPlainString();
    }

    private String nextSeq() {
        return Integer.toString(records.size() + 1);
    }
}
