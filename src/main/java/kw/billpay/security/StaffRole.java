package kw.billpay.security;

/** Staff roles (CONTRACT): OPS runs the gateway, TELLER takes branch payments, SUPERVISOR clears cheques. */
public enum StaffRole { OPS, TELLER, SUPERVISOR }
