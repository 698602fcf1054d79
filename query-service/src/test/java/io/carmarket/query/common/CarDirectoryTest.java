package io.carmarket.query.common;

import io.carmarket.api.bookings.CarCard;
import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.common.CarDirectory.KnownCar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.Map;

import static io.carmarket.query.common.TestEvents.cityChanged;
import static io.carmarket.query.common.TestEvents.listed;
import static io.carmarket.query.common.TestEvents.makeChanged;
import static io.carmarket.query.common.TestEvents.priceChanged;
import static org.assertj.core.api.Assertions.assertThat;

/** The per-processing-group car table, against the embedded MongoDB: each collection on its own, each write once. */
class CarDirectoryTest {

    private static final String ONE = "test_cars_one";
    private static final String OTHER = "test_cars_other";

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private CarDirectory cars;

    @BeforeEach
    void emptyDirectories() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), ONE);
        mongoTemplate.remove(new Query(), OTHER);
        cars = new CarDirectory(mongoTemplate, ONE);
    }

    @Test
    void a_listed_car_is_known_with_its_dealer_display_data_and_version() {
        cars.recordListing(listed("car-1", "dealer-1", "Volkswagen", "Golf"), 0);

        assertThat(cars.findOrUnknown("car-1")).isEqualTo(new KnownCar("dealer-1",
                new CarCard("Volkswagen", "Golf", "Berlin", "https://img.example.com/2.jpg"), 0));
    }

    @Test
    void a_car_never_listed_is_unknown() {
        assertThat(cars.findOrUnknown("car-9")).isEqualTo(KnownCar.UNKNOWN);
    }

    @Test
    void a_redelivered_listing_changes_nothing() {
        cars.recordListing(listed("car-1", "dealer-1", "Volkswagen", "Golf"), 0);
        cars.applyListingChange(makeChanged("car-1", "VW"), 1);

        cars.recordListing(listed("car-1", "dealer-1", "Volkswagen", "Golf"), 0);

        assertThat(cars.findOrUnknown("car-1").card().make()).isEqualTo("VW");
        assertThat(cars.findOrUnknown("car-1").version()).isEqualTo(1);
    }

    @Test
    void a_listing_change_applies_once_and_returns_what_is_shown() {
        cars.recordListing(listed("car-1", "dealer-1", "Volkswagen", "Golf"), 0);

        assertThat(cars.applyListingChange(cityChanged("car-1", "Hamburg"), 2)).containsOnly(
                Map.entry("city", "Hamburg"));
        cars.applyListingChange(makeChanged("car-1", "VW"), 1);
        cars.applyListingChange(cityChanged("car-1", "Hamburg"), 2);

        KnownCar car = cars.findOrUnknown("car-1");
        assertThat(car.card()).isEqualTo(new CarCard("Volkswagen", "Golf", "Hamburg", "https://img.example.com/2.jpg"));
        assertThat(car.version()).isEqualTo(2);
    }

    @Test
    void a_change_of_nothing_shown_returns_nothing_and_writes_nothing() {
        cars.recordListing(listed("car-1", "dealer-1", "Volkswagen", "Golf"), 0);

        assertThat(cars.applyListingChange(priceChanged("car-1", "60.00"), 1)).isEmpty();
        assertThat(cars.findOrUnknown("car-1").version()).isZero();
    }

    @Test
    void each_directory_keeps_and_clears_its_own_collection() {
        CarDirectory other = new CarDirectory(mongoTemplate, OTHER);
        cars.recordListing(listed("car-1", "dealer-1", "Volkswagen", "Golf"), 0);
        other.recordListing(listed("car-1", "dealer-1", "Volkswagen", "Golf"), 0);
        other.applyListingChange(makeChanged("car-1", "VW"), 1);

        assertThat(cars.findOrUnknown("car-1").card().make()).isEqualTo("Volkswagen");

        cars.clear();

        assertThat(cars.findOrUnknown("car-1")).isEqualTo(KnownCar.UNKNOWN);
        assertThat(other.findOrUnknown("car-1").card().make()).isEqualTo("VW");
    }
}
