package kw.billpay.channel.banktransfer;

import java.util.Objects;

/**
 * A whole camt.054 file is refused: the reason for the file's record and its {@code .error.txt}, the detail saying
 * where and what (with the line and column where the parser knows them). It can come when the file is opened or later,
 * at the entry where the file stops being well-formed: a caller that must change nothing for a refused file reads it
 * to the end before it posts anything, or posts in a transaction it rolls back.
 */
public final class Camt054RefusedException extends RuntimeException {

    private final Camt054Refusal reason;

    public Camt054RefusedException(Camt054Refusal reason, String detail) {
        super(detail, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Camt054Refusal reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }

    @Override
    public String toString() {
        return reason + ": " + getMessage();
    }
}
