package kw.billpay.channel.banktransfer;

/**
 * Why a whole camt.054 file is refused, nothing of it taken (CONTRACT "Bank transfers": "A file that is not well-formed
 * camt.054 ... is refused whole and changes nothing"). The name is the reason a refused file's {@code .error.txt} gives.
 */
public enum Camt054Refusal {
    /** Not XML: empty, truncated, mismatched tags, content after the root element, elements nested over 64 deep. */
    NOT_WELL_FORMED,
    /** Bytes that are not UTF-8 (ISO 20022 messages are UTF-8, whatever the XML declaration says). */
    INVALID_ENCODING,
    /** A document type declaration ({@code <!DOCTYPE}): refused before it is read, so no external entity is fetched
     * and no entity is expanded (XXE, billion laughs). camt.054 never needs one. */
    DTD_NOT_ALLOWED,
    /** Well-formed XML, but not a camt.054: another root element, another message (camt.053, pain.001), no namespace. */
    NOT_CAMT_054,
    /** A camt.054 of a version the gateway does not read (001.01, 001.09 and later). */
    UNSUPPORTED_VERSION,
    /** {@code GrpHdr} missing, or without {@code MsgId} or {@code CreDtTm}, or with a value that cannot be read. */
    INVALID_GROUP_HEADER,
    /** The file could not be read from the disk. */
    UNREADABLE
}
