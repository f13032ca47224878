package kw.billpay.core.payment;

/** How the money was paid (DOMAIN R20 for the branch methods). */
public enum PaymentMethod {
    CASH, CHEQUE, DEMAND_DRAFT, POS_KNET, KNET, DIRECT_DEBIT,
    /** A bank transfer to the issuer's collection account (CONTRACT "Bank transfers", R26). */
    TRANSFER;

    /** Cheques and drafts are credited only once cleared (DOMAIN R19). */
    public boolean needsClearing() {
        return this == CHEQUE || this == DEMAND_DRAFT;
    }
}
