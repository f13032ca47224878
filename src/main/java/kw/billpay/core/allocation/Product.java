package kw.billpay.core.allocation;

/** Card product; decides how the minimum due is computed (R15). */
public enum Product {
    /** Revolving credit card: a minimum percentage is due. */
    CREDIT,
    /** Charge card: the whole statement balance is due. */
    CHARGE
}
