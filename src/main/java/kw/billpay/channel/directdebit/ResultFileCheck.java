package kw.billpay.channel.directdebit;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Currency;
import java.util.Set;
import kw.billpay.channel.directdebit.ResultFileFormat.Header;
import kw.billpay.channel.directdebit.ResultFileFormat.Trailer;
import kw.billpay.core.money.Currencies;
import kw.billpay.core.money.Money;
import kw.billpay.core.money.MoneyException;
import kw.billpay.core.money.MoneyParser;

/**
 * The first pass over a result file: everything that refuses the whole file (CONTRACT "Direct-debit result files",
 * first list) is decided here, before anything is posted, by streaming the file once. Only the D lines' count and
 * sums are kept, never the lines.
 */
final class ResultFileCheck {

    private ResultFileCheck() {
    }

    /**
     * What the first pass found.
     *
     * @param header        null when the H line could not be read
     * @param rejection     null for a file whose records may be posted
     * @param seqsAscending every readable seq is greater than the one before (shortlex: by length, then by character,
     *                      which orders 1, 2, …, 10 as numbers): no seq can repeat, so the posting skips that check
     */
    record Result(Header header, Currency currency, Trailer trailer, boolean seqsAscending, String sha256,
                  FileRejection rejection, String detail) {

        boolean accepted() {
            return rejection == null;
        }
    }

    static Result check(Path file, PartnerBank inbox, Set<Currency> supported) throws IOException {
        try (ResultFileReader reader = new ResultFileReader(file)) {
            Header header = null;
            Currency currency = null;
            try {
                header = header(reader);
                if (!header.bank().equals(inbox.name())) {
                    throw new RejectedFileException(FileRejection.WRONG_BANK, "the header names bank \""
                            + MoneyParser.shorten(header.bank()) + "\" but the file was dropped in the " + inbox + " inbox");
                }
                currency = currency(header.currencyCode(), supported);
                Records records = records(reader, currency);
                return new Result(header, currency, records.trailer(), records.seqsAscending(), reader.sha256(), null, null);
            } catch (RejectedFileException e) {
                return new Result(header, currency, null, false, reader.sha256(), e.reason(), e.getMessage());
            }
        }
    }

    private static Header header(ResultFileReader reader) throws IOException {
        String first = reader.nextNonBlank();
        if (first == null) {
            throw new RejectedFileException(FileRejection.MISSING_HEADER, "the file holds no line");
        }
        String type = ResultFileFormat.type(first);
        if (!type.equals("H")) {
            throw new RejectedFileException(type.equals("D") || type.equals("T") ? FileRejection.MISSING_HEADER
                    : FileRejection.INVALID_HEADER, "the first line is not a header (H,bank,fileId,createdDate,currency)");
        }
        return Header.parse(first);
    }

    private static Currency currency(String code, Set<Currency> supported) {
        try {
            Currency currency = Currencies.parse(code);
            if (supported.contains(currency)) {
                return currency;
            }
        } catch (MoneyException e) {
            // not a currency at all: refused below like one no issuer bills in
        }
        throw new RejectedFileException(FileRejection.UNSUPPORTED_CURRENCY, "the header's currency \""
                + MoneyParser.shorten(code) + "\" is not one of " + supported.stream().map(Currency::getCurrencyCode).sorted().toList());
    }

    private record Records(Trailer trailer, boolean seqsAscending) { }

    /**
     * Counts and sums the D lines up to the trailer, which must be the last line (blank lines aside). The control sum
     * is "the sum of all D amounts": an amount that is not a number at all cannot be in it, and a bank may or may not
     * have counted an amount the gateway refuses (too many decimals, zero), so the sum of the amounts as written and
     * the sum of the valid amounts are both accepted.
     */
    private static Records records(ResultFileReader reader, Currency currency) throws IOException {
        long details = 0;
        boolean ascending = true;
        String lastSeq = null;
        BigDecimal sumAsWritten = BigDecimal.ZERO;
        BigDecimal sumOfValid = BigDecimal.ZERO;
        Trailer trailer = null;
        for (String line = reader.next(); line != null; line = reader.next()) {
            if (line.isBlank()) {
                continue;
            }
            if (trailer != null) {
                throw new RejectedFileException(FileRejection.UNEXPECTED_LINE,
                        "line " + reader.lineNo() + " follows the trailer, which must be the last line");
            }
            switch (ResultFileFormat.type(line)) {
                case "D" -> {
                    details++;
                    String seq = ResultFileFormat.seqAsWritten(line);
                    if (seq != null) {
                        ascending &= lastSeq == null || ResultFileFormat.SEQ_ORDER.compare(lastSeq, seq) < 0;
                        lastSeq = seq;
                    }
                    BigDecimal amount = ResultFileFormat.amountAsWritten(line);
                    if (amount != null) {
                        sumAsWritten = sumAsWritten.add(amount);
                        Money valid = ResultFileFormat.validAmount(amount.toPlainString(), currency);
                        if (valid != null) {
                            sumOfValid = sumOfValid.add(valid.amount());
                        }
                    }
                }
                case "T" -> trailer = Trailer.parse(line);
                default -> throw new RejectedFileException(FileRejection.UNEXPECTED_LINE,
                        "line " + reader.lineNo() + " is not a D record (nor the trailer)");
            }
        }
        if (trailer == null) {
            throw new RejectedFileException(FileRejection.MISSING_TRAILER, "the file ends without a trailer (T,recordCount,controlSum): truncated?");
        }
        if (trailer.recordCount() != details) {
            throw new RejectedFileException(FileRejection.RECORD_COUNT_MISMATCH,
                    "the trailer counts " + trailer.recordCount() + " records but the file has " + details);
        }
        if (trailer.controlSum().compareTo(sumAsWritten) != 0 && trailer.controlSum().compareTo(sumOfValid) != 0) {
            throw new RejectedFileException(FileRejection.CONTROL_SUM_MISMATCH, "the trailer's control sum "
                    + trailer.controlSum().toPlainString() + " is not the sum of the amounts, " + sumAsWritten.toPlainString());
        }
        return new Records(trailer, ascending);
    }

}
