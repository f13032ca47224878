package kw.billpay.console.teller;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The teller's payment form as posted (a plain bean for Spring's binding). It never holds the account number: the page
 * names the account by its handle. {@code idempotencyKey} is made by the server when the form is first shown and
 * travels with it to the confirmation, so every submission of this form is the same payment.
 */
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

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public Map<String, Integer> getPieces() {
        return pieces;
    }

    public void setPieces(Map<String, Integer> pieces) {
        this.pieces = pieces;
    }

    public String getChequeNumber() {
        return chequeNumber;
    }

    public void setChequeNumber(String chequeNumber) {
        this.chequeNumber = chequeNumber;
    }

    public String getChequeBank() {
        return chequeBank;
    }

    public void setChequeBank(String chequeBank) {
        this.chequeBank = chequeBank;
    }

    public String getChequeDate() {
        return chequeDate;
    }

    public void setChequeDate(String chequeDate) {
        this.chequeDate = chequeDate;
    }

    public String getChequeDrawer() {
        return chequeDrawer;
    }

    public void setChequeDrawer(String chequeDrawer) {
        this.chequeDrawer = chequeDrawer;
    }

    public String getPosReference() {
        return posReference;
    }

    public void setPosReference(String posReference) {
        this.posReference = posReference;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public boolean isCheque() {
        return "CHEQUE".equals(method) || "DEMAND_DRAFT".equals(method);
    }
}
