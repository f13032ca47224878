package kw.billpay.channel.branch;

import kw.billpay.channel.branch.BranchIntake.BranchPaymentCommand;
import kw.billpay.channel.branch.BranchIntake.ClearingCommand;
import kw.billpay.core.payment.Payment;
import kw.billpay.infra.RouteCalls;
import lombok.RequiredArgsConstructor;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** The typed way into {@code routes/branch.camel.yaml} for the counter's controller (and the console). */
@Component
@RequiredArgsConstructor
public class BranchFlows {

    private final ProducerTemplate camel;

    /** A teller's payment: posted (cash, POS), held for clearing (cheque, draft), or refused. */
    public Payment take(BranchPaymentCommand command) {
        return RouteCalls.request(camel, "direct:branch-payment", command, Payment.class);
    }

    /** A supervisor's clearing result: the cheque or draft posted, or returned unposted. */
    public Payment clear(ClearingCommand command) {
        return RouteCalls.request(camel, "direct:branch-clearing", command, Payment.class);
    }
}
