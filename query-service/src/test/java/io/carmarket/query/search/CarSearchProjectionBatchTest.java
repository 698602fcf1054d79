package io.carmarket.query.search;

import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarRelisted;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.common.EventBatch;
import io.carmarket.query.common.VersionGuard;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.carmarket.query.common.EventBatch.event;
import static io.carmarket.query.search.CarEvents.approved;
import static io.carmarket.query.search.CarEvents.booked;
import static io.carmarket.query.search.CarEvents.bookedPendingApproval;
import static io.carmarket.query.search.CarEvents.cancelled;
import static io.carmarket.query.search.CarEvents.changes;
import static io.carmarket.query.search.CarEvents.featured;
import static io.carmarket.query.search.CarEvents.listing;
import static io.carmarket.query.search.CarEvents.listingChanged;
import static io.carmarket.query.search.CarEvents.period;
import static io.carmarket.query.search.CarEvents.purchaseCancelled;
import static io.carmarket.query.search.CarEvents.purchaseReserved;
import static io.carmarket.query.search.CarEvents.rejected;
import static io.carmarket.query.search.CarEvents.rescheduled;
import static io.carmarket.query.search.CarEvents.sold;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search projection handling its events in batches, as its processor does, builds exactly the read model that
 * handling them one at a time builds: entries and keys alike, whatever the batch size, and events delivered again
 * change nothing.
 */
class CarSearchProjectionBatchTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private AnnotationEventHandlerAdapter projection;

    @BeforeEach
    void emptyReadModel() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), CarSearchEntry.class);
        mongoTemplate.remove(new Query(), CarSearchKeys.class);
        new VersionGuard(mongoTemplate, CarSearchEntry.class).ensureIndex();
        projection = new AnnotationEventHandlerAdapter(new CarSearchProjection(mongoTemplate));
    }

    @ParameterizedTest(name = "batches of {0}")
    @ValueSource(ints = {1, 2, 3, 7, 100})
    void batches_of_any_size_build_what_single_events_build(int batchSize) {
        Map<String, List<Document>> oneByOne = builtOneByOne(history());
        assertThat(oneByOne.get(CarSearchEntry.COLLECTION)).hasSize(3);
        assertThat(oneByOne.get(CarSearchKeys.COLLECTION)).hasSize(2);

        for (int from = 0; from < history().size(); from += batchSize) {
            EventBatch.handle(history().subList(from, Math.min(from + batchSize, history().size())), this::handle);
        }

        assertThat(readModel()).isEqualTo(oneByOne);
    }

    @Test
    void every_event_delivered_twice_within_its_batch_changes_nothing_more() {
        Map<String, List<Document>> oneByOne = builtOneByOne(history());
        List<EventMessage<?>> twice = new ArrayList<>();
        history().forEach(event -> {
            twice.add(event);
            twice.add(event);
        });

        EventBatch.handle(twice, this::handle);

        assertThat(readModel()).isEqualTo(oneByOne);
    }

    @Test
    void a_batch_delivered_again_after_later_batches_changes_nothing() {
        Map<String, List<Document>> oneByOne = builtOneByOne(history());
        List<EventMessage<?>> firstHalf = history().subList(0, history().size() / 2);
        EventBatch.handle(firstHalf, this::handle);
        EventBatch.handle(history().subList(firstHalf.size(), history().size()), this::handle);

        EventBatch.handle(firstHalf, this::handle);

        assertThat(readModel()).isEqualTo(oneByOne);
    }

    /** Three cars through every kind of event the projection handles, interleaved as a store delivers them. */
    private static List<EventMessage<?>> history() {
        return List.of(
                event("car-1", 0, listing("car-1").event()),
                event("car-2", 0, listing("car-2").make("Skoda").event()),
                event("car-1", 1, booked("car-1", "b-1", 1, 3)),
                event("car-3", 0, listing("car-3").event()),
                event("car-1", 2, bookedPendingApproval("car-1", "b-2", 5, 7)),
                event("car-2", 1, featured("car-2", true)),
                event("car-1", 3, approved("car-1", "b-2", 5, 7)),
                event("car-2", 2, listingChanged("car-2", changes().make("Seat").mileage(1_000).build())),
                event("car-1", 4, rescheduled("car-1", "b-1", period(1, 3), period(10, 12), BookingStatus.CONFIRMED)),
                event("car-3", 1, bookedPendingApproval("car-3", "b-3", 2, 4)),
                event("car-3", 2, rejected("car-3", "b-3", 2, 4)),
                event("car-2", 3, purchaseReserved("car-2", "r-1", 20)),
                event("car-1", 5, cancelled("car-1", "b-2", 5, 7)),
                event("car-2", 4, purchaseCancelled("car-2", "r-1")),
                event("car-3", 3, new CarWithdrawn("car-3")),
                event("car-2", 5, purchaseReserved("car-2", "r-2", 25)),
                event("car-3", 4, new CarRelisted("car-3")),
                event("car-2", 6, sold("car-2", "r-2")));
    }

    private Map<String, List<Document>> builtOneByOne(List<EventMessage<?>> events) {
        events.forEach(this::handle);
        Map<String, List<Document>> built = readModel();
        emptyReadModel();
        return built;
    }

    private void handle(EventMessage<?> event) {
        try {
            projection.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, List<Document>> readModel() {
        return Map.of(CarSearchEntry.COLLECTION, all(CarSearchEntry.COLLECTION),
                CarSearchKeys.COLLECTION, all(CarSearchKeys.COLLECTION));
    }

    private List<Document> all(String collection) {
        return mongoTemplate.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }
}
