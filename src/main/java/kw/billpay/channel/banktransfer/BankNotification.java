package kw.billpay.channel.banktransfer;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A camt.054 file's group header, whatever its version and bank: {@code GrpHdr/MsgId} (unique per sending bank: the
 * same MsgId again is a refused file), {@code GrpHdr/CreDtTm}, and the version the namespace named.
 */
public record BankNotification(String messageId, OffsetDateTime createdAt, Camt054Version version) {

    public BankNotification {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(version, "version");
    }
}
