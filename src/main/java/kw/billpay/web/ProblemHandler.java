package kw.billpay.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.net.URI;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import kw.billpay.core.Refusal;
import kw.billpay.core.account.AccountNumbers;
import kw.billpay.infra.DependencyFailures;
import java.util.Arrays;
import java.util.stream.Collectors;
import lombok.extern.slf4j.Slf4j;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.UriUtils;

/**
 * Every refusal as RFC 9457 problem+json with a {@code code} member. Bad input is a 4xx with a clear detail; only a
 * fault of the gateway itself is a 500, logged once with its stack trace, and its detail says nothing internal.
 */
@RestControllerAdvice
@Slf4j
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final int MAX_CAUSES = 16;
    // SQLState class 22 and the members of it the gateway explains (PostgreSQL, "Appendix A. Error Codes")
    private static final String DATA_EXCEPTION = "22";
    private static final String NUMERIC_OUT_OF_RANGE = "22003";
    private static final String STRING_TOO_LONG = "22001";
    private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    private static final String UNTRANSLATABLE_CHARACTER = "22P05";
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("[0-9]{6,}");

    /** Every business refusal, wherever it was raised, with the HTTP status of its kind. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refusal(Refusal e) {
        ResponseEntity<Object> answer = problem(statusOf(e.kind()), e.code(), e.getMessage());
        return e.kind() == Refusal.Kind.UNAVAILABLE ? retryLater(answer) : answer;
    }

    /** The one place a refusal's kind becomes an HTTP status. */
    public static HttpStatus statusOf(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "'" + e.getName() + "' has an invalid value");
    }

    /**
     * The firewall refusing a form parameter's name, found only when the body is read as parameters (a JSON body sent as
     * {@code application/x-www-form-urlencoded}): bad input, like the URLs the firewall refuses before any handler.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request's form parameters are not acceptable.");
    }

    /**
     * A database error the request's values caused (SQLState class 22, "data exception": a value too long, a number
     * out of range, text the encoding cannot hold): the transaction rolled back, nothing changed, and the caller is told
     * so. Any other database error is a fault of the gateway.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> database(DataAccessException e) {
        ResponseEntity<Object> refused = inputError(e);
        return refused != null ? refused : unexpected(e);
    }

    /**
     * Anything else. Routes (CamelExecutionException), transactions and proxies wrap what was thrown: a refusal or a
     * data exception found inside is answered as itself; only what remains is a fault, logged once.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        ResponseEntity<Object> refused = inputError(e);
        if (refused != null) {
            return refused;
        }
        if (DependencyFailures.isEngineAway(e)) {
            return engineAway(e);
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "The gateway could not complete the request; nothing was posted twice. Retry with the same Idempotency-Key.");
    }

    /** The answer to a refusal or a data exception anywhere in {@code e}'s causes; null when there is none. */
    private ResponseEntity<Object> inputError(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            if (t instanceof Refusal refusal) {
                return refusal(refusal);
            }
        }
        depth = 0;
        for (Throwable t = e; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(DATA_EXCEPTION)) {
                log.warn("Refused a request whose values the database could not take (SQLState {})", sql.getSQLState());
                return dataException(sql.getSQLState());
            }
        }
        return null;
    }

    private static ResponseEntity<Object> dataException(String sqlState) {
        return switch (sqlState) {
            case NUMERIC_OUT_OF_RANGE -> problem(HttpStatus.UNPROCESSABLE_ENTITY, "AMOUNT_OUT_OF_RANGE",
                    "A number would be beyond what the ledger can hold (an amount or balance has at most 16 digits before "
                            + "the decimal point); nothing was changed.");
            case STRING_TOO_LONG -> problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    "A value is longer than the gateway can store; nothing was changed.");
            case CHARACTER_NOT_IN_REPERTOIRE, UNTRANSLATABLE_CHARACTER -> problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    "A text value holds characters the gateway cannot store; nothing was changed.");
            default -> problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                    "A value is not one the gateway can store; nothing was changed.");
        };
    }

    /**
     * PostgreSQL or the broker is away (unreachable, restarting, no connection within the pool's connection-timeout):
     * the request's transaction rolled back, so the same request with the same Idempotency-Key may be sent again.
     */
    private ResponseEntity<Object> engineAway(Exception e) {
        log.warn("A request failed because an engine is away, answered 503: {}", e.toString());
        return retryLater(problem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                "The gateway cannot reach its database or message broker just now; nothing was posted twice. "
                        + "Retry after a few seconds with the same Idempotency-Key."));
    }

    private static ResponseEntity<Object> retryLater(ResponseEntity<Object> answer) {
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(DependencyFailures.RETRY_AFTER_SECONDS))
                .body(answer.getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", describe(e.getCause()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        if (detail.isEmpty()) {
            detail = e.getBindingResult().getAllErrors().stream()
                    .map(err -> err.getDefaultMessage()).collect(Collectors.joining("; "));
        }
        return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        String detail = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> r.getMethodParameter().getParameterName() + " " + err.getDefaultMessage()))
                .collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail);
    }

    /** Framework-raised errors (404, 405, 415, missing header…): keep their status, add a code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : e.getMessage();
        return problem(status, codeFor(status), detail);
    }

    public static ResponseEntity<Object> problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(maskedRequestPath());
        problem.setType(URI.create("urn:problem-type:" + code.toLowerCase().replace('_', '-')));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * The request path as the problem's {@code instance}, with every account number masked to its last 4 digits
     * (left empty, Spring would put the raw path there, full account number included).
     */
    private static URI maskedRequestPath() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return URI.create("");
        }
        try {
            String path = UriUtils.decode(attributes.getRequest().getRequestURI(), StandardCharsets.UTF_8);
            String masked = LONG_DIGIT_RUN.matcher(path).replaceAll(m -> AccountNumbers.mask(m.group()));
            return URI.create(UriUtils.encodePath(masked, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return URI.create("");
        }
    }

    public static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status.is4xxClientError() ? "VALIDATION_FAILED" : "INTERNAL_ERROR";
        };
    }

    private static String describe(FieldError error) {
        return error.getField() + ": " + error.getDefaultMessage();
    }

    /** A JSON body Jackson could not bind: name the field and say what was expected, never echo internals. */
    private static String describe(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof StorableJsonText.Refused refused) {
                return refused.getOriginalMessage();
            }
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (cause instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return path(f) + ": '" + f.getValue() + "' is not one of " + Arrays.toString(f.getTargetType().getEnumConstants());
        }
        if (cause instanceof MismatchedInputException m) {
            String expected = m.getTargetType() == null ? "another type" : switch (m.getTargetType().getSimpleName()) {
                case "String" -> "a JSON string";
                case "LocalDate" -> "a date string yyyy-MM-dd";
                case "OffsetDateTime" -> "a date-time string with offset";
                default -> m.getTargetType().isEnum() ? "one of " + Arrays.toString(m.getTargetType().getEnumConstants()) : "an object";
            };
            return path(m) + ": must be " + expected;
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return path(m) + ": invalid value";
        }
        return "the request body is not valid JSON";
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }
}
