package kw.billpay.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** The body of {@code PUT /api/v1/mandates/{mandateRef}}: by default an ACTIVE MINIMUM mandate at NBK. */
public final class MandateBuilder {

    /** The CONTRACT's sample IBAN (valid ISO 13616 check digits). */
    public static final String SAMPLE_IBAN = "KW81CBKU0000000000001234560101";

    private final Map<String, Object> body = new LinkedHashMap<>();

    private MandateBuilder(String accountNumber) {
        body.put("accountNumber", accountNumber);
        body.put("bank", "NBK");
        body.put("debtorAccount", SAMPLE_IBAN);
        body.put("type", "MINIMUM");
        body.put("status", "ACTIVE");
    }

    public static MandateBuilder aMandate(String accountNumber) {
        return new MandateBuilder(accountNumber);
    }

    public MandateBuilder bank(String bank) {
        body.put("bank", bank);
        return this;
    }

    public MandateBuilder type(String type) {
        body.put("type", type);
        return this;
    }

    public MandateBuilder status(String status) {
        body.put("status", status);
        return this;
    }

    public MandateBuilder debtorAccount(String iban) {
        body.put("debtorAccount", iban);
        return this;
    }

    public Map<String, Object> build() {
        return Map.copyOf(body);
    }
}
