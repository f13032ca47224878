package kw.billpay.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code PUT /api/v1/accounts/{number}} for tests that drive the API. By default the CONTRACT's sample: an
 * open amex-kw credit card in KWD, statement of 2026-10-25 (balance 500.000, minimum 25.000), 15.000 unbilled.
 */
public final class AccountJson {

    private final Map<String, Object> account = new LinkedHashMap<>();
    private final Map<String, Object> statement = new LinkedHashMap<>();

    private AccountJson() {
        account.put("issuer", "amex-kw");
        account.put("holderName", "Sample Holder");
        account.put("currency", "KWD");
        account.put("product", "CREDIT");
        account.put("creditLimit", "2000.000");
        account.put("status", "OPEN");
        statement.put("statementDate", "2026-10-25");
        statement.put("dueDate", "2026-11-19");
        statement.put("minimumDue", "25.000");
        statement.put("buckets", Map.of(
                "PREVIOUS_FEES", "5.000", "PREVIOUS_CASH", "0.000", "PREVIOUS_PURCHASES", "40.000",
                "PREVIOUS_INSTALMENTS", "0.000", "CURRENT_INSTALMENTS", "30.000", "CURRENT_FEES", "2.500",
                "CURRENT_CASH", "100.000", "CURRENT_PURCHASES", "322.500"));
        account.put("unbilled", "15.000");
    }

    public static AccountJson sample() {
        return new AccountJson();
    }

    /** The sample in USD: balance 1,600.00, minimum 80.00, nothing unbilled. */
    public static AccountJson sampleUsd() {
        return new AccountJson().with("currency", "USD").with("creditLimit", "6000.00").with("unbilled", "0.00")
                .minimumDue("80.00")
                .buckets(Map.of("PREVIOUS_FEES", "5.00", "PREVIOUS_PURCHASES", "40.00", "CURRENT_PURCHASES", "1555.00"));
    }

    public AccountJson with(String field, Object value) {
        account.put(field, value);
        return this;
    }

    public AccountJson holder(String name) {
        return with("holderName", name);
    }

    public AccountJson creditLimit(String amount) {
        return with("creditLimit", amount);
    }

    public AccountJson unbilled(String amount) {
        return with("unbilled", amount);
    }

    public AccountJson status(String status) {
        return with("status", status);
    }

    public AccountJson statementDate(String date) {
        statement.put("statementDate", date);
        return this;
    }

    public AccountJson dueDate(String date) {
        statement.put("dueDate", date);
        return this;
    }

    public AccountJson minimumDue(String amount) {
        statement.put("minimumDue", amount);
        return this;
    }

    /** The statement omits its minimum due: the gateway computes it (R15, R16). */
    public AccountJson computedMinimumDue() {
        statement.remove("minimumDue");
        return this;
    }

    public AccountJson buckets(Map<String, String> buckets) {
        statement.put("buckets", Map.copyOf(buckets));
        return this;
    }

    public Map<String, Object> json() {
        Map<String, Object> body = new LinkedHashMap<>(account);
        body.put("statement", new LinkedHashMap<>(statement));
        return body;
    }
}
