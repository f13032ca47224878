package kw.billpay.core;

import java.util.Objects;

/**
 * A refusal the caller can act on, raised by the business rules wherever they run (an HTTP request, a JMS consumer,
 * a bank file): a stable machine-readable {@code code}, a {@link Kind} that says what sort of refusal it is, and a
 * human {@code detail} that names the offending field or value. The web layer turns it into problem+json in one place
 * ({@code web.ProblemHandler}); a file channel records its code.
 */
public class Refusal extends RuntimeException {

    /** What sort of refusal: the web layer maps each to one HTTP status. */
    public enum Kind {
        /** The input itself is malformed (400). */
        INVALID,
        /** What the input names does not exist (404). */
        NOT_FOUND,
        /** The input contradicts what already happened (409). */
        CONFLICT,
        /** Well-formed input that the business rules refuse (422). */
        UNPROCESSABLE,
        /** The caller may not do this with this value (403). */
        FORBIDDEN,
        /** A dependency is unavailable for now; the same request may succeed later (503). */
        UNAVAILABLE
    }

    public static final String VALIDATION_FAILED = "VALIDATION_FAILED";

    private final Kind kind;
    private final String code;

    public Refusal(Kind kind, String code, String detail) {
        super(detail);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public static Refusal invalid(String code, String detail) {
        return new Refusal(Kind.INVALID, code, detail);
    }

    /** A malformed or missing field: {@code VALIDATION_FAILED}, the detail naming the field. */
    public static Refusal validation(String detail) {
        return invalid(VALIDATION_FAILED, detail);
    }

    public static Refusal unprocessable(String code, String detail) {
        return new Refusal(Kind.UNPROCESSABLE, code, detail);
    }

    public static Refusal notFound(String code, String detail) {
        return new Refusal(Kind.NOT_FOUND, code, detail);
    }

    public static Refusal conflict(String code, String detail) {
        return new Refusal(Kind.CONFLICT, code, detail);
    }

    public static Refusal forbidden(String code, String detail) {
        return new Refusal(Kind.FORBIDDEN, code, detail);
    }
}
