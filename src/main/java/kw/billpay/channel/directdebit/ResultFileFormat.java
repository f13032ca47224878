package kw.billpay.channel.directdebit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Comparator;
import java.util.Currency;
import java.util.regex.Pattern;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.core.money.Money;
import kw.billpay.core.money.MoneyException;
import kw.billpay.core.money.MoneyParser;

/**
 * The partner banks' direct-debit result file, as CONTRACT "Direct-debit result files" fixes it:
 * <pre>
 * H,&lt;bank&gt;,&lt;fileId&gt;,&lt;createdDate yyyyMMdd&gt;,&lt;currency&gt;
 * D,&lt;seq&gt;,&lt;accountNumber&gt;,&lt;mandateRef&gt;,&lt;amount&gt;,&lt;collectionDate yyyyMMdd&gt;,&lt;status&gt;,&lt;reasonCode&gt;
 * T,&lt;recordCount&gt;,&lt;controlSum&gt;
 * </pre>
 * One record a line, fields separated by commas, no quoting (so no field can hold a comma). Each line is parsed on
 * its own; {@link ResultFileCheck} checks the file as a whole and {@link DirectDebitBatches} the records.
 */
final class ResultFileFormat {

    /** "yyyyMMdd" with a real calendar: 20260230 is not a date. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    /** The bank's name for its file; it is echoed in the acknowledgement and kept, so it is kept to a safe alphabet. */
    static final Pattern FILE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** A record's number within its file; text, compared as written. */
    static final Pattern SEQ = Pattern.compile("[A-Za-z0-9]{1,35}");
    /** A mandate reference and an ISO 20022 reason code (AM04, AC04, MD01…), as kept for the collections team. */
    static final Pattern MANDATE_REF = Pattern.compile("[A-Za-z0-9./_-]{0,64}");
    static final Pattern REASON_CODE = Pattern.compile("[A-Za-z0-9]{0,35}");
    /** A number as a bank writes a sum: digits, optionally a sign and a fraction. */
    static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,18}(\\.[0-9]{1,18})?");

    private ResultFileFormat() {
    }

    /** The record type: the first field, before the first comma. */
    static String type(String line) {
        int comma = line.indexOf(',');
        return comma < 0 ? line : line.substring(0, comma);
    }

    /** {@code H,<bank>,<fileId>,<createdDate yyyyMMdd>,<currency>}: the currency is checked by the caller. */
    record Header(String bank, String fileId, LocalDate createdDate, String currencyCode) {

        static Header parse(String line) {
            String[] f = line.split(",", -1);
            if (f.length != 5) {
                throw invalid("the header has " + f.length + " fields, not 5 (H,bank,fileId,createdDate,currency)");
            }
            if (!FILE_ID.matcher(f[2]).matches()) {
                throw invalid("the header's fileId is not 1 to 64 letters, digits, '.', '_' or '-'");
            }
            LocalDate created = date(f[3]);
            if (created == null) {
                throw invalid("the header's createdDate \"" + MoneyParser.shorten(f[3]) + "\" is not a date in yyyyMMdd");
            }
            return new Header(f[1], f[2], created, f[4]);
        }

        private static RejectedFileException invalid(String detail) {
            return new RejectedFileException(FileRejection.INVALID_HEADER, detail);
        }
    }

    /** {@code T,<recordCount>,<controlSum>}: recordCount counts D lines; controlSum is the sum of all D amounts. */
    record Trailer(long recordCount, BigDecimal controlSum) {

        static Trailer parse(String line) {
            String[] f = line.split(",", -1);
            if (f.length != 3) {
                throw invalid("the trailer has " + f.length + " fields, not 3 (T,recordCount,controlSum)");
            }
            if (!f[1].matches("[0-9]{1,9}")) {
                throw invalid("the trailer's recordCount \"" + MoneyParser.shorten(f[1]) + "\" is not a count");
            }
            if (!NUMBER.matcher(f[2]).matches()) {
                throw invalid("the trailer's controlSum \"" + MoneyParser.shorten(f[2]) + "\" is not a number");
            }
            return new Trailer(Long.parseLong(f[1]), new BigDecimal(f[2]));
        }

        private static RejectedFileException invalid(String detail) {
            return new RejectedFileException(FileRejection.INVALID_TRAILER, detail);
        }
    }

    /** A D record's status: the bank took the money, or could not (with an ISO 20022 reason code). */
    enum Collection { COLLECTED, NOT_COLLECTED }

    /**
     * {@code D,<seq>,<accountNumber>,<mandateRef>,<amount>,<collectionDate yyyyMMdd>,<status>,<reasonCode>}, read
     * as far as it can be. {@code refusal} is set when the record cannot be taken as it is; the fields that could be
     * read are kept either way. A COLLECTED record may leave out its (empty) reasonCode field.
     */
    record Detail(int lineNo, String seq, String accountNumber, String mandateRef, Money amount, LocalDate collectionDate,
                  Collection status, String reasonCode, RecordRefusal refusal) {

        static Detail parse(int lineNo, String line, Currency currency) {
            String[] f = line.split(",", -1);
            if (f.length != 8 && f.length != 7) {
                return malformed(lineNo, f.length > 1 ? f[1] : "");
            }
            String seq = f[1];
            Collection status = f[6].equals("COLLECTED") ? Collection.COLLECTED
                    : f[6].equals("NOT_COLLECTED") ? Collection.NOT_COLLECTED : null;
            String reasonCode = f.length == 8 ? f[7] : "";
            if (!SEQ.matcher(seq).matches() || status == null || !MANDATE_REF.matcher(f[3]).matches()
                    || !REASON_CODE.matcher(reasonCode).matches()) {
                return malformed(lineNo, seq);
            }
            String account = AccountNumbers.isValid(f[2]) ? f[2] : null;
            Money amount = validAmount(f[4], currency);
            LocalDate date = date(f[5]);
            RecordRefusal refusal = null;
            if (status == Collection.COLLECTED) {
                refusal = date == null ? RecordRefusal.INVALID_DATE
                        : amount == null ? RecordRefusal.INVALID_AMOUNT
                        : account == null ? RecordRefusal.UNKNOWN_ACCOUNT
                        : null;
            }
            return new Detail(lineNo, seq, account, f[3], amount, date, status,
                    status == Collection.NOT_COLLECTED ? reasonCode : null, refusal);
        }

        /** A COLLECTED record nothing refused: money to post. */
        boolean toPost() {
            return refusal == null && status == Collection.COLLECTED;
        }

        /** The same record, refused for this reason. */
        Detail refused(RecordRefusal reason) {
            return new Detail(lineNo, seq, accountNumber, mandateRef, amount, collectionDate, status, reasonCode, reason);
        }

        /** The seq as the acknowledgement can echo it: empty when the line had none readable. */
        String seqOrEmpty() {
            return seq == null ? "" : seq;
        }

        private static Detail malformed(int lineNo, String seq) {
            return new Detail(lineNo, SEQ.matcher(seq).matches() ? seq : null, null, null, null, null, null, null,
                    RecordRefusal.INVALID_RECORD);
        }
    }

    /** A yyyyMMdd date, or null. */
    static LocalDate date(String text) {
        if (text.length() != 8) {
            return null;
        }
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Seqs in shortlex order (by length, then by character): numbers without leading zeros in their numeric order. */
    static final Comparator<String> SEQ_ORDER = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    /** The D line's seq (its second field) when it is a readable one, as {@link Detail#parse} reads it; else null. */
    static String seqAsWritten(String line) {
        String seq = field(line, 1);
        return seq != null && SEQ.matcher(seq).matches() ? seq : null;
    }

    /** The D line's amount field when it is a number at all (any scale or sign), for the trailer's control sum. */
    static BigDecimal amountAsWritten(String line) {
        String amount = field(line, 4);
        return amount != null && NUMBER.matcher(amount).matches() ? new BigDecimal(amount) : null;
    }

    /** A D amount as the gateway takes it: a positive amount with at most the currency's decimals (R1, R2); else null. */
    static Money validAmount(String text, Currency currency) {
        try {
            return MoneyParser.parsePositive(text, currency);
        } catch (MoneyException e) {
            return null;
        }
    }

    /** Field {@code index} (0 is the record type) of a line, without splitting the whole line; null when it has fewer. */
    private static String field(String line, int index) {
        int start = 0;
        for (int i = 0; i < index; i++) {
            start = line.indexOf(',', start) + 1;
            if (start == 0) {
                return null;
            }
        }
        int end = line.indexOf(',', start);
        return end < 0 ? line.substring(start) : line.substring(start, end);
    }
}
