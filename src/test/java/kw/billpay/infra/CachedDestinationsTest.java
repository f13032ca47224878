package kw.billpay.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

class CachedDestinationsTest {

    private final Session session = mock(Session.class);
    private final Topic topic = mock(Topic.class);
    private final Queue queue = mock(Queue.class);
    private final CachedDestinations destinations = new CachedDestinations();

    @Test
    void aNameIsResolvedByTheSessionOnceThenReused() throws Exception {
        when(session.createTopic("payments.events")).thenReturn(topic);
        when(session.createQueue("payments.events")).thenReturn(queue);

        for (int i = 0; i < 3; i++) {
            assertThat(destinations.resolveDestinationName(session, "payments.events", true)).isSameAs(topic);
            assertThat(destinations.resolveDestinationName(session, "payments.events", false)).isSameAs(queue);
        }
        verify(session, times(1)).createTopic("payments.events");
        verify(session, times(1)).createQueue("payments.events");
    }

    @Test
    void aNameRemovedFromTheCacheIsResolvedAgain() throws Exception {
        when(session.createQueue("knet.callbacks")).thenReturn(queue);

        destinations.resolveDestinationName(session, "knet.callbacks", false);
        destinations.removeFromCache("knet.callbacks");
        destinations.resolveDestinationName(session, "knet.callbacks", false);
        destinations.clearCache();
        destinations.resolveDestinationName(session, "knet.callbacks", false);

        verify(session, times(3)).createQueue("knet.callbacks");
    }
}
