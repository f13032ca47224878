package kw.billpay.core.payment;

/** Marks for review: money received below the minimum (DOMAIN R8), a credit balance due back (R13). */
public enum PaymentFlag { BELOW_MINIMUM, REFUND_DUE }
