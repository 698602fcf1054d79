package io.carmarket.query.search;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarRelisted;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.Location;
import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.search.CarSearchEntry.BookedPeriod;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static io.carmarket.query.search.CarEvents.approvalExpired;
import static io.carmarket.query.search.CarEvents.approved;
import static io.carmarket.query.search.CarEvents.booked;
import static io.carmarket.query.search.CarEvents.bookedPendingApproval;
import static io.carmarket.query.search.CarEvents.cancelled;
import static io.carmarket.query.search.CarEvents.changes;
import static io.carmarket.query.search.CarEvents.featured;
import static io.carmarket.query.search.CarEvents.listed;
import static io.carmarket.query.search.CarEvents.listing;
import static io.carmarket.query.search.CarEvents.listingChanged;
import static io.carmarket.query.search.CarEvents.period;
import static io.carmarket.query.search.CarEvents.purchaseCancelled;
import static io.carmarket.query.search.CarEvents.purchaseExpired;
import static io.carmarket.query.search.CarEvents.purchaseReserved;
import static io.carmarket.query.search.CarEvents.rejected;
import static io.carmarket.query.search.CarEvents.rescheduled;
import static io.carmarket.query.search.CarEvents.sold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The search projection against the embedded MongoDB-wire server. Every handler is also shown to be idempotent:
 * an event delivered twice, or delivered again after a later event of the same car, changes nothing.
 */
class CarSearchProjectionTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private CarSearchProjection projection;

    @BeforeEach
    void emptyReadModel() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), CarSearchEntry.class);
        mongoTemplate.remove(new Query(), CarSearchKeys.class);
        projection = new CarSearchProjection(mongoTemplate);
    }

    @Nested
    class Listed {

        @Test
        void a_listed_car_becomes_a_search_entry_without_vin_or_licence_plate() {
            projection.on(listed("car-1", "Volkswagen", "49.50", 2022, Instant.parse("2030-01-01T10:00:00Z")), 0);

            CarSearchEntry entry = entry("car-1");
            assertThat(entry.make()).isEqualTo("Volkswagen");
            assertThat(entry.makeKey()).isEqualTo("volkswagen");
            assertThat(entry.dailyRate()).isEqualByComparingTo("49.50");
            assertThat(entry.version()).isZero();
            assertThat(entry.featured()).isFalse();
            Document raw = mongoTemplate.getCollection(CarSearchEntry.COLLECTION).find().first();
            assertThat(raw.toJson()).doesNotContain("WVWZZZCDZNW000001").doesNotContain("B-AB 1234")
                    .doesNotContain("dealer-1");
        }

        @Test
        void a_listed_car_keeps_its_search_keys_words_and_time_zone() {
            projection.on(listing("car-1").make("Citroën").model("ë-C4", "1.2 PureTech X")
                    .city("  Düsseldorf ", "Europe/Berlin").event(), 0);

            CarSearchEntry entry = entry("car-1");
            assertThat(entry.makeKey()).isEqualTo("citroen");
            assertThat(entry.cityKey()).isEqualTo("dusseldorf");
            assertThat(entry.searchTokens()).containsExactly("citroen", "e", "c4", "ec4", "1", "2", "12", "puretech",
                    "x");
            assertThat(entry.timeZone()).isEqualTo("Europe/Berlin");
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
        void a_reset_before_replay_empties_the_read_model() {
            projection.on(listed("car-1", "Volkswagen", "49.50", 2022, Instant.now()), 0);

            projection.clearBeforeReplay();

            assertThat(mongoTemplate.count(new Query(), CarSearchEntry.class)).isZero();
        }
    }

    @Nested
    class ListingChanged {

        @BeforeEach
        void aListedCar() {
            projection.on(listing("car-1").make("Volkswagen").model("Golf", "1.5 TSI").year(2020)
                    .dailyRate("49.50").askingPrice("25000.00").event(), 0);
        }

        @Test
        void only_the_given_parts_change() {
            projection.on(listingChanged("car-1", changes().year(2021).mileage(12_000).dailyRate("55.00").build()), 1);

            CarSearchEntry entry = entry("car-1");
            assertThat(entry.year()).isEqualTo(2021);
            assertThat(entry.mileage()).isEqualTo(12_000);
            assertThat(entry.dailyRate()).isEqualByComparingTo("55.00");
            assertThat(entry.askingPrice()).isEqualByComparingTo("25000.00");
            assertThat(entry.make()).isEqualTo("Volkswagen");
            assertThat(entry.model()).isEqualTo("Golf");
            assertThat(entry.bodyType()).isEqualTo(BodyType.SEDAN);
            assertThat(entry.features()).containsExactly("Heated seats");
            assertThat(entry.version()).isEqualTo(1);
            assertThat(rawEntry("car-1").get("dailyRate")).as("prices stay Decimal128").isInstanceOf(Decimal128.class);
        }

        @Test
        void a_new_model_renews_the_search_words_with_the_unchanged_make_and_variant() {
            projection.on(listingChanged("car-1", changes().model("Polo").build()), 1);

            assertThat(entry("car-1").searchTokens()).containsExactly("volkswagen", "polo", "1", "5", "15", "tsi");
        }

        @Test
        void a_new_make_renews_its_key_and_the_search_words() {
            projection.on(listingChanged("car-1", changes().make("Škoda").build()), 1);

            CarSearchEntry entry = entry("car-1");
            assertThat(entry.make()).isEqualTo("Škoda");
            assertThat(entry.makeKey()).isEqualTo("skoda");
            assertThat(entry.searchTokens()).containsExactly("skoda", "golf", "1", "5", "15", "tsi");
        }

        @Test
        void lists_replace_the_stored_ones() {
            projection.on(listingChanged("car-1", changes().features("Towbar")
                    .images(new CarImage("https://img.example.com/9.jpg", true)).build()), 1);

            assertThat(entry("car-1").features()).containsExactly("Towbar");
            assertThat(entry("car-1").images()).containsExactly(new CarImage("https://img.example.com/9.jpg", true));
        }

        @Test
        void a_new_location_replaces_city_key_coordinates_and_time_zone() {
            projection.on(listingChanged("car-1", changes()
                    .location(new Location("Hamburg", null, null, ZoneId.of("Europe/Lisbon"))).build()), 1);

            CarSearchEntry entry = entry("car-1");
            assertThat(entry.city()).isEqualTo("Hamburg");
            assertThat(entry.cityKey()).isEqualTo("hamburg");
            assertThat(entry.latitude()).isNull();
            assertThat(entry.longitude()).isNull();
            assertThat(entry.timeZone()).isEqualTo("Europe/Lisbon");
        }

        @Test
        void a_change_delivered_twice_is_applied_once() {
            projection.on(listingChanged("car-1", changes().make("Seat").build()), 1);
            Document before = rawEntry("car-1");

            projection.on(listingChanged("car-1", changes().make("Seat").build()), 1);

            assertThat(rawEntry("car-1")).isEqualTo(before);
        }

        @Test
        void an_older_change_redelivered_after_a_newer_one_does_not_undo_it() {
            projection.on(listingChanged("car-1", changes().make("Audi").dailyRate("60.00").build()), 1);
            projection.on(listingChanged("car-1", changes().make("Seat").build()), 2);

            projection.on(listingChanged("car-1", changes().make("Audi").dailyRate("60.00").build()), 1);

            assertThat(entry("car-1").make()).isEqualTo("Seat");
            assertThat(entry("car-1").makeKey()).isEqualTo("seat");
            assertThat(entry("car-1").dailyRate()).isEqualByComparingTo("60.00");
            assertThat(entry("car-1").version()).isEqualTo(2);
        }
    }

    @Nested
    class Featured {

        @BeforeEach
        void aListedCar() {
            projection.on(listed("car-1", "Volkswagen", "49.50", 2022, Instant.now()), 0);
        }

        @Test
        void a_car_is_featured_and_unfeatured() {
            projection.on(featured("car-1", true), 1);
            assertThat(entry("car-1").featured()).isTrue();

            projection.on(featured("car-1", false), 2);
            assertThat(entry("car-1").featured()).isFalse();
        }

        @Test
        void featuring_delivered_twice_is_applied_once() {
            projection.on(featured("car-1", true), 1);
            projection.on(featured("car-1", true), 1);

            assertThat(entry("car-1").featured()).isTrue();
            assertThat(entry("car-1").version()).isEqualTo(1);
        }

        @Test
        void featuring_redelivered_after_unfeaturing_does_not_feature_again() {
            projection.on(featured("car-1", true), 1);
            projection.on(featured("car-1", false), 2);

            projection.on(featured("car-1", true), 1);

            assertThat(entry("car-1").featured()).isFalse();
        }

        @Test
        void withdrawing_ends_featuring_as_in_the_aggregate() {
            projection.on(featured("car-1", true), 1);

            projection.on(new CarWithdrawn("car-1"), 2);
            projection.on(new CarRelisted("car-1"), 3);

            assertThat(entry("car-1").featured()).isFalse();
        }
    }

    @Nested
    class Booked {

        @BeforeEach
        void aListedCar() {
            projection.on(listed("car-1", "Volkswagen", "49.50", 2022, Instant.now()), 0);
        }

        @Test
        void a_booking_adds_its_dates_and_status_to_the_car() {
            projection.on(booked("car-1", "b-1", 0, 3), 1);

            assertThat(entry("car-1").bookedPeriods()).containsExactly(
                    new BookedPeriod("b-1", "2030-03-01", "2030-03-04", BookingStatus.CONFIRMED));
            assertThat(entry("car-1").version()).isEqualTo(1);
        }

        @Test
        void a_booking_awaiting_approval_holds_its_dates_as_pending() {
            projection.on(bookedPendingApproval("car-1", "b-1", 0, 3), 1);

            assertThat(entry("car-1").bookedPeriods()).containsExactly(
                    new BookedPeriod("b-1", "2030-03-01", "2030-03-04", BookingStatus.PENDING_APPROVAL));
        }

        @Test
        void a_booking_delivered_twice_is_recorded_once() {
            projection.on(booked("car-1", "b-1", 0, 3), 1);
            projection.on(booked("car-1", "b-1", 0, 3), 1);

            assertThat(entry("car-1").bookedPeriods()).hasSize(1);
        }

        @Test
        void a_cancellation_frees_the_dates() {
            projection.on(booked("car-1", "b-1", 0, 3), 1);
            projection.on(booked("car-1", "b-2", 5, 7), 2);

            projection.on(cancelled("car-1", "b-1", 0, 3), 3);

            assertThat(entry("car-1").bookedPeriods()).extracting(BookedPeriod::bookingId).containsExactly("b-2");
        }

        @Test
        void a_booking_redelivered_after_its_cancellation_does_not_come_back() {
            projection.on(booked("car-1", "b-1", 0, 3), 1);
            projection.on(cancelled("car-1", "b-1", 0, 3), 2);

            projection.on(booked("car-1", "b-1", 0, 3), 1);

            assertThat(entry("car-1").bookedPeriods()).isEmpty();
            assertThat(entry("car-1").version()).isEqualTo(2);
        }

        @Test
        void an_approval_confirms_the_pending_booking_only() {
            projection.on(bookedPendingApproval("car-1", "b-1", 0, 3), 1);
            projection.on(bookedPendingApproval("car-1", "b-2", 5, 7), 2);

            projection.on(approved("car-1", "b-1", 0, 3), 3);

            assertThat(entry("car-1").bookedPeriods()).containsExactly(
                    new BookedPeriod("b-1", "2030-03-01", "2030-03-04", BookingStatus.CONFIRMED),
                    new BookedPeriod("b-2", "2030-03-06", "2030-03-08", BookingStatus.PENDING_APPROVAL));
        }

        @Test
        void an_approval_delivered_twice_is_applied_once() {
            projection.on(bookedPendingApproval("car-1", "b-1", 0, 3), 1);
            projection.on(approved("car-1", "b-1", 0, 3), 2);
            Document before = rawEntry("car-1");

            projection.on(approved("car-1", "b-1", 0, 3), 2);

            assertThat(rawEntry("car-1")).isEqualTo(before);
        }

        @Test
        void an_approval_redelivered_after_the_cancellation_does_not_bring_the_booking_back() {
            projection.on(bookedPendingApproval("car-1", "b-1", 0, 3), 1);
            projection.on(approved("car-1", "b-1", 0, 3), 2);
            projection.on(cancelled("car-1", "b-1", 0, 3), 3);

            projection.on(approved("car-1", "b-1", 0, 3), 2);

            assertThat(entry("car-1").bookedPeriods()).isEmpty();
        }

        @Test
        void a_rejection_frees_the_dates_also_when_delivered_again() {
            projection.on(bookedPendingApproval("car-1", "b-1", 0, 3), 1);

            projection.on(rejected("car-1", "b-1", 0, 3), 2);
            projection.on(rejected("car-1", "b-1", 0, 3), 2);

            assertThat(entry("car-1").bookedPeriods()).isEmpty();
            assertThat(entry("car-1").version()).isEqualTo(2);
        }

        @Test
        void a_pending_booking_redelivered_after_its_rejection_does_not_come_back() {
            projection.on(bookedPendingApproval("car-1", "b-1", 0, 3), 1);
            projection.on(rejected("car-1", "b-1", 0, 3), 2);

            projection.on(bookedPendingApproval("car-1", "b-1", 0, 3), 1);

            assertThat(entry("car-1").bookedPeriods()).isEmpty();
        }

        @Test
        void an_expired_approval_frees_the_dates_also_when_delivered_again() {
            projection.on(bookedPendingApproval("car-1", "b-1", 0, 3), 1);
            projection.on(booked("car-1", "b-2", 5, 7), 2);

            projection.on(approvalExpired("car-1", "b-1", 0, 3), 3);
            projection.on(approvalExpired("car-1", "b-1", 0, 3), 3);

            assertThat(entry("car-1").bookedPeriods()).extracting(BookedPeriod::bookingId).containsExactly("b-2");
        }

        @Test
        void a_reschedule_replaces_the_dates_and_status_of_that_booking() {
            projection.on(booked("car-1", "b-1", 0, 3), 1);
            projection.on(booked("car-1", "b-2", 5, 7), 2);

            projection.on(rescheduled("car-1", "b-1", period(0, 3), period(10, 12), BookingStatus.PENDING_APPROVAL),
                    3);

            assertThat(entry("car-1").bookedPeriods()).containsExactly(
                    new BookedPeriod("b-1", "2030-03-11", "2030-03-13", BookingStatus.PENDING_APPROVAL),
                    new BookedPeriod("b-2", "2030-03-06", "2030-03-08", BookingStatus.CONFIRMED));
        }

        @Test
        void a_reschedule_delivered_twice_is_applied_once() {
            projection.on(booked("car-1", "b-1", 0, 3), 1);
            projection.on(rescheduled("car-1", "b-1", period(0, 3), period(10, 12), BookingStatus.CONFIRMED), 2);
            Document before = rawEntry("car-1");

            projection.on(rescheduled("car-1", "b-1", period(0, 3), period(10, 12), BookingStatus.CONFIRMED), 2);

            assertThat(rawEntry("car-1")).isEqualTo(before);
        }

        @Test
        void an_older_reschedule_redelivered_after_a_newer_one_does_not_move_the_booking_back() {
            projection.on(booked("car-1", "b-1", 0, 3), 1);
            projection.on(rescheduled("car-1", "b-1", period(0, 3), period(10, 12), BookingStatus.CONFIRMED), 2);
            projection.on(rescheduled("car-1", "b-1", period(10, 12), period(20, 21), BookingStatus.CONFIRMED), 3);

            projection.on(rescheduled("car-1", "b-1", period(0, 3), period(10, 12), BookingStatus.CONFIRMED), 2);

            assertThat(entry("car-1").bookedPeriods()).containsExactly(
                    new BookedPeriod("b-1", "2030-03-21", "2030-03-22", BookingStatus.CONFIRMED));
        }
    }

    @Nested
    class ReservedSoldWithdrawn {

        @BeforeEach
        void aListedCar() {
            projection.on(listed("car-1", "Volkswagen", "49.50", 2022, Instant.now()), 0);
        }

        @Test
        void a_purchase_reservation_reserves_the_car_until_its_handover() {
            projection.on(purchaseReserved("car-1", "r-1", 14), 1);

            assertThat(entry("car-1").status()).isEqualTo(CarStatus.RESERVED);
            assertThat(entry("car-1").handoverDate()).isEqualTo("2030-03-15");
        }

        @Test
        void a_cancelled_reservation_puts_the_car_back_on_the_market() {
            projection.on(purchaseReserved("car-1", "r-1", 14), 1);

            projection.on(purchaseCancelled("car-1", "r-1"), 2);

            assertThat(entry("car-1").status()).isEqualTo(CarStatus.LISTED);
            assertThat(entry("car-1").handoverDate()).isNull();
        }

        @Test
        void an_expired_reservation_puts_the_car_back_on_the_market() {
            projection.on(purchaseReserved("car-1", "r-1", 14), 1);

            projection.on(purchaseExpired("car-1", "r-1"), 2);
            projection.on(purchaseExpired("car-1", "r-1"), 2);

            assertThat(entry("car-1").status()).isEqualTo(CarStatus.LISTED);
            assertThat(entry("car-1").handoverDate()).isNull();
            assertThat(entry("car-1").version()).isEqualTo(2);
        }

        @Test
        void a_reservation_redelivered_after_its_cancellation_does_not_reserve_the_car_again() {
            projection.on(purchaseReserved("car-1", "r-1", 14), 1);
            projection.on(purchaseCancelled("car-1", "r-1"), 2);

            projection.on(purchaseReserved("car-1", "r-1", 14), 1);

            assertThat(entry("car-1").status()).isEqualTo(CarStatus.LISTED);
        }

        @Test
        void a_sold_car_is_sold_for_good_and_no_longer_featured() {
            projection.on(featured("car-1", true), 1);
            projection.on(purchaseReserved("car-1", "r-1", 14), 2);
            projection.on(sold("car-1", "r-1"), 3);
            projection.on(sold("car-1", "r-1"), 3);

            projection.on(purchaseCancelled("car-1", "r-1"), 2);

            CarSearchEntry entry = entry("car-1");
            assertThat(entry.status()).isEqualTo(CarStatus.SOLD);
            assertThat(entry.featured()).isFalse();
            assertThat(entry.handoverDate()).isNull();
            assertThat(entry.version()).isEqualTo(3);
        }

        @Test
        void a_withdrawn_car_is_marked_withdrawn_and_a_relisted_one_listed_again() {
            projection.on(new CarWithdrawn("car-1"), 1);
            assertThat(entry("car-1").status()).isEqualTo(CarStatus.WITHDRAWN);

            projection.on(new CarRelisted("car-1"), 2);
            assertThat(entry("car-1").status()).isEqualTo(CarStatus.LISTED);
        }

        @Test
        void a_withdrawal_redelivered_after_the_relisting_does_not_withdraw_the_car_again() {
            projection.on(new CarWithdrawn("car-1"), 1);
            projection.on(new CarRelisted("car-1"), 2);

            projection.on(new CarWithdrawn("car-1"), 1);

            assertThat(entry("car-1").status()).isEqualTo(CarStatus.LISTED);
        }
    }

    @Nested
    class SearchKeys {

        @Test
        void a_listed_car_gets_the_search_keys_of_its_entry() {
            projection.on(listing("car-1").make("Citroën").city("Düsseldorf", "Europe/Berlin").event(), 0);

            assertThat(keys("car-1")).isEqualTo(CarSearchKeys.of(entry("car-1")));
            assertThat(keys("car-1").makeKey()).isEqualTo("citroen");
            assertThat(keys("car-1").cityKey()).isEqualTo("dusseldorf");
            assertThat(rawKeys("car-1").get("dailyRate")).as("prices stay Decimal128").isInstanceOf(Decimal128.class);
        }

        @Test
        void listing_changes_and_featuring_renew_the_keys_and_a_reserved_car_keeps_them() {
            projection.on(listing("car-1").make("Volkswagen").event(), 0);
            projection.on(listingChanged("car-1", changes().make("BMW").dailyRate("60.00").build()), 1);
            projection.on(featured("car-1", true), 2);
            projection.on(purchaseReserved("car-1", "r-1", 10), 3);

            CarSearchKeys reserved = keys("car-1");
            assertThat(reserved).isEqualTo(CarSearchKeys.of(entry("car-1")));
            assertThat(reserved.makeKey()).isEqualTo("bmw");
            assertThat(reserved.dailyRate()).isEqualByComparingTo("60.00");
            assertThat(reserved.featured()).isTrue();
        }

        @Test
        void a_car_leaving_the_market_loses_its_keys_and_a_relisted_one_gets_them_back() {
            projection.on(listing("car-1").event(), 0);
            projection.on(listing("car-2").event(), 0);
            projection.on(purchaseReserved("car-2", "r-1", 10), 1);

            projection.on(new CarWithdrawn("car-1"), 1);
            projection.on(sold("car-2", "r-1"), 2);

            assertThat(keys("car-1")).isNull();
            assertThat(keys("car-2")).isNull();

            projection.on(new CarRelisted("car-1"), 2);

            assertThat(keys("car-1")).isEqualTo(CarSearchKeys.of(entry("car-1")));
        }

        @Test
        void bookings_leave_the_keys_alone() {
            projection.on(listing("car-1").event(), 0);
            Document before = rawKeys("car-1");

            projection.on(booked("car-1", "b-1", 0, 3), 1);
            projection.on(cancelled("car-1", "b-1", 0, 3), 2);

            assertThat(rawKeys("car-1")).isEqualTo(before);
        }

        @Test
        void a_delivery_interrupted_after_the_keys_is_completed_when_the_event_comes_again() {
            projection.on(listing("car-1").event(), 0);
            // As if the first delivery of the withdrawal had removed the keys and stopped before the entry.
            mongoTemplate.remove(new Query(where("_id").is("car-1")), CarSearchKeys.class);

            projection.on(new CarWithdrawn("car-1"), 1);

            assertThat(entry("car-1").status()).isEqualTo(CarStatus.WITHDRAWN);
            assertThat(keys("car-1")).isNull();
        }

        @Test
        void keys_written_ahead_of_their_entry_are_written_again_with_it() {
            projection.on(listing("car-1").event(), 0);
            CarSearchKeys listed = keys("car-1");
            projection.on(new CarWithdrawn("car-1"), 1);
            // As if the first delivery of the relisting had written the keys and stopped before the entry.
            mongoTemplate.save(listed);

            projection.on(new CarRelisted("car-1"), 2);

            assertThat(entry("car-1").status()).isEqualTo(CarStatus.LISTED);
            assertThat(keys("car-1")).isEqualTo(CarSearchKeys.of(entry("car-1")));
        }

        @Test
        void a_reset_before_replay_empties_the_keys_too() {
            projection.on(listing("car-1").event(), 0);

            projection.clearBeforeReplay();

            assertThat(mongoTemplate.count(new Query(), CarSearchKeys.class)).isZero();
        }
    }

    private CarSearchEntry entry(String carId) {
        return mongoTemplate.findById(carId, CarSearchEntry.class);
    }

    private CarSearchKeys keys(String carId) {
        return mongoTemplate.findById(carId, CarSearchKeys.class);
    }

    private Document rawKeys(String carId) {
        return mongoTemplate.getCollection(CarSearchKeys.COLLECTION).find(new Document("_id", carId)).first();
    }

    private Document rawEntry(String carId) {
        return mongoTemplate.getCollection(CarSearchEntry.COLLECTION).find(new Document("_id", carId)).first();
    }
}
