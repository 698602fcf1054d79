package io.carmarket.query.audit;

import io.carmarket.api.audit.AuditedEvent;
import io.carmarket.api.car.CarBooked;
import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.common.EventBatch;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.carmarket.query.audit.AuditEvents.JSON;
import static io.carmarket.query.audit.AuditEvents.carEvent;
import static io.carmarket.query.audit.AuditEvents.position;
import static io.carmarket.query.common.TestEvents.at;
import static io.carmarket.query.common.TestEvents.booked;
import static io.carmarket.query.common.TestEvents.listed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The audit-log projection against the embedded MongoDB-wire server, read back through {@link AuditLog}. */
class AuditLogProjectionTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private AuditLogProjection projection;
    private AuditLog auditLog;

    @BeforeEach
    void emptyLog() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), AuditLogEntry.class);
        mongoTemplate.remove(new Query(), AuditLogKeys.class);
        projection = new AuditLogProjection(mongoTemplate, JSON);
        auditLog = new AuditLog(mongoTemplate, JSON);
    }

    @Test
    void indexes_are_declared_without_error_on_the_embedded_server() {
        AuditLogIndexes indexes = new AuditLogIndexes(mongoTemplate);
        indexes.ensureIndexes();
        indexes.ensureIndexes();

        assertThat(mongoTemplate.indexOps(AuditLogKeys.class).getIndexInfo())
                .extracting(info -> info.getName())
                .contains("audit_type", "audit_userId", "audit_correlationId", "audit_aggregateId",
                        "audit_aggregateType", "audit_timestamp");
    }

    @Test
    void an_event_is_logged_under_its_global_index_with_its_aggregate_type_sequence_and_all_metadata() {
        CarBooked booking = booked("car-1", "booking-1", "customer-1", 0, 2);

        projection.on(booking, carEvent(booking, "car-1", 3, 42, "customer-1", "corr-1"), position(42));

        AuditedEvent event = only(auditLog.page(AuditLogFilter.EVERYTHING, null, 10).items());
        assertThat(event.globalIndex()).isEqualTo(42);
        assertThat(event.eventId()).isEqualTo("event-42");
        assertThat(event.aggregateType()).isEqualTo("Car");
        assertThat(event.aggregateId()).isEqualTo("car-1");
        assertThat(event.sequence()).isEqualTo(3);
        assertThat(event.type()).isEqualTo("CarBooked");
        assertThat(event.revision()).isEqualTo("1");
        assertThat(event.timestamp()).isEqualTo(at(42));
        assertThat(event.metadata()).containsEntry("userId", "customer-1").containsEntry("userRole", "CUSTOMER")
                .containsEntry("correlationId", "corr-1").containsEntry("causationId", "command-42")
                .containsEntry("commandName", "BookCar");
    }

    @Test
    void the_payload_is_the_event_as_json_with_exact_amounts_and_iso_dates() {
        CarBooked booking = booked("car-1", "booking-1", "customer-1", 0, 2);

        projection.on(booking, carEvent(booking, "car-1", 3, 1, "customer-1", "corr-1"), position(1));

        AuditedEvent event = only(auditLog.page(AuditLogFilter.EVERYTHING, null, 10).items());
        assertThat(event.payload()).containsEntry("bookingId", "booking-1").containsEntry("customerId", "customer-1")
                .containsEntry("currency", "EUR");
        assertThat(event.payload().get("totalPrice")).isInstanceOf(BigDecimal.class)
                .hasToString(booking.totalPrice().toPlainString());
        assertThat(event.payload().get("period")).hasToString(
                "{startDate=" + booking.period().startDate() + ", endDate=" + booking.period().endDate() + "}");
    }

    @Test
    void the_acting_user_and_correlation_are_stored_as_fields_of_their_own() {
        CarBooked booking = booked("car-1", "booking-1", "customer-1", 0, 2);

        projection.on(booking, carEvent(booking, "car-1", 3, 5, "customer-1", "corr-1"), position(5));

        Document keys = mongoTemplate.getCollection(AuditLogKeys.COLLECTION).find(new Document("_id", 5L)).first();
        assertThat(keys).containsEntry("userId", "customer-1").containsEntry("correlationId", "corr-1")
                .containsEntry("type", "CarBooked").containsEntry("aggregateType", "Car")
                .containsEntry("aggregateId", "car-1").doesNotContainKey("payload");
        Document entry = mongoTemplate.getCollection(AuditLogEntry.COLLECTION).find(new Document("_id", 5L)).first();
        assertThat(entry).containsEntry("userId", "customer-1").containsEntry("correlationId", "corr-1");
    }

    @Test
    void an_event_delivered_twice_is_logged_once_and_unchanged() {
        CarBooked booking = booked("car-1", "booking-1", "customer-1", 0, 2);
        projection.on(booking, carEvent(booking, "car-1", 3, 7, "customer-1", "corr-1"), position(7));
        Document entryBefore = raw(AuditLogEntry.COLLECTION, 7);
        Document keysBefore = raw(AuditLogKeys.COLLECTION, 7);

        projection.on(booking, carEvent(booking, "car-1", 3, 7, "customer-1", "corr-1"), position(7));

        assertThat(mongoTemplate.count(new Query(), AuditLogEntry.class)).isEqualTo(1);
        assertThat(mongoTemplate.count(new Query(), AuditLogKeys.class)).isEqualTo(1);
        assertThat(raw(AuditLogEntry.COLLECTION, 7)).isEqualTo(entryBefore);
        assertThat(raw(AuditLogKeys.COLLECTION, 7)).isEqualTo(keysBefore);
    }

    @Test
    void an_event_replayed_is_logged_under_its_own_global_index_not_the_replay_limit() {
        var listing = listed("car-1", "dealer-1", "Volkswagen", "Golf");
        var replayToken = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100),
                new GlobalSequenceTrackingToken(9));

        projection.on(listing, carEvent(listing, "car-1", 0, 9, "dealer-1", "corr-9"), replayToken);

        assertThat(only(auditLog.page(AuditLogFilter.EVERYTHING, null, 10).items()).globalIndex()).isEqualTo(9);
    }

    @Test
    void the_reset_before_a_replay_empties_the_log() {
        CarBooked booking = booked("car-1", "booking-1", "customer-1", 0, 2);
        projection.on(booking, carEvent(booking, "car-1", 3, 1, "customer-1", "corr-1"), position(1));

        projection.clearBeforeReplay();

        assertThat(mongoTemplate.count(new Query(), AuditLogEntry.class)).isZero();
        assertThat(mongoTemplate.count(new Query(), AuditLogKeys.class)).isZero();
    }

    @Test
    void a_replay_after_the_reset_rebuilds_the_same_log() {
        var listing = listed("car-1", "dealer-1", "Volkswagen", "Golf");
        CarBooked booking = booked("car-1", "booking-1", "customer-1", 0, 2);
        projection.on(listing, carEvent(listing, "car-1", 0, 1, "dealer-1", "corr-1"), position(1));
        projection.on(booking, carEvent(booking, "car-1", 1, 2, "customer-1", "corr-2"), position(2));
        List<AuditedEvent> before = auditLog.page(AuditLogFilter.EVERYTHING, null, 10).items();

        projection.clearBeforeReplay();
        var replayLimit = new GlobalSequenceTrackingToken(2);
        projection.on(listing, carEvent(listing, "car-1", 0, 1, "dealer-1", "corr-1"),
                ReplayToken.createReplayToken(replayLimit, new GlobalSequenceTrackingToken(1)));
        projection.on(booking, carEvent(booking, "car-1", 1, 2, "customer-1", "corr-2"),
                ReplayToken.createReplayToken(replayLimit, new GlobalSequenceTrackingToken(2)));

        assertThat(auditLog.page(AuditLogFilter.EVERYTHING, null, 10).items()).isEqualTo(before);
    }

    @Test
    void an_event_of_no_aggregate_is_logged_without_aggregate_fields() {
        var payload = new MaintenanceAnnounced("maintenance window opened");
        var event = new GenericEventMessage<>(payload, MetaData.with("userId", "system"));

        projection.on(payload, event, position(3));

        AuditedEvent logged = only(auditLog.page(AuditLogFilter.EVERYTHING, null, 10).items());
        assertThat(logged.type()).isEqualTo("MaintenanceAnnounced");
        assertThat(logged.payload()).containsEntry("text", "maintenance window opened");
        assertThat(logged.aggregateType()).isNull();
        assertThat(logged.aggregateId()).isNull();
        assertThat(logged.sequence()).isNull();
        assertThat(logged.metadata()).containsEntry("userId", "system");
    }

    @Test
    void a_batch_of_events_is_logged_when_the_batch_ends() {
        CarBooked first = booked("car-1", "booking-1", "customer-1", 0, 2);
        CarBooked second = booked("car-2", "booking-2", "customer-1", 0, 2);
        List<Long> loggedWhileBatchRan = new ArrayList<>();

        EventBatch.handle(List.of(carEvent(first, "car-1", 3, 11, "customer-1", "corr-1"),
                carEvent(second, "car-2", 4, 12, "customer-1", "corr-2")), event -> {
            projection.on(event.getPayload(), event, position(globalIndexOf(event)));
            loggedWhileBatchRan.add(mongoTemplate.count(new Query(), AuditLogEntry.class));
        });

        assertThat(loggedWhileBatchRan).containsExactly(0L, 0L);
        assertThat(auditLog.page(AuditLogFilter.EVERYTHING, null, 10).items())
                .extracting(AuditedEvent::globalIndex).containsExactlyInAnyOrder(11L, 12L);
        assertThat(mongoTemplate.count(new Query(), AuditLogKeys.class)).isEqualTo(2);
    }

    @Test
    void a_batch_delivered_twice_is_logged_once_and_unchanged() {
        CarBooked booking = booked("car-1", "booking-1", "customer-1", 0, 2);
        List<EventMessage<?>> batch = List.of(carEvent(booking, "car-1", 3, 21, "customer-1", "corr-1"));
        Consumer<EventMessage<?>> handler =
                event -> projection.on(event.getPayload(), event, position(globalIndexOf(event)));
        EventBatch.handle(batch, handler);
        Document entryBefore = raw(AuditLogEntry.COLLECTION, 21);

        EventBatch.handle(batch, handler);

        assertThat(mongoTemplate.count(new Query(), AuditLogEntry.class)).isEqualTo(1);
        assertThat(mongoTemplate.count(new Query(), AuditLogKeys.class)).isEqualTo(1);
        assertThat(raw(AuditLogEntry.COLLECTION, 21)).isEqualTo(entryBefore);
    }

    /** The test events' identifiers end in their global index (AuditEvents). */
    private static long globalIndexOf(EventMessage<?> event) {
        return Long.parseLong(event.getIdentifier().substring(event.getIdentifier().lastIndexOf('-') + 1));
    }

    /** An event published by no aggregate. */
    record MaintenanceAnnounced(String text) {
    }

    private Document raw(String collection, long globalIndex) {
        return mongoTemplate.getCollection(collection).find(new Document("_id", globalIndex)).first();
    }

    private static AuditedEvent only(List<AuditedEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
