package io.carmarket.query.common;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Where the read side keeps its progress and what it does when a projection fails.
 * <ul>
 *     <li>Tracking tokens live in MongoDB beside the read models, so a read model and its position move together.</li>
 *     <li>A failing event handler propagates its error: the tracking processor stops that segment, retries with
 *     back-off and never skips the event (Axon's default would log it and move on, losing it for good).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionInfrastructure {

    @Bean
    public TokenStore tokenStore(MongoDatabaseFactory mongoDatabaseFactory, Serializer serializer) {
        return MongoTokenStore.builder()
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
