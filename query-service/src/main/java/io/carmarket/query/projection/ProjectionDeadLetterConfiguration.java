package io.carmarket.query.projection;

import io.carmarket.query.common.ProjectionProcessing;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Every projection has a dead-letter queue in MongoDB (axon-mongo's, collection {@code deadletters}, one per
 * processing group): an event its handler cannot handle is parked with the later events of its aggregate, and the
 * projection goes on with the other aggregates (docs/architecture.md D34). Which failures park an event is
 * {@link ParkHandlerFailures}'s decision. A replay clears the queue: it handles every event again.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionDeadLetterConfiguration {

    @Bean
    public ConfigurerModule projectionDeadLetterQueues(MongoDatabaseFactory databases, ParkedFailures parked) {
        return configurer -> ProjectionProcessing.PROCESSING_GROUPS.forEach(group -> configurer.eventProcessing()
                .registerDeadLetterQueue(group, configuration -> MongoSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .mongoTemplate(DefaultMongoTemplate.builder()
                                .mongoDatabase(databases.getMongoDatabase()).build())
                        .serializer(configuration.eventSerializer())
                        .transactionManager(NoTransactionManager.instance())
                        .build())
                .registerDeadLetterPolicy(group, configuration -> new ParkHandlerFailures(group, parked))
                .registerDeadLetteringEventHandlerInvokerConfiguration(group, (configuration, invoker) -> invoker
                        // Without it, every event asks the queue whether its aggregate has parked events.
                        .enableSequenceIdentifierCache()
                        .allowReset(true)));
    }
}
