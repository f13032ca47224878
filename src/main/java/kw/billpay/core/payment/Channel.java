package kw.billpay.core.payment;

/** Where a payment came from (DOMAIN "Parties and words"). */
public enum Channel { KNET_ONLINE, MOBILE_APP, BRANCH, DIRECT_DEBIT, BANK_TRANSFER }
