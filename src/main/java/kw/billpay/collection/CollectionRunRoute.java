package kw.billpay.collection;

import kw.billpay.infra.RouteProxy;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Pattern;

/** The way into {@code routes/collection.camel.yaml} for a run asked over the API. */
@RouteProxy("seda:collection-runs")
public interface CollectionRunRoute {

    /** Works the run in the background ({@code collection-run-requested}); the caller is answered at once. */
    @Pattern(ExchangePattern.InOnly)
    void runInBackground(long runId);
}
