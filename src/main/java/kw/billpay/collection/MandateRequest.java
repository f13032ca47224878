package kw.billpay.collection;

/**
 * Body of {@code PUT /api/v1/mandates/{mandateRef}} (CONTRACT "Direct-debit mandates and collection runs"). Kept as
 * text so that each bad value is refused with the field named and the allowed values listed.
 */
public record MandateRequest(String accountNumber, String bank, String debtorAccount, String type, String status) {
}
