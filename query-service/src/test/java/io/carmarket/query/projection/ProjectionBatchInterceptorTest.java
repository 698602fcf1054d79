package io.carmarket.query.projection;

import com.mongodb.client.MongoDatabase;
import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.common.ProjectedReadModel;
import io.carmarket.query.common.ProjectionProcessing;
import io.carmarket.query.common.VersionedDocuments;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each batch of a query-side processor, framed by its interceptor: written in bulk after its last event and before
 * the unit of work commits (when Axon stores the processor's position), routed to the rebuild while one runs.
 */
class ProjectionBatchInterceptorTest {

    private static final String GROUP = "counters";
    private static final String COLLECTION = "test_counters";

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate routed;
    private ReadModelRouting routing;
    private VersionedDocuments counters;

    @BeforeEach
    void emptyDatabases() {
        mongo.template().getDb().drop();
        RoutingDatabaseFactory databases = new RoutingDatabaseFactory(mongo.template().getMongoDatabaseFactory());
        routed = new MongoTemplate(databases);
        routing = new ReadModelRouting(routed, databases, List.of(new Counters()));
        routing.findReadModels();
        databases.getMongoDatabase(routing.rebuildDatabaseOf(GROUP)).drop();
        counters = new VersionedDocuments(routed, COLLECTION);
    }

    @Test
    void a_batch_is_written_after_its_last_event_and_before_its_unit_of_work_commits() {
        List<Document> storedWhenCommitting = new ArrayList<>();

        List<EventMessage<?>> events = List.of(event(0, "create"), event(1, "+1"), event(2, "+1"));
        processAsOneBatch(events, unitOfWork -> unitOfWork.onPrepareCommit(committing ->
                storedWhenCommitting.add(stored(mongo.template()))));

        assertThat(storedWhenCommitting).singleElement()
                .satisfies(counter -> assertThat(counter).containsEntry("count", 2).containsEntry("version", 2L));
    }

    @Test
    void a_batch_that_fails_writes_nothing() {
        List<EventMessage<?>> events = List.of(event(0, "create"), event(1, "+1"), event(2, "fail"));

        ResultMessage<?> result = processAsOneBatch(events, unitOfWork -> {
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(stored(mongo.template())).isNull();
    }

    @Test
    void while_its_group_is_rebuilt_a_batch_writes_to_the_rebuild_and_leaves_the_read_model_being_read_alone() {
        routing.routeToRebuild(GROUP);

        processAsOneBatch(List.of(event(0, "create"), event(1, "+1")), unitOfWork -> {
        });

        assertThat(stored(mongo.template())).isNull();
        MongoDatabase rebuild = mongo.template().getMongoDatabaseFactory()
                .getMongoDatabase(routing.rebuildDatabaseOf(GROUP));
        assertThat(rebuild.getCollection(COLLECTION).find(new Document("_id", "counter-1")).first())
                .containsEntry("count", 1);
    }

    @Test
    void every_query_side_processor_stores_its_position_after_its_writes() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration();
        new ReadModelRoutingConfiguration().projectionBatches(routing).configureModule(configurer);
        Configuration configuration = configurer.buildConfiguration();

        for (String group : ProjectionProcessing.PROCESSING_GROUPS) {
            // Any other transaction manager makes Axon store the position before the batch (TrackingEventProcessor).
            assertThat(configuration.eventProcessingConfiguration().transactionManager(group))
                    .isSameAs(NoTransactionManager.instance());
        }
    }

    private ResultMessage<?> processAsOneBatch(List<EventMessage<?>> events,
                                              Consumer<BatchingUnitOfWork<EventMessage<?>>> atFirstEvent) {
        ProjectionBatchInterceptor interceptor = new ProjectionBatchInterceptor(GROUP, routing);
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        MessageHandler<EventMessage<?>> handler = event -> {
            handle((DomainEventMessage<?>) event);
            return null;
        };
        return batch.executeWithResult(() -> {
            if (batch.isFirstMessage()) {
                // Where Axon registers storing the processor's position.
                atFirstEvent.accept(batch);
            }
            return new DefaultInterceptorChain<>(batch, List.of(interceptor), handler).proceed();
        });
    }

    private void handle(DomainEventMessage<?> event) {
        switch ((String) event.getPayload()) {
            case "create" -> counters.insertOnce("counter-1", event.getSequenceNumber(), new Document("count", 0));
            case "fail" -> throw new IllegalStateException("a handler failed");
            default -> counters.change("counter-1", event.getSequenceNumber(),
                    counter -> counter.put("count", counter.getInteger("count") + 1));
        }
    }

    private static EventMessage<?> event(long sequenceNumber, String payload) {
        return new GenericDomainEventMessage<>("Counter", "counter-1", sequenceNumber, payload);
    }

    private static Document stored(MongoTemplate template) {
        return template.getCollection(COLLECTION).find(new Document("_id", "counter-1")).first();
    }

    private static final class Counters implements ProjectedReadModel {

        @Override
        public String processingGroup() {
            return GROUP;
        }

        @Override
        public List<String> rebuiltCollections() {
            return List.of(COLLECTION);
        }

        @Override
        public void ensureIndexes() {
        }
    }
}
