package kw.billpay.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The body of {@code POST /api/v1/branch/payments} (CONTRACT "Branch payments") for tests that drive the API: a payment
 * taken at the demo teller's own counter (institution AMEX, branch SALHIYA). A cheque or draft gets a new number each
 * time, as an instrument is taken once.
 */
public final class BranchPaymentJson {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private BranchPaymentJson(String method, String accountNumber, String amount, String currency) {
        body.put("accountNumber", accountNumber);
        body.put("method", method);
        body.put("amount", Map.of("amount", amount, "currency", currency));
        body.put("institution", "AMEX");
        body.put("branch", "SALHIYA");
    }

    public static BranchPaymentJson cash(String accountNumber, String amount, String currency) {
        return new BranchPaymentJson("CASH", accountNumber, amount, currency);
    }

    /** A card payment on the branch's KNET terminal, with the terminal's reference. */
    public static BranchPaymentJson pos(String accountNumber, String amount, String currency, String posReference) {
        return new BranchPaymentJson("POS_KNET", accountNumber, amount, currency).with("posReference", posReference);
    }

    /** An NBK cheque dated 2026-11-20. */
    public static BranchPaymentJson cheque(String accountNumber, String amount, String currency) {
        return new BranchPaymentJson("CHEQUE", accountNumber, amount, currency).instrument(newInstrumentNumber(), "NBK");
    }

    /** A KFH demand draft dated 2026-11-20. */
    public static BranchPaymentJson demandDraft(String accountNumber, String amount, String currency) {
        return new BranchPaymentJson("DEMAND_DRAFT", accountNumber, amount, currency).instrument(newInstrumentNumber(), "KFH");
    }

    /** The cheque's or draft's number and drawee bank (field {@code cheque}). */
    public BranchPaymentJson instrument(String number, String bank) {
        return with("cheque", Map.of("number", number, "bank", bank, "date", "2026-11-20"));
    }

    public BranchPaymentJson with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    /** Leaves a field out, as a client that does not send it. */
    public BranchPaymentJson without(String field) {
        body.remove(field);
        return this;
    }

    public Map<String, Object> json() {
        return new LinkedHashMap<>(body);
    }

    private static String newInstrumentNumber() {
        return "000123" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }
}
