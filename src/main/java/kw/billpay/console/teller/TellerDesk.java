package kw.billpay.console.teller;

import kw.billpay.channel.branch.BranchPaymentRequest.Institution;

/** Where a teller works: the issuer's own office or a partner bank (DOMAIN R20), and the branch. */
public record TellerDesk(Institution institution, String branch) {
}
