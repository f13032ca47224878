package kw.billpay.collection;

import lombok.RequiredArgsConstructor;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** The collection routes as Java calls them ({@code routes/collection.camel.yaml}). */
@Component
@RequiredArgsConstructor
public class CollectionFlows {

    private final ProducerTemplate camel;

    /** Works the run in the background ({@code collection-run-requested}); the caller is answered at once. */
    public void runInBackground(long runId) {
        camel.sendBody("seda:collection-runs", runId);
    }
}
