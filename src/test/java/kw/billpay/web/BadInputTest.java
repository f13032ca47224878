package kw.billpay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kw.billpay.support.GatewayIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Bad input for every field of every endpoint: a 4xx problem+json with a {@code code} and a clear {@code detail}, never
 * a 5xx or a stack trace, nothing changed, and nothing logged at ERROR (CONTRACT "Common rules").
 */
class BadInputTest extends GatewayIntegrationTest {

    private static final String ACCOUNTS = "/api/v1/accounts/";
    private static final String FX = "/api/v1/fx-rates";
    private static final String BRANCH = "/api/v1/branch/payments";
    /** Marker for "send no Idempotency-Key header at all". */
    private static final String NO_KEY = "<none>";


    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void captureLogs() {
        logs = new ListAppender<>();
        logs.setName("bad-input-test");
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void nothingLoggedAtError() {
        root().detachAppender(logs);
        logs.stop();
        List<ILoggingEvent> errors;
        synchronized (logs) {
            errors = logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).toList();
        }
        assertThat(errors).as("events logged at ERROR during the test:%n%s", errors.stream()
                .map(BadInputTest::describe).collect(Collectors.joining("\n"))).isEmpty();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static String describe(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLoggerName() + ": " + event.getFormattedMessage());
        for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
            text.append("\n  caused by ").append(thrown.getClassName()).append(": ").append(thrown.getMessage());
        }
        return text.toString();
    }

    // ------------------------------------------------------------------------------------------------------------
    // PUT /api/v1/accounts/{accountNumber}
    // ------------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "account number \"{0}\"")
    @ValueSource(strings = {"12345", "12345678901234567890", "3766abcd1234567", "-12345678", "12345678.9",
            "%D9%A1%D9%A2%D9%A3%D9%A4%D9%A5%D9%A6%D9%A7" /* Arabic-Indic digits */, "%20123456789"})
    void badAccountNumberInThePath(String accountNumber) {
        assertProblem(put(ACCOUNTS + accountNumber, OPS, sampleAccount("KWD")), 400, "VALIDATION_FAILED");
        assertProblem(get(ACCOUNTS + accountNumber, OPS), 400, "VALIDATION_FAILED");
        assertProblem(get(ACCOUNTS + accountNumber + "/payments", OPS), 400, "VALIDATION_FAILED");
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"", "{", "{\"issuer\": ", "not json", "null", "[]", "\"amex-kw\"", "42",
            "{\"issuer\": \"amex-kw\",}", "{'issuer': 'amex-kw'}"})
    void unreadableAccountBody(String body) {
        String existing = newAccount("KWD");
        JsonNode before = account(existing);
        assertProblem(put(ACCOUNTS + existing, OPS, body), 400, "VALIDATION_FAILED");
        assertThat(account(existing)).isEqualTo(before);

        String fresh = randomAccountNumber();
        assertProblem(put(ACCOUNTS + fresh, OPS, body), 400, "VALIDATION_FAILED");
        assertUnknownAccount(fresh);
    }

    static Stream<Arguments> badAccountFields() {
        String i65 = "x".repeat(65);
        return Stream.of(
                arguments("issuer missing", remove("issuer"), 400, "VALIDATION_FAILED"),
                arguments("issuer blank", set("issuer", " "), 400, "VALIDATION_FAILED"),
                arguments("issuer null", set("issuer", null), 400, "VALIDATION_FAILED"),
                arguments("issuer unknown", set("issuer", "visa-kw"), 422, "UNKNOWN_ISSUER"),
                arguments("issuer too long", set("issuer", i65), 400, "VALIDATION_FAILED"),
                arguments("holderName missing", remove("holderName"), 400, "VALIDATION_FAILED"),
                arguments("holderName blank", set("holderName", "   "), 400, "VALIDATION_FAILED"),
                arguments("holderName too long", set("holderName", "h".repeat(201)), 400, "VALIDATION_FAILED"),
                arguments("holderName an object", set("holderName", Map.of("x", 1)), 400, "VALIDATION_FAILED"),
                arguments("currency missing", remove("currency"), 400, "VALIDATION_FAILED"),
                arguments("currency unknown XYZ", set("currency", "XYZ"), 422, "UNSUPPORTED_CURRENCY"),
                arguments("currency SAR not billed by amex-kw", set("currency", "SAR"), 422, "UNSUPPORTED_CURRENCY"),
                arguments("currency lower case", set("currency", "kwd"), 422, "UNSUPPORTED_CURRENCY"),
                arguments("currency without minor units XAU", set("currency", "XAU"), 422, "UNSUPPORTED_CURRENCY"),
                arguments("product missing", remove("product"), 400, "VALIDATION_FAILED"),
                arguments("product unknown", set("product", "DEBIT"), 400, "VALIDATION_FAILED"),
                arguments("product lower case", set("product", "credit"), 400, "VALIDATION_FAILED"),
                arguments("creditLimit missing on a CREDIT card", remove("creditLimit"), 400, "VALIDATION_FAILED"),
                arguments("creditLimit negative", set("creditLimit", "-1.000"), 400, "INVALID_AMOUNT"),
                arguments("creditLimit exponent", set("creditLimit", "1e3"), 400, "INVALID_AMOUNT"),
                arguments("creditLimit thousands separator", set("creditLimit", "1,000.000"), 400, "INVALID_AMOUNT"),
                arguments("creditLimit too many decimals", set("creditLimit", "2000.0001"), 400, "INVALID_AMOUNT"),
                arguments("creditLimit blank", set("creditLimit", ""), 400, "INVALID_AMOUNT"),
                arguments("creditLimit letters", set("creditLimit", "lots"), 400, "INVALID_AMOUNT"),
                arguments("creditLimit a JSON number", set("creditLimit", 2000), 400, "VALIDATION_FAILED|INVALID_AMOUNT"),
                arguments("creditLimit a JSON decimal", set("creditLimit", new BigDecimal("2000.000")), 400, "VALIDATION_FAILED|INVALID_AMOUNT"),
                arguments("creditLimit USD with 3 decimals", all(usdAccount(), set("creditLimit", "6000.000")), 400, "INVALID_AMOUNT"),
                arguments("status missing", remove("status"), 400, "VALIDATION_FAILED"),
                arguments("status unknown", set("status", "ACTIVE"), 400, "VALIDATION_FAILED"),
                arguments("statement missing", remove("statement"), 400, "VALIDATION_FAILED"),
                arguments("statement null", set("statement", null), 400, "VALIDATION_FAILED"),
                arguments("statement a string", set("statement", "2026-10-25"), 400, "VALIDATION_FAILED"),
                arguments("statementDate missing", remove("statement.statementDate"), 400, "VALIDATION_FAILED"),
                arguments("statementDate dd-MM-yyyy", set("statement.statementDate", "25-10-2026"), 400, "VALIDATION_FAILED"),
                arguments("statementDate impossible", set("statement.statementDate", "2026-02-30"), 400, "VALIDATION_FAILED"),
                arguments("statementDate with time", set("statement.statementDate", "2026-10-25T00:00:00+03:00"), 400, "VALIDATION_FAILED"),
                arguments("statementDate a number", set("statement.statementDate", 20261025), 400, "VALIDATION_FAILED"),
                arguments("dueDate missing", remove("statement.dueDate"), 400, "VALIDATION_FAILED"),
                arguments("dueDate with slashes", set("statement.dueDate", "2026/11/19"), 400, "VALIDATION_FAILED"),
                arguments("dueDate before statementDate", set("statement.dueDate", "2026-10-24"), 400, "VALIDATION_FAILED"),
                arguments("minimumDue negative", set("statement.minimumDue", "-25.000"), 400, "INVALID_AMOUNT"),
                arguments("minimumDue letters", set("statement.minimumDue", "abc"), 400, "INVALID_AMOUNT"),
                arguments("minimumDue too many decimals", set("statement.minimumDue", "25.0001"), 400, "INVALID_AMOUNT"),
                arguments("minimumDue exponent", set("statement.minimumDue", "2.5E1"), 400, "INVALID_AMOUNT"),
                arguments("minimumDue a JSON number", set("statement.minimumDue", 25), 400, "VALIDATION_FAILED|INVALID_AMOUNT"),
                arguments("bucket unknown", set("statement.buckets.OLD_STUFF", "1.000"), 400, "VALIDATION_FAILED"),
                arguments("bucket name lower case", set("statement.buckets.previous_fees", "1.000"), 400, "VALIDATION_FAILED"),
                arguments("UNBILLED inside buckets", set("statement.buckets.UNBILLED", "15.000"), 400, "VALIDATION_FAILED"),
                arguments("bucket negative", set("statement.buckets.PREVIOUS_FEES", "-5.000"), 400, "INVALID_AMOUNT"),
                arguments("bucket too many decimals", set("statement.buckets.PREVIOUS_FEES", "5.0001"), 400, "INVALID_AMOUNT"),
                arguments("bucket thousands separator", set("statement.buckets.CURRENT_PURCHASES", "1,322.500"), 400, "INVALID_AMOUNT"),
                arguments("bucket exponent", set("statement.buckets.CURRENT_CASH", "1e2"), 400, "INVALID_AMOUNT"),
                arguments("bucket NaN", set("statement.buckets.CURRENT_CASH", "NaN"), 400, "INVALID_AMOUNT"),
                arguments("bucket null", set("statement.buckets.CURRENT_CASH", null), 400, "VALIDATION_FAILED|INVALID_AMOUNT"),
                arguments("bucket a JSON number", set("statement.buckets.PREVIOUS_FEES", 5), 400, "VALIDATION_FAILED|INVALID_AMOUNT"),
                arguments("buckets a list", set("statement.buckets", List.of("5.000")), 400, "VALIDATION_FAILED"),
                arguments("unbilled negative", set("unbilled", "-15.000"), 400, "INVALID_AMOUNT"),
                arguments("unbilled letters", set("unbilled", "fifteen"), 400, "INVALID_AMOUNT"),
                arguments("unbilled too many decimals", set("unbilled", "15.0001"), 400, "INVALID_AMOUNT"),
                arguments("unbilled a JSON number", set("unbilled", 15), 400, "VALIDATION_FAILED|INVALID_AMOUNT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAccountFields")
    void badAccountFieldIsRefusedAndChangesNothing(String name, Consumer<ObjectNode> change, int status, String code) {
        ObjectNode body = JSON.valueToTree(sampleAccount("KWD"));
        change.accept(body);

        String existing = newAccount("KWD");
        JsonNode before = account(existing);
        assertProblem(put(ACCOUNTS + existing, OPS, body.toString()), status, code);
        assertThat(account(existing)).as("a refused PUT leaves the account as it was").isEqualTo(before);

        String fresh = randomAccountNumber();
        assertProblem(put(ACCOUNTS + fresh, OPS, body.toString()), status, code);
        assertUnknownAccount(fresh);
    }

    // ------------------------------------------------------------------------------------------------------------
    // PUT /api/v1/fx-rates
    // ------------------------------------------------------------------------------------------------------------

    static Stream<Arguments> badRates() {
        return Stream.of(
                arguments("empty object", body("{}"), 400, "VALIDATION_FAILED"),
                arguments("empty list", body("{\"rates\": []}"), 400, "VALIDATION_FAILED"),
                arguments("rates null", body("{\"rates\": null}"), 400, "VALIDATION_FAILED"),
                arguments("a null rate", body("{\"rates\": [null]}"), 400, "VALIDATION_FAILED"),
                arguments("rates not a list", body("{\"rates\": \"USD/KWD\"}"), 400, "VALIDATION_FAILED"),
                arguments("body not JSON", body("rates=0.305"), 400, "VALIDATION_FAILED"),
                arguments("from missing", rate(remove("from")), 400, "VALIDATION_FAILED"),
                arguments("to missing", rate(remove("to")), 400, "VALIDATION_FAILED"),
                arguments("rate missing", rate(remove("rate")), 400, "VALIDATION_FAILED|INVALID_RATE"),
                arguments("effectiveAt missing", rate(remove("effectiveAt")), 400, "VALIDATION_FAILED"),
                arguments("same from and to", rate(set("to", "JPY")), 400, "VALIDATION_FAILED"),
                arguments("rate zero", rate(set("rate", "0")), 400, "INVALID_RATE"),
                arguments("rate zero with decimals", rate(set("rate", "0.000000")), 400, "INVALID_RATE"),
                arguments("rate negative", rate(set("rate", "-0.002500")), 400, "INVALID_RATE"),
                arguments("rate letters", rate(set("rate", "abc")), 400, "INVALID_RATE"),
                arguments("rate exponent", rate(set("rate", "2.5e-3")), 400, "INVALID_RATE"),
                arguments("rate decimal comma", rate(set("rate", "0,0025")), 400, "INVALID_RATE"),
                arguments("rate blank", rate(set("rate", "")), 400, "INVALID_RATE"),
                arguments("rate too many decimals", rate(set("rate", "0.00250000001")), 400, "INVALID_RATE"),
                arguments("rate a JSON number", rate(set("rate", new BigDecimal("0.0025"))), 400, "VALIDATION_FAILED|INVALID_RATE"),
                arguments("effectiveAt a date", rate(set("effectiveAt", "2026-11-01")), 400, "VALIDATION_FAILED"),
                arguments("effectiveAt without offset", rate(set("effectiveAt", "2026-11-01T00:00:00")), 400, "VALIDATION_FAILED"),
                arguments("effectiveAt words", rate(set("effectiveAt", "yesterday")), 400, "VALIDATION_FAILED"),
                arguments("effectiveAt impossible", rate(set("effectiveAt", "2026-13-01T00:00:00+03:00")), 400, "VALIDATION_FAILED"),
                arguments("from unknown currency", rate(set("from", "XYZ")), 422, "UNSUPPORTED_CURRENCY"),
                arguments("to lower case", rate(set("to", "bhd")), 422, "UNSUPPORTED_CURRENCY"),
                arguments("source blank", rate(set("source", " ")), 400, "VALIDATION_FAILED"),
                arguments("second rate bad: none stored", body("{\"rates\": [" + validRate("JPY", "BHD", "0.002400", "2001-01-01T00:00:00+03:00")
                        + ", " + validRate("JPY", "BHD", "-1", "2001-01-02T00:00:00+03:00") + "]}"), 400, "INVALID_RATE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRates")
    void badRateIsRefusedAndNothingStored(String name, String body, int status, String code) {
        JsonNode before = rates();
        assertProblem(put(FX, OPS, body), status, code);
        assertThat(rates()).as("a refused PUT stores no rate").isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------------------------
    // POST /api/v1/branch/payments
    // ------------------------------------------------------------------------------------------------------------

    static Stream<Arguments> badBranchPayments() {
        Map<String, Object> cheque = Map.of("number", "000123", "bank", "NBK", "date", "2026-11-20");
        Consumer<ObjectNode> asCheque = all(set("method", "CHEQUE"), set("cheque", cheque));
        return Stream.of(
                arguments("Idempotency-Key missing", nothing(), NO_KEY, 400, "IDEMPOTENCY_KEY_MISSING|VALIDATION_FAILED"),
                arguments("Idempotency-Key of 65 characters", nothing(), "k".repeat(65), 400, "IDEMPOTENCY_KEY_INVALID|VALIDATION_FAILED"),
                arguments("accountNumber missing", remove("accountNumber"), null, 400, "VALIDATION_FAILED"),
                arguments("accountNumber blank", set("accountNumber", ""), null, 400, "VALIDATION_FAILED"),
                arguments("accountNumber 5 digits", set("accountNumber", "12345"), null, 400, "VALIDATION_FAILED"),
                arguments("accountNumber 20 digits", set("accountNumber", "12345678901234567890"), null, 400, "VALIDATION_FAILED"),
                arguments("accountNumber letters", set("accountNumber", "3766abcd1234567"), null, 400, "VALIDATION_FAILED"),
                arguments("accountNumber with spaces", set("accountNumber", "3766 1234 5678 901"), null, 400, "VALIDATION_FAILED"),
                arguments("accountNumber a JSON number", accountNumberAsJsonNumber(),
                        null, 400, "VALIDATION_FAILED"),
                arguments("accountNumber unknown", set("accountNumber", "999999999999"), null, 422, "UNKNOWN_ACCOUNT"),
                arguments("method missing", remove("method"), null, 400, "VALIDATION_FAILED"),
                arguments("method unknown", set("method", "BITCOIN"), null, 400, "VALIDATION_FAILED"),
                arguments("method not a branch method", set("method", "DIRECT_DEBIT"), null, 400, "VALIDATION_FAILED"),
                arguments("method lower case", set("method", "cash"), null, 400, "VALIDATION_FAILED"),
                arguments("amount missing", remove("amount"), null, 400, "VALIDATION_FAILED|INVALID_AMOUNT"),
                arguments("amount a bare string", set("amount", "10.000"), null, 400, "VALIDATION_FAILED|INVALID_AMOUNT"),
                arguments("amount.amount missing", remove("amount.amount"), null, 400, "VALIDATION_FAILED|INVALID_AMOUNT"),
                arguments("amount.currency missing", remove("amount.currency"), null, 400, "VALIDATION_FAILED|UNSUPPORTED_CURRENCY"),
                arguments("amount zero", set("amount.amount", "0.000"), null, 400, "INVALID_AMOUNT"),
                arguments("amount 0", set("amount.amount", "0"), null, 400, "INVALID_AMOUNT"),
                arguments("amount negative", set("amount.amount", "-10.000"), null, 400, "INVALID_AMOUNT"),
                arguments("amount NaN", set("amount.amount", "NaN"), null, 400, "INVALID_AMOUNT"),
                arguments("amount Infinity", set("amount.amount", "Infinity"), null, 400, "INVALID_AMOUNT"),
                arguments("amount exponent", set("amount.amount", "1e2"), null, 400, "INVALID_AMOUNT"),
                arguments("amount thousands separator", set("amount.amount", "1,000"), null, 400, "INVALID_AMOUNT"),
                arguments("amount KWD with 4 decimals", set("amount.amount", "10.1234"), null, 400, "INVALID_AMOUNT"),
                arguments("amount USD with 3 decimals", all(set("amount.amount", "10.123"), set("amount.currency", "USD")), null, 400, "INVALID_AMOUNT"),
                arguments("amount blank", set("amount.amount", ""), null, 400, "INVALID_AMOUNT"),
                arguments("amount with spaces", set("amount.amount", " 10.000"), null, 400, "INVALID_AMOUNT"),
                arguments("amount with plus sign", set("amount.amount", "+10.000"), null, 400, "INVALID_AMOUNT"),
                arguments("amount hexadecimal", set("amount.amount", "0x10"), null, 400, "INVALID_AMOUNT"),
                arguments("amount without integer digits", set("amount.amount", ".500"), null, 400, "INVALID_AMOUNT"),
                arguments("amount trailing dot", set("amount.amount", "10."), null, 400, "INVALID_AMOUNT"),
                arguments("amount Arabic-Indic digits", set("amount.amount", "\u0661\u0660"), null, 400, "INVALID_AMOUNT"),
                arguments("amount too large", set("amount.amount", "1" + "0".repeat(20)), null, 400, "INVALID_AMOUNT"),
                arguments("amount a JSON number", set("amount.amount", 10), null, 400, "VALIDATION_FAILED|INVALID_AMOUNT"),
                arguments("amount a JSON decimal", set("amount.amount", new BigDecimal("10.500")), null, 400, "VALIDATION_FAILED|INVALID_AMOUNT"),
                arguments("currency EUR", all(set("amount.amount", "10.00"), set("amount.currency", "EUR")), null, 422, "UNSUPPORTED_CURRENCY"),
                arguments("currency SAR", all(set("amount.amount", "10.00"), set("amount.currency", "SAR")), null, 422, "UNSUPPORTED_CURRENCY"),
                // the currency is the first thing wrong here, not the number of decimals EUR would allow
                arguments("currency EUR with a 3-decimal amount", set("amount.currency", "EUR"), null, 422, "UNSUPPORTED_CURRENCY"),
                arguments("currency unknown", set("amount.currency", "XYZ"), null, 422, "UNSUPPORTED_CURRENCY"),
                arguments("currency lower case", set("amount.currency", "kwd"), null, 422, "UNSUPPORTED_CURRENCY"),
                arguments("institution unknown", set("institution", "NBK"), null, 400, "VALIDATION_FAILED"),
                arguments("branch blank", set("branch", "   "), null, 400, "VALIDATION_FAILED"),
                arguments("branch empty", set("branch", ""), null, 400, "VALIDATION_FAILED"),
                arguments("branch markup", set("branch", "<script>"), null, 400, "VALIDATION_FAILED"),
                arguments("branch too long", set("branch", "B".repeat(41)), null, 400, "VALIDATION_FAILED"),
                arguments("posReference empty", set("posReference", ""), null, 400, "VALIDATION_FAILED"),
                arguments("cheque missing for CHEQUE", set("method", "CHEQUE"), null, 400, "VALIDATION_FAILED"),
                arguments("cheque missing for DEMAND_DRAFT", set("method", "DEMAND_DRAFT"), null, 400, "VALIDATION_FAILED"),
                arguments("cheque null for CHEQUE", all(set("method", "CHEQUE"), set("cheque", null)), null, 400, "VALIDATION_FAILED"),
                arguments("cheque given for CASH", set("cheque", cheque), null, 400, "VALIDATION_FAILED"),
                arguments("cheque given for POS_KNET", all(set("method", "POS_KNET"), set("cheque", cheque)), null, 400, "VALIDATION_FAILED"),
                arguments("POS_KNET in USD (R5: KNET takes KWD)", all(set("method", "POS_KNET"), set("posReference", "POS-1"),
                        set("amount.currency", "USD"), set("amount.amount", "10.00")), null, 422, "UNSUPPORTED_CURRENCY"),
                arguments("cheque a string", all(set("method", "CHEQUE"), set("cheque", "000123")), null, 400, "VALIDATION_FAILED"),
                arguments("cheque.number missing", all(asCheque, remove("cheque.number")), null, 400, "VALIDATION_FAILED"),
                arguments("cheque.number blank", all(asCheque, set("cheque.number", " ")), null, 400, "VALIDATION_FAILED"),
                arguments("cheque.number punctuation", all(asCheque, set("cheque.number", "12-34")), null, 400, "VALIDATION_FAILED"),
                arguments("cheque.number too long", all(asCheque, set("cheque.number", "1".repeat(21))), null, 400, "VALIDATION_FAILED"),
                arguments("cheque.bank missing", all(asCheque, remove("cheque.bank")), null, 400, "VALIDATION_FAILED"),
                arguments("cheque.bank blank", all(asCheque, set("cheque.bank", "")), null, 400, "VALIDATION_FAILED"),
                arguments("cheque.bank too long", all(asCheque, set("cheque.bank", "N".repeat(41))), null, 400, "VALIDATION_FAILED"),
                arguments("cheque.date missing", all(asCheque, remove("cheque.date")), null, 400, "VALIDATION_FAILED"),
                arguments("cheque.date dd/MM/yyyy", all(asCheque, set("cheque.date", "20/11/2026")), null, 400, "VALIDATION_FAILED"),
                arguments("cheque.date impossible", all(asCheque, set("cheque.date", "2026-02-30")), null, 400, "VALIDATION_FAILED"),
                arguments("DEMAND_DRAFT cheque.date blank", all(asCheque, set("method", "DEMAND_DRAFT"), set("cheque.date", "")), null, 400, "VALIDATION_FAILED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBranchPayments")
    void badBranchPaymentIsRefusedAndChangesNothing(String name, Consumer<ObjectNode> change, String key, int status, String code) {
        String accountNumber = newAccount("KWD");
        JsonNode before = account(accountNumber);
        ObjectNode body = JSON.valueToTree(cash(accountNumber, "10.000", "KWD"));
        change.accept(body);

        Map<String, String> headers = NO_KEY.equals(key) ? Map.of() : Map.of("Idempotency-Key", key == null ? newKey() : key);
        assertProblem(send("POST", BRANCH, TELLER, body.toString(), headers), status, code);

        assertThat(account(accountNumber)).as("balances unchanged").isEqualTo(before);
        assertNoPayments(accountNumber);
    }

    @Test
    void paymentToAClosedAccountIsRefused() {
        String accountNumber = randomAccountNumber();
        Map<String, Object> closed = new HashMap<>(sampleAccount("KWD"));
        closed.put("status", "CLOSED");
        assertThat(put(ACCOUNTS + accountNumber, OPS, closed).status()).isEqualTo(201);
        JsonNode before = account(accountNumber);

        assertProblem(post(BRANCH, TELLER, cash(accountNumber, "10.000", "KWD"), newKey()), 422, "ACCOUNT_NOT_OPEN");
        assertProblem(post(BRANCH, TELLER, cheque(accountNumber, "10.000", "KWD"), newKey()), 422, "ACCOUNT_NOT_OPEN");

        assertThat(account(accountNumber)).isEqualTo(before);
        assertNoPayments(accountNumber);
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsIdempotencyKey() {
        String accountNumber = newAccount("KWD");
        String key = newKey();
        assertProblem(post(BRANCH, TELLER, cash(accountNumber, "10.0000", "KWD"), key), 400, "INVALID_AMOUNT");
        assertNoPayments(accountNumber);

        Answer corrected = post(BRANCH, TELLER, cash(accountNumber, "10.000", "KWD"), key);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
    }

    /**
     * The largest amount the parser takes (15 integer digits) is valid input, but what an account has been paid since
     * its statement and its credit balance add up; once they no longer fit what the gateway stores, the next payment
     * must be refused as a 4xx, not fail as a 500 logged at ERROR.
     */
    @Test
    void paymentsBeyondWhatTheAccountCanHoldAreRefusedNotA500() {
        String accountNumber = newAccount("KWD");
        String largest = "999999999999999.999";
        for (int i = 0; i < 11; i++) {
            JsonNode before = account(accountNumber);
            Answer answer = post(BRANCH, TELLER, cash(accountNumber, largest, "KWD"), newKey());
            if (answer.status() == 201) {
                continue; // still fits
            }
            assertThat(answer.status()).as("refused, not failed: %s", answer.body()).isLessThan(500);
            assertProblem(answer, answer.status(), null);
            assertThat(account(accountNumber)).isEqualTo(before);
            assertThat(get(ACCOUNTS + accountNumber + "/payments?limit=500", OPS).json()).hasSize(i);
            return;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // POST /api/v1/branch/payments/{paymentId}/clearing
    // ------------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "payment id \"{0}\"")
    @ValueSource(strings = {"00000000-0000-0000-0000-000000000000", "not-a-uuid", "12345", "3fa85f64-5717-4562-b3fc-2c963f66afa6x"})
    void clearingAnUnknownOrMalformedPaymentIs404(String paymentId) {
        assertProblem(post(BRANCH + "/" + paymentId + "/clearing", SUPERVISOR, Map.of("outcome", "CLEARED")), 404, "UNKNOWN_PAYMENT");
        assertProblem(post(BRANCH + "/" + UUID.randomUUID() + "/clearing", SUPERVISOR,
                Map.of("outcome", "RETURNED", "reason", "INSUFFICIENT_FUNDS")), 404, "UNKNOWN_PAYMENT");
    }

    static Stream<Arguments> badClearingBodies() {
        return Stream.of(
                arguments("outcome unknown", "{\"outcome\": \"MAYBE\"}"),
                arguments("outcome lower case", "{\"outcome\": \"cleared\"}"),
                arguments("outcome missing", "{}"),
                arguments("outcome null", "{\"outcome\": null}"),
                arguments("RETURNED without reason", "{\"outcome\": \"RETURNED\"}"),
                arguments("RETURNED with empty reason", "{\"outcome\": \"RETURNED\", \"reason\": \"\"}"),
                arguments("RETURNED with an over-long reason", "{\"outcome\": \"RETURNED\", \"reason\": \"" + "R".repeat(101) + "\"}"),
                arguments("empty body", ""),
                arguments("not JSON", "CLEARED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badClearingBodies")
    void badClearingRequestIsRefusedAndChangesNothing(String name, String body) {
        String accountNumber = newAccount("KWD");
        String paymentId = takeCheque(accountNumber);
        JsonNode accountBefore = account(accountNumber);
        JsonNode paymentBefore = payment(paymentId);

        assertProblem(post(BRANCH + "/" + paymentId + "/clearing", SUPERVISOR, body), 400, "VALIDATION_FAILED");

        assertThat(payment(paymentId)).isEqualTo(paymentBefore);
        assertThat(payment(paymentId).path("status").asText()).isEqualTo("PENDING_CLEARING");
        assertThat(account(accountNumber)).isEqualTo(accountBefore);
    }

    /**
     * A JSON body sent as a form with a raw byte that reads as a C1 control character (ISO-8859-1, a form's encoding): the
     * firewall refuses the "parameter name" only when the body is read as parameters, inside the handler (found by the
     * fuzz test: it was a 500).
     */
    @ParameterizedTest(name = "byte {0}")
    @ValueSource(ints = {0x85, 0x9F})
    void aJsonBodySentAsAFormWithAControlCharacterIs400(int rawByte) {
        String accountNumber = newAccount("KWD");
        String paymentId = takeCheque(accountNumber);
        JsonNode paymentBefore = payment(paymentId);
        byte[] body = "{\"outcome\":\"?CLEARED\"}".getBytes(StandardCharsets.US_ASCII);
        body[12] = (byte) rawByte;

        RawHttp.Reply reply = RawHttp.send(port, null, RawHttp.request("POST", BRANCH + "/" + paymentId + "/clearing",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic " + Base64.getEncoder().encodeToString(SUPERVISOR.getBytes(StandardCharsets.UTF_8))),
                body, true));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.body()).as(reply.toString()).contains("\"code\":\"VALIDATION_FAILED\"");
        assertThat(payment(paymentId)).isEqualTo(paymentBefore);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CLEARED", "RETURNED"})
    void clearingACashPaymentIsNotClearable(String outcome) {
        String accountNumber = newAccount("KWD");
        Answer taken = post(BRANCH, TELLER, cash(accountNumber, "10.000", "KWD"), newKey());
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        String paymentId = taken.json().path("paymentId").asText();
        JsonNode accountBefore = account(accountNumber);
        JsonNode paymentBefore = payment(paymentId);

        assertProblem(post(BRANCH + "/" + paymentId + "/clearing", SUPERVISOR, clearing(outcome)), 409, "NOT_CLEARABLE");

        assertThat(payment(paymentId)).isEqualTo(paymentBefore);
        assertThat(account(accountNumber)).isEqualTo(accountBefore);
    }

    @Test
    void clearedThenReturnedIsAConflict() {
        String accountNumber = newAccount("KWD");
        String paymentId = takeCheque(accountNumber);
        Answer cleared = post(BRANCH + "/" + paymentId + "/clearing", SUPERVISOR, clearing("CLEARED"));
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        JsonNode accountBefore = account(accountNumber);
        JsonNode paymentBefore = payment(paymentId);

        assertProblem(post(BRANCH + "/" + paymentId + "/clearing", SUPERVISOR, clearing("RETURNED")), 409, "CLEARING_CONFLICT");

        assertThat(payment(paymentId)).isEqualTo(paymentBefore);
        assertThat(payment(paymentId).path("status").asText()).isEqualTo("POSTED");
        assertThat(account(accountNumber)).isEqualTo(accountBefore);
    }

    @Test
    void returnedThenClearedIsAConflict() {
        String accountNumber = newAccount("KWD");
        String paymentId = takeCheque(accountNumber);
        Answer returned = post(BRANCH + "/" + paymentId + "/clearing", OPS, clearing("RETURNED"));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        JsonNode accountBefore = account(accountNumber);
        JsonNode paymentBefore = payment(paymentId);

        assertProblem(post(BRANCH + "/" + paymentId + "/clearing", OPS, clearing("CLEARED")), 409, "CLEARING_CONFLICT");

        assertThat(payment(paymentId)).isEqualTo(paymentBefore);
        assertThat(payment(paymentId).path("status").asText()).isEqualTo("RETURNED");
        assertThat(account(accountNumber)).isEqualTo(accountBefore);
    }

    // ------------------------------------------------------------------------------------------------------------
    // GETs
    // ------------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "payment id \"{0}\"")
    @ValueSource(strings = {"00000000-0000-0000-0000-000000000000", "not-a-uuid", "12345", "%27%20or%201%3D1"})
    void unknownOrMalformedPaymentIs404(String paymentId) {
        assertProblem(get("/api/v1/payments/" + paymentId, OPS), 404, "UNKNOWN_PAYMENT");
        assertProblem(get(BRANCH + "/" + paymentId + "/receipt", TELLER), 404, "UNKNOWN_PAYMENT");
    }

    @Test
    void unknownAccountIs404() {
        String accountNumber = randomAccountNumber();
        assertUnknownAccount(accountNumber);
        assertProblem(get(ACCOUNTS + accountNumber + "/payments", OPS), 404, "UNKNOWN_ACCOUNT");
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "-1", "501", "abc", "1.5", "99999999999999999999", ""})
    void badPaymentListLimitIs400(String limit) {
        String accountNumber = newAccount("KWD");
        Answer answer = get(ACCOUNTS + accountNumber + "/payments?limit=" + limit, OPS);
        if (limit.isEmpty()) {
            // an empty parameter is either the default or a refusal; never a 5xx
            assertThat(answer.status()).as(answer.body()).isIn(200, 400);
            return;
        }
        assertProblem(answer, 400, "VALIDATION_FAILED");
    }

    // ------------------------------------------------------------------------------------------------------------
    // Odd requests
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void textBodyToAJsonEndpointIs415() {
        String accountNumber = randomAccountNumber();
        assertProblem(raw("PUT", ACCOUNTS + accountNumber, OPS, "text/plain", JSON.valueToTree(sampleAccount("KWD")).toString(),
                Map.of()), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertUnknownAccount(accountNumber);

        String payee = newAccount("KWD");
        assertProblem(raw("POST", BRANCH, TELLER, "application/xml", "<payment/>", Map.of("Idempotency-Key", newKey())),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(raw("POST", BRANCH, TELLER, "application/x-www-form-urlencoded", "accountNumber=" + payee,
                Map.of("Idempotency-Key", newKey())), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertNoPayments(payee);
    }

    @Test
    void wrongMethodIs405() {
        String accountNumber = newAccount("KWD");
        assertProblem(send("DELETE", ACCOUNTS + accountNumber, OPS, null, Map.of()), 405, "METHOD_NOT_ALLOWED");
        assertProblem(send("PATCH", ACCOUNTS + accountNumber, OPS, "{}", Map.of()), 405, "METHOD_NOT_ALLOWED");
        assertThat(get(ACCOUNTS + accountNumber, OPS).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/nothing-here", "/api/v2/accounts/376612345678901", "/api/v1/accounts", "/index.html"})
    void unknownPathIs404(String path) {
        assertProblem(get(path, OPS), 404, null);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1//accounts/376612345678901", "//api/v1/fx-rates", "/api/v1/accounts/3766%2F12345678901",
            "/api/v1/accounts/376612345678901;jsessionid=1", "/api/v1/accounts/%2e%2e/fx-rates"})
    void urlTheFirewallRefusesIs400(String path) {
        assertProblem(get(path, OPS), 400, null);
    }

    // ------------------------------------------------------------------------------------------------------------
    // helpers
    // ------------------------------------------------------------------------------------------------------------

    /** The CONTRACT's problem: 4xx (never 5xx), problem+json, a code, a clear detail and nothing internal. */
    private static void assertProblem(Answer answer, int status, String codes) {
        String context = answer.status() + " " + answer.contentType() + " " + answer.body();
        assertThat(answer.status()).as(context).isBetween(400, 499).isEqualTo(status);
        assertThat(answer.contentType()).as(context).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("code").asText()).as(context).isNotBlank();
        if (codes != null) {
            assertThat(problem.path("code").asText()).as(context).isIn(Arrays.asList(codes.split("\\|")));
        }
        assertThat(problem.path("status").asInt()).as(context).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as(context).isNotBlank();
        assertThat(answer.body()).as(context)
                .doesNotContain("Exception", "exception", "at kw.", "kw.billpay", "org.springframework", "java.", "javax.",
                        "jakarta.", "com.fasterxml", "org.apache", "\tat ", "trace");
    }

    private void assertUnknownAccount(String accountNumber) {
        assertProblem(get(ACCOUNTS + accountNumber, OPS), 404, "UNKNOWN_ACCOUNT");
    }

    private void assertNoPayments(String accountNumber) {
        Answer list = get(ACCOUNTS + accountNumber + "/payments", OPS);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().isArray()).as(list.body()).isTrue();
        assertThat(list.json()).as("no payment was recorded for the account").isEmpty();
    }

    private JsonNode account(String accountNumber) {
        return getJson(ACCOUNTS + accountNumber, OPS);
    }

    private JsonNode payment(String paymentId) {
        return getJson("/api/v1/payments/" + paymentId, OPS);
    }

    private JsonNode rates() {
        Answer answer = get(FX, OPS);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private String takeCheque(String accountNumber) {
        Answer taken = post(BRANCH, TELLER, cheque(accountNumber, "10.000", "KWD"), newKey());
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        assertThat(taken.json().path("status").asText()).isEqualTo("PENDING_CLEARING");
        return taken.json().path("paymentId").asText();
    }

    private static Map<String, Object> clearing(String outcome) {
        return outcome.equals("RETURNED") ? Map.of("outcome", outcome, "reason", "INSUFFICIENT_FUNDS") : Map.of("outcome", outcome);
    }

    /** A request with a Content-Type of our choosing. */
    private Answer raw(String method, String path, String credentials, String contentType, String body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", contentType);
        return send(method, path, credentials, body, all);
    }


    // JSON body edits for the parameterised cases: a dotted path into the body.

    private static Consumer<ObjectNode> set(String path, Object value) {
        return body -> {
            String[] parts = path.split("\\.");
            ObjectNode node = parent(body, parts);
            node.set(parts[parts.length - 1], value == null ? NullNode.getInstance() : JSON.valueToTree(value));
        };
    }

    private static Consumer<ObjectNode> remove(String path) {
        return body -> {
            String[] parts = path.split("\\.");
            parent(body, parts).remove(parts[parts.length - 1]);
        };
    }

    private static ObjectNode parent(ObjectNode body, String[] parts) {
        ObjectNode node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        return node;
    }

    @SafeVarargs
    private static Consumer<ObjectNode> all(Consumer<ObjectNode>... changes) {
        return body -> Stream.of(changes).forEach(c -> c.accept(body));
    }

    private static Consumer<ObjectNode> accountNumberAsJsonNumber() {
        return body -> body.put("accountNumber", Long.parseLong(body.get("accountNumber").asText()));
    }

    private static Consumer<ObjectNode> nothing() {
        return body -> { };
    }

    /** The sample account turned into a USD one (amounts with 2 decimals). */
    private static Consumer<ObjectNode> usdAccount() {
        return body -> body.setAll((ObjectNode) JSON.valueToTree(sampleAccount("USD")));
    }

    private static String body(String body) {
        return body;
    }

    private static String validRate(String from, String to, String rate, String effectiveAt) {
        return JSON.valueToTree(Map.of("from", from, "to", to, "rate", rate, "effectiveAt", effectiveAt)).toString();
    }

    /**
     * One rate request whose single rate is edited. A pair and a time no payment uses, so that a rate the gateway
     * wrongly accepts changes no other test's conversions.
     */
    private static String rate(Consumer<ObjectNode> change) {
        ObjectNode rate = JSON.valueToTree(Map.of("from", "JPY", "to", "BHD", "rate", "0.002500",
                "effectiveAt", "2001-01-01T00:00:00+03:00"));
        change.accept(rate);
        return "{\"rates\": [" + rate + "]}";
    }
}
