package kw.billpay.core.payment;

/**
 * Marks for review: money received below the minimum (DOMAIN R8), a credit balance due back (R13), money KNET captured
 * after the gateway had failed the payment (R8, R21), a direct debit a bank collected that no open request of the
 * gateway asked for, or for another amount (CONTRACT "Direct-debit mandates and collection runs"), money received for
 * an account that is closed (R8: posted, not refused, and someone must decide whether to pay it back).
 */
public enum PaymentFlag { BELOW_MINIMUM, REFUND_DUE, LATE_CAPTURE, UNEXPECTED_COLLECTION, ACCOUNT_CLOSED }
