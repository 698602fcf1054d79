package io.carmarket.query.common;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.carmarket.query.EmbeddedMongo;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.List;

import static io.carmarket.query.common.EventBatch.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Documents changed by their aggregate's events at most once per event, against the embedded MongoDB: written at
 * once outside a batch, once per batch inside one.
 */
class VersionedDocumentsTest {

    private static final String COLLECTION = "test_counters";
    private static final String DERIVED = "test_counters_shown";

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private VersionedDocuments counters;

    @BeforeEach
    void oneCounterAtVersionThree() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), COLLECTION);
        mongoTemplate.remove(new Query(), DERIVED);
        new VersionGuard(mongoTemplate, COLLECTION).ensureIndex();
        counters = new VersionedDocuments(mongoTemplate, COLLECTION, new ShownWhilePositive());
        mongoTemplate.insert(new Document("_id", "counter-1").append("version", 3L).append("count", 3), COLLECTION);
    }

    @Nested
    class OutsideABatch {

        @Test
        void a_newer_event_changes_the_document_at_once_and_moves_its_version() {
            boolean changed = counters.change("counter-1", 4, VersionedDocumentsTest::increment);

            assertThat(changed).isTrue();
            assertThat(stored("counter-1")).containsEntry("count", 4).containsEntry("version", 4L);
        }

        @Test
        void an_event_delivered_twice_changes_the_document_once() {
            counters.change("counter-1", 4, VersionedDocumentsTest::increment);

            boolean changedAgain = counters.change("counter-1", 4, VersionedDocumentsTest::increment);

            assertThat(changedAgain).isFalse();
            assertThat(stored("counter-1")).containsEntry("count", 4);
        }

        @Test
        void an_older_event_delivered_after_a_newer_one_changes_nothing() {
            boolean changed = counters.change("counter-1", 2, VersionedDocumentsTest::increment);

            assertThat(changed).isFalse();
            assertThat(stored("counter-1")).containsEntry("count", 3).containsEntry("version", 3L);
        }

        @Test
        void an_event_for_a_missing_document_changes_nothing() {
            boolean changed = counters.change("counter-2", 1, VersionedDocumentsTest::increment);

            assertThat(changed).isFalse();
            assertThat(stored("counter-2")).isNull();
        }

        @Test
        void a_change_that_finds_nothing_to_do_keeps_the_version() {
            boolean changed = counters.changeIf("counter-1", 4, document -> false);

            assertThat(changed).isFalse();
            assertThat(stored("counter-1")).containsEntry("version", 3L);
        }

        @Test
        void a_creating_event_inserts_the_document_once() {
            boolean created = counters.insertOnce("counter-2", 0, new Document("count", 0));
            boolean createdAgain = counters.insertOnce("counter-2", 0, new Document("count", 99));

            assertThat(created).isTrue();
            assertThat(createdAgain).isFalse();
            assertThat(stored("counter-2")).containsEntry("count", 0).containsEntry("version", 0L);
        }
    }

    @Nested
    class InABatch {

        @Test
        void nothing_is_written_before_the_last_event_of_the_batch() {
            List<Document> seenBeforeTheEnd = new ArrayList<>();
            List<EventMessage<?>> events = List.of(event("counter-1", 4, "+1"), event("counter-1", 5, "+1"));

            EventBatch.handle(events, event -> {
                apply(event);
                seenBeforeTheEnd.add(stored("counter-1"));
            });

            assertThat(seenBeforeTheEnd).allSatisfy(seen -> assertThat(seen).containsEntry("count", 3));
            assertThat(stored("counter-1")).containsEntry("count", 5).containsEntry("version", 5L);
        }

        @Test
        void each_event_sees_the_changes_of_the_events_before_it() {
            List<EventMessage<?>> events = List.of(event("counter-2", 0, "create"), event("counter-2", 1, "+1"),
                    event("counter-2", 2, "+1"));

            EventBatch.handle(events, VersionedDocumentsTest.this::apply);

            assertThat(stored("counter-2")).containsEntry("count", 2).containsEntry("version", 2L);
        }

        @Test
        void an_event_delivered_twice_in_one_batch_changes_the_document_once() {
            List<EventMessage<?>> events = List.of(event("counter-1", 4, "+1"), event("counter-1", 4, "+1"));

            EventBatch.handle(events, VersionedDocumentsTest.this::apply);

            assertThat(stored("counter-1")).containsEntry("count", 4);
        }

        @Test
        void a_batch_delivered_again_after_it_was_written_changes_nothing() {
            List<EventMessage<?>> events = List.of(event("counter-1", 4, "+1"), event("counter-1", 5, "+1"));
            EventBatch.handle(events, VersionedDocumentsTest.this::apply);

            EventBatch.handle(events, VersionedDocumentsTest.this::apply);

            assertThat(stored("counter-1")).containsEntry("count", 5).containsEntry("version", 5L);
        }

        @Test
        void every_aggregate_of_the_batch_is_written() {
            mongoTemplate.insert(new Document("_id", "counter-2").append("version", 0L).append("count", 0), COLLECTION);
            List<EventMessage<?>> events = List.of(event("counter-1", 4, "+1"), event("counter-2", 1, "+1"),
                    event("counter-3", 0, "create"), event("counter-1", 5, "+1"));

            EventBatch.handle(events, VersionedDocumentsTest.this::apply);

            assertThat(stored("counter-1")).containsEntry("count", 5);
            assertThat(stored("counter-2")).containsEntry("count", 1);
            assertThat(stored("counter-3")).containsEntry("count", 0);
        }

        @Test
        void a_document_changed_by_another_writer_during_the_batch_fails_it_and_keeps_the_other_writers_change() {
            List<EventMessage<?>> events = List.of(event("counter-1", 4, "+1"), event("counter-1", 5, "+1"));

            assertThatThrownBy(() -> EventBatch.handle(events, event -> {
                apply(event);
                if (((DomainEventMessage<?>) event).getSequenceNumber() == 4) {
                    mongoTemplate.getCollection(COLLECTION).replaceOne(new Document("_id", "counter-1"),
                            new Document("version", 9L).append("count", 100));
                }
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("another writer");

            assertThat(stored("counter-1")).containsEntry("count", 100).containsEntry("version", 9L);
        }

        @Test
        void a_document_changed_by_another_writer_since_the_last_batch_fails_the_next_one_once_then_is_read_again() {
            EventBatch.handle(List.of(event("counter-1", 4, "+1")), VersionedDocumentsTest.this::apply);
            // Another writer applied event 5 after this instance wrote event 4.
            mongoTemplate.getCollection(COLLECTION).replaceOne(new Document("_id", "counter-1"),
                    new Document("version", 5L).append("count", 100));
            List<EventMessage<?>> next = List.of(event("counter-1", 5, "+1"), event("counter-1", 6, "+1"));
            assertThatThrownBy(() -> EventBatch.handle(next, VersionedDocumentsTest.this::apply))
                    .isInstanceOf(IllegalStateException.class);

            EventBatch.handle(next, VersionedDocumentsTest.this::apply);

            assertThat(stored("counter-1")).containsEntry("count", 101).containsEntry("version", 6L);
        }

        @Test
        void after_a_reset_the_documents_are_built_again_from_the_first_event() {
            List<EventMessage<?>> history = List.of(event("counter-2", 0, "create"), event("counter-2", 1, "+1"));
            EventBatch.handle(history, VersionedDocumentsTest.this::apply);
            mongoTemplate.remove(new Query(), COLLECTION);
            counters.forgetWrittenDocuments();

            EventBatch.handle(history, VersionedDocumentsTest.this::apply);

            assertThat(stored("counter-2")).containsEntry("count", 1).containsEntry("version", 1L);
        }

        @Test
        void a_unit_of_work_without_a_begun_batch_is_refused_instead_of_holding_writes_nobody_writes() {
            DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(event("counter-1", 4, "+1"));
            try {
                assertThatThrownBy(() -> counters.change("counter-1", 4, VersionedDocumentsTest::increment))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ProjectionBatchInterceptor");
            } finally {
                unitOfWork.rollback();
            }
            assertThat(stored("counter-1")).containsEntry("count", 3);
        }
    }

    @Nested
    class DerivedCollections {

        @Test
        void a_derived_document_follows_its_source_when_the_batch_is_written() {
            List<EventMessage<?>> events = List.of(event("counter-2", 0, "create"), event("counter-2", 1, "+1"));

            EventBatch.handle(events, VersionedDocumentsTest.this::apply);

            assertThat(shown("counter-2")).containsEntry("count", 1);
        }

        @Test
        void a_derived_document_is_removed_when_its_source_no_longer_has_one() {
            counters.change("counter-1", 4, VersionedDocumentsTest::increment);

            counters.change("counter-1", 5, document -> document.put("count", 0));

            assertThat(shown("counter-1")).isNull();
        }

        @Test
        void derived_documents_are_written_before_their_source() {
            counters.change("counter-1", 4, VersionedDocumentsTest::increment);
            List<EventMessage<?>> events = List.of(event("counter-1", 5, "+1"));

            // The source's compare-and-set fails; the derived document was written before it.
            assertThatThrownBy(() -> EventBatch.handle(events, event -> {
                apply(event);
                mongoTemplate.getCollection(COLLECTION).updateOne(new Document("_id", "counter-1"),
                        new Document("$set", new Document("version", 9L)));
            })).isInstanceOf(IllegalStateException.class);

            assertThat(shown("counter-1")).containsEntry("count", 5);
        }
    }

    private void apply(EventMessage<?> event) {
        DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) event;
        String id = domainEvent.getAggregateIdentifier();
        long sequenceNumber = domainEvent.getSequenceNumber();
        if ("create".equals(event.getPayload())) {
            counters.insertOnce(id, sequenceNumber, new Document("count", 0));
        } else {
            counters.change(id, sequenceNumber, VersionedDocumentsTest::increment);
        }
    }

    private static void increment(Document counter) {
        counter.put("count", counter.getInteger("count") + 1);
    }

    private Document stored(String id) {
        return mongoTemplate.getCollection(COLLECTION).find(new Document("_id", id)).first();
    }

    private Document shown(String id) {
        return mongoTemplate.getCollection(DERIVED).find(new Document("_id", id)).first();
    }

    /** A derived collection: the counters above zero, with their count. */
    private static final class ShownWhilePositive implements VersionedDocuments.Derived {

        @Override
        public String collection() {
            return DERIVED;
        }

        @Override
        public WriteModel<Document> writeFor(String id, Document before, Document after) {
            if (after.getInteger("count") <= 0) {
                return new DeleteOneModel<>(new Document("_id", id));
            }
            return new ReplaceOneModel<>(new Document("_id", id), new Document("count", after.getInteger("count")),
                    new ReplaceOptions().upsert(true));
        }
    }
}
