package kw.billpay.core.payment;

/** How the money was paid (DOMAIN R20 for the branch methods). */
public enum PaymentMethod {
    CASH, CHEQUE, DEMAND_DRAFT, POS_KNET, KNET, DIRECT_DEBIT;

    /** Cheques and drafts are credited only once cleared (DOMAIN R19). */
    public boolean needsClearing() {
        return this == CHEQUE || this == DEMAND_DRAFT;
    }
}
