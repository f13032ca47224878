package kw.billpay.core.payment;

/**
 * Marks for review: money received below the minimum (DOMAIN R8), a credit balance due back (R13), money KNET captured
 * after the gateway had failed the payment (R8, R21).
 */
public enum PaymentFlag { BELOW_MINIMUM, REFUND_DUE, LATE_CAPTURE }
