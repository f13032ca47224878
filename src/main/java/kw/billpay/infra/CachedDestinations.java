package kw.billpay.infra;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jms.support.destination.CachingDestinationResolver;
import org.springframework.jms.support.destination.DynamicDestinationResolver;

/**
 * Resolves a queue or topic name once and reuses the destination for every later message. Spring's default resolver
 * calls {@code session.createTopic} for each message, and Artemis's JMS client answers that with a blocking address
 * query to the broker: the events relay spent its time waiting on those queries, one per event, and fell 87,000 events
 * behind a 100,000-entry bank-transfer file while the broker was paging (docs/benchmarks.md). An Artemis destination is
 * a value (its address and kind), so one serves every session.
 */
final class CachedDestinations implements CachingDestinationResolver {

    private final DynamicDestinationResolver resolver = new DynamicDestinationResolver();
    private final Map<String, Destination> queues = new ConcurrentHashMap<>();
    private final Map<String, Destination> topics = new ConcurrentHashMap<>();

    @Override
    public Destination resolveDestinationName(Session session, String name, boolean pubSubDomain) throws JMSException {
        Map<String, Destination> known = pubSubDomain ? topics : queues;
        Destination destination = known.get(name);
        if (destination == null) {
            destination = resolver.resolveDestinationName(session, name, pubSubDomain);
            known.put(name, destination);
        }
        return destination;
    }

    @Override
    public void removeFromCache(String name) {
        queues.remove(name);
        topics.remove(name);
    }

    @Override
    public void clearCache() {
        queues.clear();
        topics.clear();
    }
}
