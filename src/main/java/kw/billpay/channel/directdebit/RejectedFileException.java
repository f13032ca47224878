package kw.billpay.channel.directdebit;

/** A whole result file is refused: the reason goes into the acknowledgement and the file's history, the detail into the log. */
final class RejectedFileException extends RuntimeException {

    private final FileRejection reason;

    RejectedFileException(FileRejection reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    FileRejection reason() {
        return reason;
    }
}
