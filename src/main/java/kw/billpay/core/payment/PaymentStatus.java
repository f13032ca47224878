package kw.billpay.core.payment;

/** A payment's life (CONTRACT "Payments"). Only POSTED changes balances; REVERSED undoes exactly that. */
public enum PaymentStatus { INITIATED, PENDING_CLEARING, PENDING_FX, POSTED, FAILED, RETURNED, REVERSED }
