package io.carmarket.query.search;

import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.query.EmbeddedMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static io.carmarket.query.search.CarEvents.listing;
import static org.assertj.core.api.Assertions.assertThat;

/** A read model written before the search keys existed becomes searchable at start, without a replay. */
class CarSearchKeysBackfillTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private CarSearchProjection projection;
    private CarSearchKeysBackfill backfill;

    @BeforeEach
    void emptyReadModel() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), CarSearchEntry.class);
        mongoTemplate.remove(new Query(), CarSearchKeys.class);
        projection = new CarSearchProjection(mongoTemplate);
        backfill = new CarSearchKeysBackfill(mongoTemplate);
    }

    @Test
    void public_cars_without_keys_get_them_from_their_entries() {
        projection.on(listing("car-1").make("Citroën").event(), 0);
        projection.on(listing("car-2").event(), 0);
        projection.on(listing("withdrawn").event(), 0);
        projection.on(new CarWithdrawn("withdrawn"), 1);
        mongoTemplate.remove(new Query(), CarSearchKeys.class);

        backfill.fillMissingKeys();

        assertThat(mongoTemplate.findAll(CarSearchKeys.class)).containsExactlyInAnyOrder(
                CarSearchKeys.of(entry("car-1")), CarSearchKeys.of(entry("car-2")));
    }

    @Test
    void keys_already_there_are_not_replaced() {
        projection.on(listing("car-1").event(), 0);
        projection.on(listing("car-2").event(), 0);
        mongoTemplate.remove(new Query(), CarSearchKeys.class);
        // Stands for keys the projection wrote, from a newer state of the car than the entry the backfill reads.
        CarSearchKeys listed = CarSearchKeys.of(entry("car-1"));
        CarSearchKeys newer = new CarSearchKeys(listed.carId(), true, listed.make(), listed.makeKey(),
                listed.searchTokens(), listed.year(), listed.bodyType(), listed.transmission(), listed.fuelType(),
                listed.mileage(), listed.cityKey(), listed.dailyRate(), listed.askingPrice(), listed.listedAt());
        mongoTemplate.save(newer);

        backfill.fillMissingKeys();

        assertThat(keys("car-1")).isEqualTo(newer);
        assertThat(keys("car-2")).isEqualTo(CarSearchKeys.of(entry("car-2")));
    }

    private CarSearchEntry entry(String carId) {
        return mongoTemplate.findById(carId, CarSearchEntry.class);
    }

    private CarSearchKeys keys(String carId) {
        return mongoTemplate.findById(carId, CarSearchKeys.class);
    }
}
