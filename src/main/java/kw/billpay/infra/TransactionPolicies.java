package kw.billpay.infra;

import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The database transaction a route can run its steps in ({@code transacted: {ref: databaseTransaction}}): every
 * step on the route's thread, the posting core's included, joins it, so they commit together or not at all.
 */
@Configuration(proxyBeanMethods = false)
class TransactionPolicies {

    @Bean("databaseTransaction")
    SpringTransactionPolicy databaseTransaction(PlatformTransactionManager transactionManager) {
        SpringTransactionPolicy policy = new SpringTransactionPolicy(transactionManager);
        policy.setPropagationBehaviorName("PROPAGATION_REQUIRED");
        return policy;
    }
}
