package kw.billpay.infra;

import jakarta.jms.ConnectionFactory;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The message broker: Artemis settings for the embedded server, and Camel's {@code jms} component on top of it. */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

    /**
     * Embedded Artemis tuning and addressing, the same as {@code config/broker.xml} gives a standalone broker. The NIO
     * journal's default buffer timeout (~3.3 ms) limits a synchronous producer to a few hundred messages per second;
     * the duplicate-ID cache is what makes the event relay's resend after a crash harmless (see
     * {@code routes/events.camel.yaml}).
     */
    @Bean
    ArtemisConfigurationCustomizer gatewayArtemisCustomizer(
            @Value("${gateway.broker.journal-buffer-timeout-ns}") int journalBufferTimeoutNs,
            @Value("${gateway.broker.duplicate-id-cache-size}") int duplicateIdCacheSize,
            @Value("${gateway.broker.global-max-size-bytes}") long globalMaxSizeBytes,
            @Value("${gateway.events.dead-letter-queue}") String deadLetterQueue,
            @Value("${gateway.events.expiry-queue}") String expiryQueue,
            @Value("${gateway.events.topic}") String eventsTopic,
            @Value("${gateway.events.subscribers}") List<String> subscribers) {
        return configuration -> {
            configuration.setJournalBufferTimeout_NIO(journalBufferTimeoutNs);
            configuration.setIDCacheSize(duplicateIdCacheSize);
            configuration.setPersistIDCache(true);
            // Messages held in memory before the broker pages them to disk. Artemis's default is half the JVM's heap,
            // the gateway's own here: 58,000 events waiting for a downstream system away (durable queues below) filled
            // it and the gateway ran out of heap.
            configuration.setGlobalMaxSize(globalMaxSizeBytes);
            configuration.setSecurityEnabled(false); // in-VM only: the embedded broker has no network acceptor
            configuration.addAddressSetting("#", new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(deadLetterQueue))
                    .setAutoCreateDeadLetterResources(false)
                    .setExpiryAddress(SimpleString.of(expiryQueue))
                    .setAutoCreateExpiryResources(false)
                    .setMaxDeliveryAttempts(5)
                    .setRedeliveryDelay(500)
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(30_000));
            for (String queue : List.of(deadLetterQueue, expiryQueue)) {
                configuration.addAddressConfiguration(new CoreAddressConfiguration().setName(queue)
                        .addRoutingType(RoutingType.ANYCAST)
                        .addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST).setDurable(true)));
            }
            // Payment events wait for each downstream system in a durable queue of its own on the topic's address
            // (<topic>::<subscriber>), as config/broker.xml declares them for the standalone broker: an event published
            // while a system is away is kept for it, not dropped as a topic with no subscriber drops it.
            CoreAddressConfiguration events = new CoreAddressConfiguration().setName(eventsTopic)
                    .addRoutingType(RoutingType.MULTICAST);
            for (String subscriber : subscribers) {
                events.addQueueConfiguration(QueueConfiguration.of(subscriber).setAddress(eventsTopic)
                        .setRoutingType(RoutingType.MULTICAST).setDurable(true));
            }
            configuration.addAddressConfiguration(events);
        };
    }

    /**
     * A local JMS transaction for routes that send a batch ({@code transacted: {ref: jmsTransaction}}): the broker
     * syncs its journal once per batch instead of once per message. The transaction manager is kept out of the bean
     * factory so that {@code @Transactional} keeps meaning the database.
     */
    @Bean("jmsTransaction")
    SpringTransactionPolicy jmsTransaction(ConnectionFactory connectionFactory) {
        return new SpringTransactionPolicy(new JmsTransactionManager(connectionFactory));
    }

    /**
     * Camel's JMS component. Consumers use a local JMS session transaction (no JTA, no Spring JMS transaction
     * manager): a message is acknowledged only when its route has finished. Destinations are resolved once
     * ({@link CachedDestinations}).
     */
    @Bean("jms")
    JmsComponent jms(ConnectionFactory connectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(connectionFactory);
        jms.setLazyCreateTransactionManager(false);
        jms.setDestinationResolver(new CachedDestinations());
        return jms;
    }
}
