package kw.billpay.core.collection;

/** What a mandate collects (DOMAIN R17, R29): the minimum due, or the whole statement balance. */
public enum MandateType { MINIMUM, FULL }
