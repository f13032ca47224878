package kw.billpay.channel.branch;

import kw.billpay.channel.branch.BranchIntake.ClearingCommand;
import kw.billpay.core.payment.Payment;
import kw.billpay.infra.RouteProxy;

/** The way into {@code routes/branch.camel.yaml} for a supervisor's clearing result (API and console). */
@RouteProxy("direct:branch-clearing")
public interface BranchClearingRoute {

    /** The cheque or draft posted, or returned unposted. */
    Payment clear(ClearingCommand command);
}
