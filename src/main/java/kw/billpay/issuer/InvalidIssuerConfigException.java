package kw.billpay.issuer;

import java.nio.file.Path;

/** An issuer file that cannot be used; the gateway does not start with it. */
public class InvalidIssuerConfigException extends RuntimeException {

    public InvalidIssuerConfigException(Path file, String rule) {
        super("Invalid issuer configuration " + file + ": " + rule);
    }
}
