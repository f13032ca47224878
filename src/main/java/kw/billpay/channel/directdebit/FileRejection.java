package kw.billpay.channel.directdebit;

/**
 * Why a whole result file is refused, nothing of it posted (CONTRACT "Direct-debit result files", first list). The
 * name is the reason written in the acknowledgement's H line.
 */
public enum FileRejection {
    /** Empty, or the first line is not an H line. */
    MISSING_HEADER,
    /** An H line without its five fields, or with a bad fileId or createdDate. */
    INVALID_HEADER,
    /** The header names another bank than the inbox the file was dropped in. */
    WRONG_BANK,
    /** The header's currency is not a billing currency of any issuer. */
    UNSUPPORTED_CURRENCY,
    /** No T line: the file is truncated. */
    MISSING_TRAILER,
    /** A T line without its three fields, or with a count or sum that is not a number. */
    INVALID_TRAILER,
    /** A line that is neither H, D nor T where it stands (a second header, anything after the trailer). */
    UNEXPECTED_LINE,
    /** The file is not UTF-8 text (binary, or another encoding). */
    INVALID_ENCODING,
    /** The trailer's recordCount is not the number of D lines. */
    RECORD_COUNT_MISMATCH,
    /** The trailer's controlSum is not the sum of the D amounts. */
    CONTROL_SUM_MISMATCH,
    /** This bank's fileId was already taken by a file being or having been posted (R22). */
    DUPLICATE_FILE,
    /**
     * Not the content: the file's processing failed for another reason every time it was taken (gateway.direct-debit.
     * max-attempts), and it was given up. The failure is on the file's record for operations.
     */
    PROCESSING_FAILED
}
