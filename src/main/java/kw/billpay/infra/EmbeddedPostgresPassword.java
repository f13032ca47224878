package kw.billpay.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The embedded PostgreSQL's superuser password: generated at the server's first start and kept in its data directory
 * (owner-only), so that nothing on the machine connects without it (issue 15, deployment guard). Tools and tests that
 * open the embedded database read it here.
 */
public final class EmbeddedPostgresPassword {

    /** In the PostgreSQL data directory, beside postgresql.conf. */
    public static final String FILE_NAME = "gateway-password";

    private EmbeddedPostgresPassword() {
    }

    /** The password of the embedded PostgreSQL whose data directory this is. */
    public static String read(Path postgresDataDir) {
        return find(postgresDataDir).orElseThrow(() ->
                new IllegalStateException("no " + FILE_NAME + " in " + postgresDataDir + ": the server never started there"));
    }

    static Optional<String> find(Path postgresDataDir) {
        Path file = postgresDataDir.resolve(FILE_NAME);
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new random password, written whole (through a temporary file and a move) and readable by the owner only. */
    static String create(Path postgresDataDir) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        try {
            Path temporary = Files.createTempFile(postgresDataDir, ".gateway-password", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data directory's own permissions apply
            }
            Files.writeString(temporary, password + "\n");
            Files.move(temporary, postgresDataDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return password;
    }
}
