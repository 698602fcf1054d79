package io.carmarket.query.projection;

import io.carmarket.query.common.ProjectionProcessing;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** Puts the read models behind {@link ReadModelRouting}: for every {@code MongoTemplate}, and every projection. */
@Configuration(proxyBeanMethods = false)
public class ReadModelRoutingConfiguration {

    @Bean
    static BeanPostProcessor routingDatabaseFactory() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof MongoDatabaseFactory factory && !(bean instanceof RoutingDatabaseFactory)
                        ? new RoutingDatabaseFactory(factory) : bean;
            }
        };
    }

    /**
     * Every query-side processor runs its batches without a database transaction (docs/architecture.md D25), so
     * Axon stores its position after the batch's writes, and frames each batch with a
     * {@link ProjectionBatchInterceptor}: routed to a rebuild while one runs, written in bulk at its end.
     */
    @Bean
    public ConfigurerModule projectionBatches(ReadModelRouting routing) {
        return configurer -> ProjectionProcessing.PROCESSING_GROUPS.forEach(group -> configurer.eventProcessing()
                .registerTransactionManager(group, configuration -> NoTransactionManager.instance())
                .registerHandlerInterceptor(group, configuration -> new ProjectionBatchInterceptor(group, routing)));
    }
}
