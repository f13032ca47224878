package kw.billpay.channel.directdebit;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a result file line by line without holding more than one line: the file may have a million records.
 * CONTRACT: "UTF-8 CSV, one record a line, no quoting, \n or \r\n". A UTF-8 byte order mark before the first line is
 * skipped (spreadsheet tools write one); bytes that are not UTF-8 and lines longer than any valid record are refusals
 * of the whole file, not exceptions. The SHA-256 of the bytes read is kept, to tell a file from another one of the
 * same name.
 */
final class ResultFileReader implements Closeable {

    /** Longer than any valid line (a D line is at most about 200 characters); stops a binary file from filling the heap. */
    static final int MAX_LINE_CHARS = 1_000;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final MessageDigest sha256;
    private final InputStream bytes;
    private final Reader text;
    private final char[] buffer = new char[16 * 1024];
    private int position;
    private int limit;
    private int lineNo;
    private boolean started;

    ResultFileReader(Path file) throws IOException {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        bytes = new DigestInputStream(Files.newInputStream(file), sha256);
        text = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The next line without its terminator ({@code \n}, {@code \r\n} or a lone {@code \r}), or null at the end. */
    String next() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (position == limit && !fill()) {
                if (line == null) {
                    return null;
                }
                lineNo++;
                return line.toString();
            }
            if (line == null) {
                line = new StringBuilder(128);
            }
            while (position < limit) {
                char c = buffer[position++];
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                        position++;
                    }
                    lineNo++;
                    return line.toString();
                }
                if (line.length() == MAX_LINE_CHARS) {
                    throw new RejectedFileException(FileRejection.UNEXPECTED_LINE,
                            "line " + (lineNo + 1) + " is longer than " + MAX_LINE_CHARS + " characters");
                }
                line.append(c);
            }
        }
    }

    /** The next line that is not blank (blank lines are no records, before the header as anywhere else), or null. */
    String nextNonBlank() throws IOException {
        String line = next();
        while (line != null && line.isBlank()) {
            line = next();
        }
        return line;
    }

    /** The number of the line {@link #next} returned last; the first line is 1. */
    int lineNo() {
        return lineNo;
    }

    /** Reads what is left of the file (without decoding it) and returns the SHA-256 of all its bytes, in hex. */
    String sha256() throws IOException {
        bytes.transferTo(OutputStream.nullOutputStream()); // the digest sees the bytes on their way
        return HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public void close() throws IOException {
        text.close();
    }

    private boolean fill() throws IOException {
        int read;
        try {
            read = text.read(buffer, 0, buffer.length);
        } catch (CharacterCodingException e) {
            throw new RejectedFileException(FileRejection.INVALID_ENCODING, "the file is not UTF-8 text near line " + (lineNo + 1));
        }
        if (read <= 0) {
            position = limit = 0;
            return false;
        }
        position = 0;
        limit = read;
        if (!started) {
            started = true;
            if (buffer[0] == BYTE_ORDER_MARK) {
                position = 1;
                return position < limit || fill();
            }
        }
        return true;
    }
}
