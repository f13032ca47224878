package kw.billpay.posting;

import kw.billpay.infra.RouteProxy;

/** The way into {@code routes/posting.camel.yaml} once a rate is published. */
@RouteProxy("direct:release-pending-fx")
public interface ReleasePendingFxRoute {

    /** Posts the payments held for a rate that now has one; answers how many were posted (null: none was held). */
    Integer release();
}
