package kw.billpay.channel.branch;

import kw.billpay.channel.branch.BranchIntake.BranchPaymentCommand;
import kw.billpay.core.payment.Payment;
import kw.billpay.infra.RouteProxy;

/** The way into {@code routes/branch.camel.yaml} for the counter's controller and the console. */
@RouteProxy("direct:branch-payment")
public interface BranchPaymentRoute {

    /** A teller's payment: posted (cash, POS), held for clearing (cheque, draft), or refused. */
    Payment take(BranchPaymentCommand command);
}
