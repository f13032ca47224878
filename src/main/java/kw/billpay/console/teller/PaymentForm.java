package kw.billpay.console.teller;

import java.util.LinkedHashMap;
import java.util.Map;
import lombok.Getter;
import lombok.Setter;

/**
 * The teller's payment form as posted (a plain bean for Spring's binding). It never holds the account number: the page
 * names the account by its handle. {@code idempotencyKey} is made by the server when the form is first shown and
 * travels with it to the confirmation, so every submission of this form is the same payment.
 */
@Getter
@Setter
public class PaymentForm {

    private String method = "CASH";
    private String currency = "KWD";
    private String amount;
    /** Pieces counted per denomination id (CashCount), cash only. */
    private Map<String, Integer> pieces = new LinkedHashMap<>();
    private String chequeNumber;
    private String chequeBank;
    private String chequeDate;
    private String chequeDrawer;
    private String posReference;
    private String idempotencyKey;

    public boolean isCheque() {
        return "CHEQUE".equals(method) || "DEMAND_DRAFT".equals(method);
    }
}
