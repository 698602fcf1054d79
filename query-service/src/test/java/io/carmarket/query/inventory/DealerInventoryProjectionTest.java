package io.carmarket.query.inventory;

import io.carmarket.api.car.CarFeatureChanged;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.api.car.CarRelisted;
import io.carmarket.api.car.CarSold;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.ListingChanges;
import io.carmarket.api.car.Location;
import io.carmarket.query.EmbeddedMongo;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.carmarket.query.common.TestEvents.EUR;
import static io.carmarket.query.common.TestEvents.T0;
import static io.carmarket.query.common.TestEvents.at;
import static io.carmarket.query.common.TestEvents.listed;
import static io.carmarket.query.common.TestEvents.makeChanged;
import static io.carmarket.query.common.TestEvents.priceChanged;
import static io.carmarket.query.common.TestEvents.reservationCancelled;
import static io.carmarket.query.common.TestEvents.reservationExpired;
import static io.carmarket.query.common.TestEvents.reserved;
import static org.assertj.core.api.Assertions.assertThat;

/** The dealer's inventory projection against the embedded MongoDB-wire server: every state, every redelivery. */
class DealerInventoryProjectionTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private DealerInventoryProjection projection;

    @BeforeEach
    void emptyReadModel() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), DealerCarEntry.class);
        projection = new DealerInventoryProjection(mongoTemplate);
        projection.ensureIndexes();
        projection.on(listed("car-1", "dealer-1", "Volkswagen", "Golf"), 0);
    }

    @Test
    void indexes_are_declared_without_error_on_the_embedded_server() {
        projection.ensureIndexes();
        projection.ensureIndexes();
    }

    @Test
    void a_listed_car_keeps_every_listing_field_including_vin_and_plate() {
        DealerCarEntry car = entry("car-1");

        assertThat(car.dealerId()).isEqualTo("dealer-1");
        assertThat(car.status()).isEqualTo(CarStatus.LISTED);
        assertThat(car.make()).isEqualTo("Volkswagen");
        assertThat(car.makeKey()).isEqualTo("volkswagen");
        assertThat(car.model()).isEqualTo("Golf");
        assertThat(car.variant()).isEqualTo("Variant");
        assertThat(car.vin()).isEqualTo("WVWZZZCDZNW000001");
        assertThat(car.licensePlate()).isEqualTo("B-AB 1234");
        assertThat(car.city()).isEqualTo("Berlin");
        assertThat(car.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(car.images()).extracting(CarImage::url)
                .containsExactly("https://img.example.com/1.jpg", "https://img.example.com/2.jpg");
        assertThat(car.dailyRate()).isEqualByComparingTo("49.50");
        assertThat(car.askingPrice()).isEqualByComparingTo("25000.00");
        assertThat(car.dailyRateRank()).isZero();
        assertThat(car.askingPriceRank()).isZero();
        assertThat(car.currency()).isEqualTo("EUR");
        assertThat(car.maxBookingDays()).isEqualTo(30);
        assertThat(car.listedAt()).isEqualTo(T0);
        assertThat(car.updatedAt()).isEqualTo(T0);
        assertThat(car.version()).isZero();
        assertThat(car.searchTokens()).contains("volkswagen", "golf", "variant", "wvwzzzcdznw000001", "000001",
                "b", "ab", "bab", "1234");
        assertThat(raw("car-1").get("dailyRate")).as("money is Decimal128").isInstanceOf(Decimal128.class);
        assertThat(car.view().vin()).isEqualTo("WVWZZZCDZNW000001");
        assertThat(car.view().licensePlate()).isEqualTo("B-AB 1234");
    }

    @Test
    void a_listing_delivered_twice_is_stored_once_and_unchanged() {
        projection.on(priceChanged("car-1", "55.00"), 1, at(1));
        Document before = raw("car-1");

        projection.on(listed("car-1", "dealer-1", "Volkswagen", "Golf"), 0);

        assertThat(mongoTemplate.count(new Query(), DealerCarEntry.class)).isEqualTo(1);
        assertThat(raw("car-1")).isEqualTo(before);
    }

    @Test
    void every_change_delivered_twice_or_after_a_newer_one_changes_nothing() {
        projection.on(new CarWithdrawn("car-1"), 1, at(1));
        projection.on(new CarRelisted("car-1"), 2, at(2));
        Document relisted = raw("car-1");

        projection.on(new CarRelisted("car-1"), 2, at(9));
        projection.on(new CarWithdrawn("car-1"), 1, at(9));
        projection.on(makeChanged("car-1", "Audi"), 1, at(9));

        assertThat(raw("car-1")).isEqualTo(relisted);
        assertThat(entry("car-1").status()).isEqualTo(CarStatus.LISTED);
        assertThat(entry("car-1").version()).isEqualTo(2);
    }

    @Test
    void withdrawal_hides_nothing_from_the_dealer_and_ends_featuring() {
        projection.on(new CarFeatureChanged("car-1", true), 1, at(1));
        assertThat(entry("car-1").featured()).isTrue();

        projection.on(new CarWithdrawn("car-1"), 2, at(2));

        assertThat(entry("car-1").status()).isEqualTo(CarStatus.WITHDRAWN);
        assertThat(entry("car-1").featured()).isFalse();
        assertThat(entry("car-1").vin()).isEqualTo("WVWZZZCDZNW000001");
        assertThat(entry("car-1").updatedAt()).isEqualTo(at(2));
    }

    @Test
    void a_relisted_car_is_listed_again() {
        projection.on(new CarWithdrawn("car-1"), 1, at(1));

        projection.on(new CarRelisted("car-1"), 2, at(2));

        assertThat(entry("car-1").status()).isEqualTo(CarStatus.LISTED);
        assertThat(entry("car-1").updatedAt()).isEqualTo(at(2));
    }

    @Test
    void a_purchase_reservation_reserves_the_car_with_its_handover_until_it_is_cancelled() {
        projection.on(reserved("car-1", "r-1", "customer-1"), 1, at(1));

        assertThat(entry("car-1").status()).isEqualTo(CarStatus.RESERVED);
        assertThat(entry("car-1").reservationId()).isEqualTo("r-1");
        assertThat(entry("car-1").view().handoverDate()).isEqualTo(LocalDate.of(2030, 3, 21));

        projection.on(reservationCancelled("car-1", "r-1", "customer-1", "changed mind"), 2, at(2));

        assertThat(entry("car-1").status()).isEqualTo(CarStatus.LISTED);
        assertThat(entry("car-1").reservationId()).isNull();
        assertThat(entry("car-1").handoverDate()).isNull();
    }

    @Test
    void an_expired_purchase_reservation_puts_the_car_back_on_the_market() {
        projection.on(reserved("car-1", "r-1", "customer-1"), 1, at(1));

        projection.on(reservationExpired("car-1", "r-1", "customer-1"), 2, at(2));

        assertThat(entry("car-1").status()).isEqualTo(CarStatus.LISTED);
        assertThat(entry("car-1").reservationId()).isNull();
    }

    @Test
    void a_sold_car_keeps_its_reservation_and_price_and_is_no_longer_featured() {
        projection.on(new CarFeatureChanged("car-1", true), 1, at(1));
        projection.on(reserved("car-1", "r-1", "customer-1"), 2, at(2));

        projection.on(new CarSold("car-1", "customer-1", "r-1", new BigDecimal("23000.00"), EUR), 3, at(3));

        DealerCarEntry sold = entry("car-1");
        assertThat(sold.status()).isEqualTo(CarStatus.SOLD);
        assertThat(sold.reservationId()).isEqualTo("r-1");
        assertThat(sold.soldPrice()).isEqualByComparingTo("23000.00");
        assertThat(sold.handoverDate()).isNull();
        assertThat(sold.featured()).isFalse();
        assertThat(sold.updatedAt()).isEqualTo(at(3));
    }

    @Test
    void a_make_change_renews_the_make_key_and_the_search_words_keeping_vin_and_plate() {
        projection.on(makeChanged("car-1", "Citroën"), 1, at(1));

        DealerCarEntry car = entry("car-1");
        assertThat(car.make()).isEqualTo("Citroën");
        assertThat(car.makeKey()).isEqualTo("citroen");
        assertThat(car.searchTokens()).contains("citroen", "golf", "wvwzzzcdznw000001", "000001", "bab")
                .doesNotContain("volkswagen");
        assertThat(car.updatedAt()).isEqualTo(at(1));
    }

    @Test
    void a_price_change_replaces_that_price_only() {
        projection.on(priceChanged("car-1", "59.90"), 1, at(1));

        assertThat(entry("car-1").dailyRate()).isEqualByComparingTo("59.90");
        assertThat(entry("car-1").askingPrice()).isEqualByComparingTo("25000.00");
        assertThat(raw("car-1").get("dailyRate")).isInstanceOf(Decimal128.class);
    }

    @Test
    void details_change_as_given_and_unchanged_parts_stay() {
        ListingChanges changes = new ListingChanges(null, null, "GTI", 2023, null, null, null, 12_345, "Red", null,
                List.of("Sunroof"), "Like new", new Location("Hamburg", null, null, null),
                List.of(new CarImage("https://img.example.com/9.jpg", true)), null, new BigDecimal("27000.00"), 14);

        projection.on(new CarListingChanged("car-1", changes), 1, at(1));

        DealerCarEntry car = entry("car-1");
        assertThat(car.variant()).isEqualTo("GTI");
        assertThat(car.searchTokens()).contains("gti", "golf").doesNotContain("variant");
        assertThat(car.year()).isEqualTo(2023);
        assertThat(car.mileage()).isEqualTo(12_345);
        assertThat(car.color()).isEqualTo("Red");
        assertThat(car.features()).containsExactly("Sunroof");
        assertThat(car.description()).isEqualTo("Like new");
        assertThat(car.city()).isEqualTo("Hamburg");
        assertThat(car.timeZone()).as("a location without a zone keeps the zone").isEqualTo("Europe/Berlin");
        assertThat(car.images()).extracting(CarImage::url).containsExactly("https://img.example.com/9.jpg");
        assertThat(car.askingPrice()).isEqualByComparingTo("27000.00");
        assertThat(car.dailyRate()).isEqualByComparingTo("49.50");
        assertThat(car.maxBookingDays()).isEqualTo(14);
        assertThat(car.seats()).isEqualTo(5);
        assertThat(car.vin()).isEqualTo("WVWZZZCDZNW000001");
    }

    @Test
    void events_of_a_car_never_listed_here_create_nothing() {
        projection.on(new CarWithdrawn("car-unknown"), 1, at(1));

        assertThat(mongoTemplate.findById("car-unknown", DealerCarEntry.class)).isNull();
    }

    @Test
    void the_reset_before_a_replay_empties_the_read_model_and_the_replay_builds_it_again() {
        projection.on(new CarWithdrawn("car-1"), 1, at(1));

        projection.clearBeforeReplay();
        assertThat(mongoTemplate.count(new Query(), DealerCarEntry.class)).isZero();

        projection.on(listed("car-1", "dealer-1", "Volkswagen", "Golf"), 0);
        projection.on(new CarWithdrawn("car-1"), 1, at(1));
        assertThat(entry("car-1").status()).isEqualTo(CarStatus.WITHDRAWN);
    }

    private DealerCarEntry entry(String carId) {
        return mongoTemplate.findById(carId, DealerCarEntry.class);
    }

    private Document raw(String carId) {
        return mongoTemplate.getCollection(DealerCarEntry.COLLECTION).find(new Document("_id", carId)).first();
    }
}
