package io.carmarket.support.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Where event processors keep their progress and what they do when a handler fails, for both sides.
 * <ul>
 *     <li>Tracking tokens live in MongoDB beside the read models, so a read model and its position move together.
 *     (Declared before Axon's JDBC auto-configuration, whose token store would otherwise win in the standalone.)
 *     Several instances may start on one empty database at the same moment ({@link SharedMongoTokenStore}).</li>
 *     <li>A failing event handler propagates its error: a tracking processor stops that segment, retries with
 *     back-off and never skips the event; a subscribing processor fails the command that emitted the event.
 *     Axon's default would log the error and move on, losing the event for that handler for good.</li>
 * </ul>
 */
@AutoConfiguration(after = MongoDataAutoConfiguration.class, before = JdbcAutoConfiguration.class)
@ConditionalOnBean(MongoDatabaseFactory.class)
@EnableConfigurationProperties(ProcessorProperties.class)
public class EventProcessingInfrastructure {

    /** Claims time out after {@code carmarket.processors.claim-timeout}: the failover time of a dead instance. */
    @Bean
    public TokenStore tokenStore(MongoDatabaseFactory mongoDatabaseFactory, Serializer serializer,
                                 ProcessorProperties processors) {
        return SharedMongoTokenStore.on(
                DefaultMongoTemplate.builder().mongoDatabase(mongoDatabaseFactory.getMongoDatabase()).build(),
                serializer, processors.claimTimeout());
    }

    /** Sagas (the negotiation process) keep their state in MongoDB too, so they survive restarts. */
    @Bean
    public SagaStore<Object> sagaStore(MongoDatabaseFactory mongoDatabaseFactory, Serializer serializer) {
        return MongoSagaStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongoDatabaseFactory.getMongoDatabase()).build())
                .serializer(serializer)
                .build();
    }

    @Bean
    public ConfigurerModule propagateProjectionErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
