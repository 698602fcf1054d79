package io.carmarket.query.audit;

import io.carmarket.api.audit.AuditedEvent;
import io.carmarket.query.EmbeddedMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.List;

import static io.carmarket.query.audit.AuditEvents.JSON;
import static io.carmarket.query.audit.AuditEvents.domainEvent;
import static io.carmarket.query.audit.AuditEvents.position;
import static io.carmarket.query.common.TestEvents.at;
import static io.carmarket.query.common.TestEvents.booked;
import static io.carmarket.query.common.TestEvents.cancelled;
import static io.carmarket.query.common.TestEvents.listed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the global log: each filter, combined filters, keyset pages while events are appended, and the stream.
 * The log: global index {@code i} was stored at minute {@code i}.
 */
class AuditLogTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private AuditLogProjection projection;
    private AuditLog auditLog;
    private long nextIndex;

    @BeforeEach
    void emptyLog() {
        MongoTemplate mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), AuditLogEntry.class);
        mongoTemplate.remove(new Query(), AuditLogKeys.class);
        projection = new AuditLogProjection(mongoTemplate, JSON);
        auditLog = new AuditLog(mongoTemplate, JSON);
        nextIndex = 1;
        // 1: dealer lists car-1; 2: alice books it; 3: bob books it; 4: dealer lists car-2 (negotiation-like type);
        // 5: alice's booking cancelled, in alice's correlation.
        append("Car", "car-1", 0, listed("car-1", "dealer", "Volkswagen", "Golf"), "dealer", "c-list-1");
        append("Car", "car-1", 1, booked("car-1", "b-1", "alice", 0, 2), "alice", "c-alice");
        append("Car", "car-1", 2, booked("car-1", "b-2", "bob", 3, 5), "bob", "c-bob");
        append("Negotiation", "n-1", 0, listed("car-2", "dealer", "Audi", "A4"), "dealer", "c-list-2");
        append("Car", "car-1", 3, cancelled("car-1", "b-1", null, "alice"), "alice", "c-alice");
    }

    @Test
    void without_filters_every_event_is_listed_in_global_order() {
        assertThat(indexes(AuditLogFilter.EVERYTHING)).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void type_filters_by_the_simple_event_name_and_may_name_several() {
        assertThat(indexes(filter(List.of("CarBooked"), null, null, null, null))).containsExactly(2L, 3L);
        assertThat(indexes(filter(List.of("CarListed", "BookingCancelled"), null, null, null, null)))
                .containsExactly(1L, 4L, 5L);
    }

    @Test
    void aggregate_type_and_aggregate_id_filter_by_the_emitting_aggregate() {
        assertThat(indexes(filter(List.of(), "Negotiation", null, null, null))).containsExactly(4L);
        assertThat(indexes(filter(List.of(), null, "car-1", null, null))).containsExactly(1L, 2L, 3L, 5L);
    }

    @Test
    void user_filters_by_the_acting_user() {
        assertThat(indexes(filter(List.of(), null, null, "alice", null))).containsExactly(2L, 5L);
    }

    @Test
    void correlation_id_filters_by_the_business_transaction() {
        assertThat(indexes(filter(List.of(), null, null, null, "c-alice"))).containsExactly(2L, 5L);
    }

    @Test
    void from_is_inclusive_and_to_is_exclusive() {
        AuditLogFilter minutesTwoToFour = new AuditLogFilter(List.of(), null, null, null, null, at(2), at(4));

        assertThat(indexes(minutesTwoToFour)).containsExactly(2L, 3L);
    }

    @Test
    void filters_combine_with_and() {
        AuditLogFilter aliceBookingsOfCar1 = new AuditLogFilter(List.of("CarBooked"), "Car", "car-1", "alice",
                "c-alice", at(0), at(10));

        assertThat(indexes(aliceBookingsOfCar1)).containsExactly(2L);
    }

    @Test
    void pages_follow_each_other_without_gaps_or_duplicates_while_events_are_appended() {
        AuditLog.Page first = auditLog.page(AuditLogFilter.EVERYTHING, null, 2);
        append("Car", "car-1", 4, booked("car-1", "b-3", "carol", 6, 8), "carol", "c-carol");
        List<Long> seen = new ArrayList<>(indexesOf(first.items()));
        String cursor = first.nextCursor();
        while (cursor != null) {
            AuditLog.Page next = auditLog.page(AuditLogFilter.EVERYTHING, AuditLogCursor.parameter(cursor), 2);
            seen.addAll(indexesOf(next.items()));
            cursor = next.nextCursor();
        }

        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void the_last_page_has_no_next_cursor() {
        AuditLog.Page all = auditLog.page(AuditLogFilter.EVERYTHING, null, 5);

        assertThat(all.items()).hasSize(5);
        assertThat(all.nextCursor()).isNull();
    }

    @Test
    void the_stream_hands_over_every_matching_event_in_global_order_across_chunks() {
        int appended = AuditLog.STREAM_CHUNK + 7;
        for (int i = 0; i < appended; i++) {
            append("Car", "car-9", i, booked("car-9", "b-9-" + i, "dave", 0, 1), "dave", "c-dave-" + i);
        }
        List<Long> streamed = new ArrayList<>();
        int[] chunks = {0};

        auditLog.stream(filter(List.of(), null, null, "dave", null), null, null,
                event -> streamed.add(event.globalIndex()), () -> chunks[0]++);

        assertThat(streamed).hasSize(appended).isSorted().doesNotHaveDuplicates();
        assertThat(streamed.get(0)).isEqualTo(6L);
        assertThat(chunks[0]).isEqualTo(2);
    }

    @Test
    void the_stream_starts_after_the_cursor_and_stops_at_the_limit() {
        List<Long> streamed = new ArrayList<>();

        auditLog.stream(AuditLogFilter.EVERYTHING, AuditLogCursor.after(2), 2,
                event -> streamed.add(event.globalIndex()), () -> { });

        assertThat(streamed).containsExactly(3L, 4L);
    }

    private void append(String aggregateType, String aggregateId, long sequence, Object payload, String userId,
                        String correlationId) {
        long globalIndex = nextIndex++;
        projection.on(payload, domainEvent(aggregateType, aggregateId, sequence, payload, globalIndex, userId,
                correlationId), position(globalIndex));
    }

    private static AuditLogFilter filter(List<String> types, String aggregateType, String aggregateId,
                                         String userId, String correlationId) {
        return new AuditLogFilter(types, aggregateType, aggregateId, userId, correlationId, null, null);
    }

    private List<Long> indexes(AuditLogFilter filter) {
        return indexesOf(auditLog.page(filter, null, AuditLogController.MAX_LIMIT).items());
    }

    private static List<Long> indexesOf(List<AuditedEvent> events) {
        return events.stream().map(AuditedEvent::globalIndex).toList();
    }
}
