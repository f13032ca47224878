package kw.billpay.core.account;

/** OPEN and BLOCKED accounts take payments; a CLOSED one is refused at initiation (CONTRACT "Accounts"). */
public enum AccountStatus { OPEN, BLOCKED, CLOSED }
