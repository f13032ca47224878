package kw.billpay.channel.banktransfer;

/**
 * One {@code Ntfctn} of the file: the account it reports on and how. Every field may be null (a bank may leave out
 * what the schema allows, and the reader does not refuse a file for a missing {@code Acct}).
 *
 * @param id            {@code Ntfctn/Id}
 * @param accountIban   {@code Ntfctn/Acct/Id/IBAN}: the issuer's collection account
 * @param accountOther  {@code Ntfctn/Acct/Id/Othr/Id}, where the bank uses no IBAN
 * @param currency      {@code Ntfctn/Acct/Ccy}
 * @param copyDuplicate {@code Ntfctn/CpyDplctInd}: CODU, COPY or DUPL when the bank says this notification was sent
 *                      before (the entries' AcctSvcrRef still decide what is new)
 */
public record AccountNotification(String id, String accountIban, String accountOther, String currency,
                                  String copyDuplicate) {
}
