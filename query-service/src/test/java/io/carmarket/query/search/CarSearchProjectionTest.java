package io.carmarket.query.search;

import io.carmarket.api.car.CarRelisted;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.query.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;

import static io.carmarket.query.search.CarEvents.booked;
import static io.carmarket.query.search.CarEvents.cancelled;
import static io.carmarket.query.search.CarEvents.listed;
import static org.assertj.core.api.Assertions.assertThat;

/** The search projection against the embedded MongoDB-wire server, including events delivered more than once. */
class CarSearchProjectionTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private CarSearchProjection projection;

    @BeforeEach
    void emptyReadModel() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), CarSearchEntry.class);
        projection = new CarSearchProjection(mongoTemplate);
    }

    @Test
    void a_listed_car_becomes_a_search_entry_without_vin_or_licence_plate() {
        projection.on(listed("car-1", "Volkswagen", "49.50", 2022, Instant.parse("2030-01-01T10:00:00Z")), 0);

        CarSearchEntry entry = entry("car-1");
        assertThat(entry.make()).isEqualTo("Volkswagen");
        assertThat(entry.makeKey()).isEqualTo("volkswagen");
        assertThat(entry.dailyRate()).isEqualByComparingTo("49.50");
        assertThat(entry.version()).isZero();
        Document raw = mongoTemplate.getCollection(CarSearchEntry.COLLECTION).find().first();
        assertThat(raw.toJson()).doesNotContain("WVWZZZCDZNW000001").doesNotContain("B-AB 1234");
    }

    @Test
    void a_listing_delivered_twice_leaves_one_unchanged_entry() {
        projection.on(listed("car-1", "Volkswagen", "49.50", 2022, Instant.parse("2030-01-01T10:00:00Z")), 0);
        projection.on(booked("car-1", "b-1", 0, 3), 1);
        Document before = rawEntry("car-1");

        projection.on(listed("car-1", "Volkswagen", "49.50", 2022, Instant.parse("2030-01-01T10:00:00Z")), 0);

        assertThat(mongoTemplate.count(new Query(), CarSearchEntry.class)).isEqualTo(1);
        assertThat(rawEntry("car-1")).isEqualTo(before);
    }

    @Test
    void a_booking_adds_its_dates_to_the_car() {
        projection.on(listed("car-1", "Volkswagen", "49.50", 2022, Instant.now()), 0);

        projection.on(booked("car-1", "b-1", 0, 3), 1);

        assertThat(entry("car-1").bookedPeriods()).containsExactly(
                new CarSearchEntry.BookedPeriod("b-1", "2030-03-01", "2030-03-04"));
        assertThat(entry("car-1").version()).isEqualTo(1);
    }

    @Test
    void a_booking_delivered_twice_is_recorded_once() {
        projection.on(listed("car-1", "Volkswagen", "49.50", 2022, Instant.now()), 0);

        projection.on(booked("car-1", "b-1", 0, 3), 1);
        projection.on(booked("car-1", "b-1", 0, 3), 1);

        assertThat(entry("car-1").bookedPeriods()).hasSize(1);
    }

    @Test
    void a_cancellation_frees_the_dates() {
        projection.on(listed("car-1", "Volkswagen", "49.50", 2022, Instant.now()), 0);
        projection.on(booked("car-1", "b-1", 0, 3), 1);
        projection.on(booked("car-1", "b-2", 5, 7), 2);

        projection.on(cancelled("car-1", "b-1", 0, 3), 3);

        assertThat(entry("car-1").bookedPeriods()).extracting(CarSearchEntry.BookedPeriod::bookingId)
                .containsExactly("b-2");
    }

    @Test
    void a_booking_redelivered_after_its_cancellation_does_not_come_back() {
        projection.on(listed("car-1", "Volkswagen", "49.50", 2022, Instant.now()), 0);
        projection.on(booked("car-1", "b-1", 0, 3), 1);
        projection.on(cancelled("car-1", "b-1", 0, 3), 2);

        projection.on(booked("car-1", "b-1", 0, 3), 1);

        assertThat(entry("car-1").bookedPeriods()).isEmpty();
        assertThat(entry("car-1").version()).isEqualTo(2);
    }

    @Test
    void a_withdrawn_car_is_marked_withdrawn_and_a_relisted_one_listed_again() {
        projection.on(listed("car-1", "Volkswagen", "49.50", 2022, Instant.now()), 0);

        projection.on(new CarWithdrawn("car-1"), 1);
        assertThat(entry("car-1").status()).isEqualTo(CarStatus.WITHDRAWN);

        projection.on(new CarRelisted("car-1"), 2);
        assertThat(entry("car-1").status()).isEqualTo(CarStatus.LISTED);
    }

    @Test
    void a_withdrawal_redelivered_after_the_relisting_does_not_withdraw_the_car_again() {
        projection.on(listed("car-1", "Volkswagen", "49.50", 2022, Instant.now()), 0);
        projection.on(new CarWithdrawn("car-1"), 1);
        projection.on(new CarRelisted("car-1"), 2);

        projection.on(new CarWithdrawn("car-1"), 1);

        assertThat(entry("car-1").status()).isEqualTo(CarStatus.LISTED);
    }

    @Test
    void a_reset_before_replay_empties_the_read_model() {
        projection.on(listed("car-1", "Volkswagen", "49.50", 2022, Instant.now()), 0);

        projection.clearBeforeReplay();

        assertThat(mongoTemplate.count(new Query(), CarSearchEntry.class)).isZero();
    }

    private CarSearchEntry entry(String carId) {
        return mongoTemplate.findById(carId, CarSearchEntry.class);
    }

    private Document rawEntry(String carId) {
        return mongoTemplate.getCollection(CarSearchEntry.COLLECTION).find(new Document("_id", carId)).first();
    }
}
