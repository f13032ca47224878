package kw.billpay.infra;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/**
 * Calls a route from Java and answers what the route answered, or throws what its steps threw (a refusal stays the
 * same refusal, not a Camel wrapper). Each feature's typed gateway is built on it, so no caller deals with endpoint
 * names, header maps or Camel's exceptions.
 */
public final class RouteCalls {

    private RouteCalls() {
    }

    public static <T> T request(ProducerTemplate camel, String endpoint, Object body, Class<T> answer) {
        try {
            return camel.requestBody(endpoint, body, answer);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
