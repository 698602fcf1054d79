package io.carmarket.query.search;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.Transmission;
import io.carmarket.api.search.CarDetails;
import io.carmarket.api.search.CarDetailsById;
import io.carmarket.api.search.CarMakes;
import io.carmarket.api.search.CarSearch;
import io.carmarket.api.search.CarSearchPage;
import io.carmarket.api.search.CarSortField;
import io.carmarket.api.search.CarSummary;
import io.carmarket.api.search.CarSummaryList;
import io.carmarket.api.search.FeaturedCars;
import io.carmarket.api.search.MakeCount;
import io.carmarket.api.search.PriceType;
import io.carmarket.api.search.SortDirection;
import io.carmarket.query.EmbeddedMongo;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static io.carmarket.query.search.CarEvents.booked;
import static io.carmarket.query.search.CarEvents.bookedPendingApproval;
import static io.carmarket.query.search.CarEvents.featured;
import static io.carmarket.query.search.CarEvents.listed;
import static io.carmarket.query.search.CarEvents.listing;
import static io.carmarket.query.search.CarEvents.period;
import static io.carmarket.query.search.CarEvents.purchaseReserved;
import static io.carmarket.query.search.CarEvents.sold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public search's filters, order, cursor and availability flag, the car page, featured cars and make counts. */
class CarSearchQueryHandlerTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private CarSearchProjection projection;
    private CarSearchQueryHandler queries;

    @BeforeEach
    void emptyMarketplace() {
        MongoTemplate mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), CarSearchEntry.class);
        mongoTemplate.remove(new Query(), CarSearchKeys.class);
        projection = new CarSearchProjection(mongoTemplate);
        queries = new CarSearchQueryHandler(mongoTemplate);
    }

    @Nested
    class PricesOrderAndCursor {

        @BeforeEach
        void marketplace() {
            projection.on(listed("bmw-cheap", "BMW", "40.00", 2019, T0.plusSeconds(1)), 0);
            projection.on(listed("bmw-dear", "BMW", "120.00", 2023, T0.plusSeconds(2)), 0);
            projection.on(listed("vw-mid", "Volkswagen", "60.00", 2021, T0.plusSeconds(3)), 0);
            projection.on(listed("vw-sale-only", "Volkswagen", null, 2020, T0.plusSeconds(4)), 0);
            projection.on(listed("fiat", "Fiat", "60.00", 2018, T0.plusSeconds(5)), 0);
        }

        @Test
        void newest_cars_come_first_by_default() {
            assertThat(ids(queries.search(search().build()))).containsExactly(
                    "fiat", "vw-sale-only", "vw-mid", "bmw-dear", "bmw-cheap");
        }

        @Test
        void withdrawn_cars_are_neither_searched_nor_shown() {
            projection.on(new CarWithdrawn("fiat"), 1);

            assertThat(ids(queries.search(search().build()))).doesNotContain("fiat");
            assertThat(queries.details(new CarDetailsById("fiat"))).isEmpty();
        }

        @Test
        void makes_match_case_insensitively_and_any_of_several() {
            CarSearchPage page = queries.search(search().makes("bmw", "FIAT").build());
            assertThat(ids(page)).containsExactlyInAnyOrder("bmw-cheap", "bmw-dear", "fiat");
            assertThat(ids(queries.search(search().makes(" volkswagen ").build())))
                    .containsExactlyInAnyOrder("vw-mid", "vw-sale-only");
        }

        @Test
        void price_bounds_are_inclusive_and_apply_to_the_chosen_price() {
            assertThat(ids(queries.search(search().prices("40", "60").build())))
                    .containsExactlyInAnyOrder("bmw-cheap", "vw-mid", "fiat");
            assertThat(ids(queries.search(search().priceType(PriceType.ASKING_PRICE).prices("25000", "25000").build())))
                    .hasSize(5);
        }

        @Test
        void sorting_by_price_leaves_out_cars_without_that_price_and_breaks_ties_by_id() {
            CarSearchPage page = queries.search(search().sort(CarSortField.PRICE, SortDirection.ASC).build());
            assertThat(ids(page)).containsExactly("bmw-cheap", "fiat", "vw-mid", "bmw-dear");
        }

        @Test
        void sorting_by_price_within_bounds_keeps_the_bounds() {
            CarSearchPage page = queries.search(search().prices("50", "200")
                    .sort(CarSortField.PRICE, SortDirection.DESC).build());
            assertThat(ids(page)).containsExactly("bmw-dear", "vw-mid", "fiat");
        }

        @Test
        void a_cursor_walks_every_car_exactly_once_even_across_equal_sort_values() {
            assertThat(walk(search().sort(CarSortField.PRICE, SortDirection.DESC)))
                    .containsExactly("bmw-dear", "vw-mid", "fiat", "bmw-cheap");
        }

        @Test
        void a_cursor_walks_a_filtered_search_in_year_order() {
            assertThat(walk(search().makes("bmw", "volkswagen").sort(CarSortField.YEAR, SortDirection.ASC)))
                    .containsExactly("bmw-cheap", "vw-sale-only", "vw-mid", "bmw-dear");
        }

        @Test
        void a_cursor_of_another_order_is_refused() {
            CarSearchPage byPrice = queries.search(search().sort(CarSortField.PRICE, SortDirection.ASC).limit(1)
                    .build());

            assertThatThrownBy(() -> queries.search(search().sort(CarSortField.YEAR, SortDirection.ASC)
                    .cursor(byPrice.nextCursor()).build()))
                    .isInstanceOf(CarSearchCursor.InvalidCursorException.class);
        }

        @Test
        void each_item_says_whether_the_car_is_free_for_the_whole_requested_range() {
            projection.on(booked("bmw-cheap", "b-1", 2, 5), 1);

            assertThat(availability(period(0, 2))).as("ends the day the booking starts").isTrue();
            assertThat(availability(period(5, 8))).as("starts the day the booking ends").isTrue();
            assertThat(availability(period(4, 6))).as("overlaps the last night").isFalse();
            assertThat(availability(period(0, 10))).as("encloses the booking").isFalse();
            assertThat(queries.search(search().makes("bmw").build()).items())
                    .allSatisfy(item -> assertThat(item.available()).as("no range asked").isNull());
        }

        @Test
        void a_booking_awaiting_approval_makes_its_dates_unavailable_too() {
            projection.on(bookedPendingApproval("bmw-cheap", "b-1", 2, 5), 1);

            assertThat(availability(period(3, 4))).isFalse();
        }

        @Test
        void car_details_list_the_booked_periods_in_date_order() {
            projection.on(booked("fiat", "b-2", 10, 12), 1);
            projection.on(bookedPendingApproval("fiat", "b-1", 1, 3), 2);

            assertThat(queries.details(new CarDetailsById("fiat")).orElseThrow().bookedPeriods())
                    .containsExactly(period(1, 3), period(10, 12));
            assertThat(queries.details(new CarDetailsById("no-such-car"))).isEmpty();
        }

        private Boolean availability(DateRange range) {
            CarSearchPage page = queries.search(search().makes("bmw").availability(range).build());
            return page.items().stream().filter(item -> item.carId().equals("bmw-cheap")).findFirst()
                    .map(CarSummary::available).orElseThrow();
        }

        private List<String> walk(SearchBuilder builder) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                CarSearchPage page = queries.search(builder.cursor(cursor).limit(1).build());
                seen.addAll(ids(page));
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null && pages < 10);
            return seen;
        }
    }

    @Nested
    class Filters {

        @BeforeEach
        void marketplace() {
            projection.on(listing("golf").make("Volkswagen").model("Golf", "1.5 TSI Life").year(2019)
                    .bodyType(BodyType.HATCHBACK).transmission(Transmission.MANUAL).fuelType(FuelType.PETROL)
                    .mileage(60_000).city("Berlin", "Europe/Berlin").listedAt(T0.plusSeconds(1)).event(), 0);
            projection.on(listing("golf-gti").make("Volkswagen").model("Golf", "GTI").year(2022)
                    .bodyType(BodyType.HATCHBACK).transmission(Transmission.AUTOMATIC).fuelType(FuelType.PETROL)
                    .mileage(15_000).city("Hamburg", "Europe/Berlin").listedAt(T0.plusSeconds(2)).event(), 0);
            projection.on(listing("tiguan").make("Volkswagen").model("Tiguan", "2.0 TDI").year(2021)
                    .bodyType(BodyType.SUV).transmission(Transmission.AUTOMATIC).fuelType(FuelType.DIESEL)
                    .mileage(30_000).city("München", "Europe/Berlin").listedAt(T0.plusSeconds(3)).event(), 0);
            projection.on(listing("etron").make("Audi").model("Q8 e-tron", "55 quattro").year(2023)
                    .bodyType(BodyType.SUV).transmission(Transmission.AUTOMATIC).fuelType(FuelType.ELECTRIC)
                    .mileage(5_000).city("Berlin", "Europe/Berlin").listedAt(T0.plusSeconds(4)).event(), 0);
            projection.on(listing("c4").make("Citroën").model("C4", null).year(2020)
                    .bodyType(BodyType.HATCHBACK).transmission(Transmission.MANUAL).fuelType(FuelType.DIESEL)
                    .mileage(45_000).city("Köln", "Europe/Berlin").listedAt(T0.plusSeconds(5)).event(), 0);
        }

        @Test
        void years_are_bounded_inclusively_on_either_side_or_both() {
            assertThat(ids(queries.search(search().years(2021, null).build())))
                    .containsExactlyInAnyOrder("golf-gti", "tiguan", "etron");
            assertThat(ids(queries.search(search().years(null, 2020).build())))
                    .containsExactlyInAnyOrder("golf", "c4");
            assertThat(ids(queries.search(search().years(2020, 2021).build())))
                    .containsExactlyInAnyOrder("tiguan", "c4");
        }

        @Test
        void body_type_transmission_and_fuel_type_are_exact_matches() {
            assertThat(ids(queries.search(search().bodyType(BodyType.SUV).build())))
                    .containsExactlyInAnyOrder("tiguan", "etron");
            assertThat(ids(queries.search(search().transmission(Transmission.MANUAL).build())))
                    .containsExactlyInAnyOrder("golf", "c4");
            assertThat(ids(queries.search(search().fuelType(FuelType.DIESEL).build())))
                    .containsExactlyInAnyOrder("tiguan", "c4");
            assertThat(ids(queries.search(search().bodyType(BodyType.HATCHBACK).fuelType(FuelType.DIESEL).build())))
                    .containsExactly("c4");
        }

        @Test
        void mileage_is_bounded_inclusively_from_above() {
            assertThat(ids(queries.search(search().maxMileage(30_000).build())))
                    .containsExactlyInAnyOrder("golf-gti", "tiguan", "etron");
        }

        @Test
        void the_city_matches_whole_ignoring_case_accents_and_spaces() {
            assertThat(ids(queries.search(search().city("berlin").build())))
                    .containsExactlyInAnyOrder("golf", "etron");
            assertThat(ids(queries.search(search().city("  MUNCHEN ").build()))).containsExactly("tiguan");
            assertThat(ids(queries.search(search().city("Berl").build()))).as("no substring match").isEmpty();
        }

        @Test
        void a_make_matches_ignoring_accents() {
            assertThat(ids(queries.search(search().makes("citroen").build()))).containsExactly("c4");
        }

        @Test
        void every_word_of_the_text_must_start_a_word_of_make_model_or_variant() {
            assertThat(ids(queries.search(search().q("golf").build()))).containsExactlyInAnyOrder("golf", "golf-gti");
            assertThat(ids(queries.search(search().q("golf tsi").build()))).containsExactly("golf");
            assertThat(ids(queries.search(search().q("GOL ts").build()))).as("prefixes, any case")
                    .containsExactly("golf");
            assertThat(ids(queries.search(search().q("vw golf").build()))).as("every word must match").isEmpty();
            assertThat(ids(queries.search(search().q("olf").build()))).as("not inside a word").isEmpty();
            assertThat(ids(queries.search(search().q("volkswagen 2.0").build()))).containsExactly("tiguan");
        }

        @Test
        void the_text_finds_words_with_punctuation_and_accents_either_way() {
            assertThat(ids(queries.search(search().q("e-tron").build()))).containsExactly("etron");
            assertThat(ids(queries.search(search().q("etron").build()))).containsExactly("etron");
            assertThat(ids(queries.search(search().q("citroën c4").build()))).containsExactly("c4");
            assertThat(ids(queries.search(search().q("CITROEN").build()))).containsExactly("c4");
        }

        @Test
        void filters_combine_with_and() {
            CarSearchPage page = queries.search(search().q("volkswagen").transmission(Transmission.AUTOMATIC)
                    .years(2020, null).maxMileage(20_000).city("hamburg").build());
            assertThat(ids(page)).containsExactly("golf-gti");
        }

        @Test
        void a_reserved_car_is_still_searched_but_a_sold_one_is_not() {
            projection.on(purchaseReserved("golf", "r-1", 10), 1);
            projection.on(purchaseReserved("golf-gti", "r-2", 10), 1);
            projection.on(sold("golf-gti", "r-2"), 2);

            assertThat(ids(queries.search(search().q("golf").build()))).containsExactly("golf");
            assertThat(queries.details(new CarDetailsById("golf-gti"))).isEmpty();
            CarDetails reserved = queries.details(new CarDetailsById("golf")).orElseThrow();
            assertThat(reserved.handoverDate()).isEqualTo(LocalDate.of(2030, 3, 11));
            assertThat(reserved.timeZone()).isEqualTo("Europe/Berlin");
        }
    }

    @Nested
    class DocumentsOfAnEarlierVersion {

        @Test
        void stay_readable_without_the_fields_added_later() {
            mongo.template().getCollection(CarSearchEntry.COLLECTION).insertOne(new Document("_id", "old")
                    .append("version", 3L).append("status", "LISTED").append("make", "Fiat").append("makeKey", "fiat")
                    .append("model", "Panda").append("year", 2019).append("bodyType", "HATCHBACK")
                    .append("transmission", "MANUAL").append("fuelType", "PETROL").append("mileage", 1000)
                    .append("seats", 4).append("city", "Berlin").append("dailyRate", new Decimal128(new BigDecimal("30")))
                    .append("currency", "EUR").append("maxBookingDays", 30)
                    .append("listedAt", Date.from(T0)).append("bookedPeriods", List.of(new Document("bookingId", "b-1")
                            .append("start", "2030-03-02").append("end", "2030-03-04"))));
            // It has no search keys yet: the first start of this version adds them.
            new CarSearchKeysBackfill(mongo.template()).fillMissingKeys();

            CarSummary item = queries.search(search().makes("fiat").availability(period(1, 2)).build()).items().get(0);
            assertThat(item.featured()).isFalse();
            assertThat(item.available()).isFalse();
            CarDetails details = queries.details(new CarDetailsById("old")).orElseThrow();
            assertThat(details.timeZone()).isNull();
            assertThat(details.bookedPeriods()).containsExactly(period(1, 3));
        }
    }

    @Nested
    class FeaturedAndMakes {

        @Test
        void featured_cars_are_public_featured_cars_newest_first() {
            projection.on(listed("old", "BMW", "40.00", 2019, T0.plusSeconds(1)), 0);
            projection.on(listed("new", "BMW", "40.00", 2019, T0.plusSeconds(3)), 0);
            projection.on(listed("middle", "Fiat", "40.00", 2019, T0.plusSeconds(2)), 0);
            projection.on(listed("plain", "Fiat", "40.00", 2019, T0.plusSeconds(4)), 0);
            projection.on(listed("withdrawn", "Fiat", "40.00", 2019, T0.plusSeconds(5)), 0);
            projection.on(listed("sold", "Fiat", "40.00", 2019, T0.plusSeconds(6)), 0);
            for (String carId : List.of("old", "new", "middle", "withdrawn", "sold")) {
                projection.on(featured(carId, true), 1);
            }
            projection.on(new CarWithdrawn("withdrawn"), 2);
            projection.on(purchaseReserved("sold", "r-1", 3), 2);
            projection.on(sold("sold", "r-1"), 3);
            projection.on(purchaseReserved("middle", "r-2", 3), 2);

            CarSummaryList featured = queries.featured(new FeaturedCars(12));

            assertThat(featured.items()).extracting(CarSummary::carId).containsExactly("new", "middle", "old");
            assertThat(featured.items()).allSatisfy(item -> assertThat(item.featured()).isTrue());
            assertThat(queries.featured(new FeaturedCars(2)).items()).extracting(CarSummary::carId)
                    .containsExactly("new", "middle");
        }

        @Test
        void makes_are_counted_over_public_cars_most_first_then_by_name() {
            projection.on(listed("bmw-1", "BMW", "40.00", 2019, T0), 0);
            projection.on(listed("bmw-2", "bmw", "40.00", 2019, T0), 0);
            projection.on(listed("fiat-1", "Fiat", "40.00", 2019, T0), 0);
            projection.on(listed("audi-1", "Audi", "40.00", 2019, T0), 0);
            projection.on(listed("audi-2", "Audi", "40.00", 2019, T0), 0);
            projection.on(listed("audi-3", "Audi", "40.00", 2019, T0), 0);
            projection.on(listed("alfa-1", "Alfa Romeo", "40.00", 2019, T0), 0);
            projection.on(listed("skoda-1", "Škoda", "40.00", 2019, T0), 0);
            projection.on(new CarWithdrawn("audi-3"), 1);
            projection.on(listed("kia-1", "Kia", "40.00", 2019, T0), 0);
            projection.on(new CarWithdrawn("kia-1"), 1);

            assertThat(queries.makes(new CarMakes())).containsExactly(
                    new MakeCount("Audi", 2), new MakeCount("BMW", 2), new MakeCount("Alfa Romeo", 1),
                    new MakeCount("Fiat", 1), new MakeCount("Škoda", 1));
        }

        @Test
        void no_public_cars_means_no_makes() {
            assertThat(queries.makes(new CarMakes())).isEmpty();
            assertThat(queries.featured(new FeaturedCars(12)).items()).isEmpty();
        }
    }

    private static List<String> ids(CarSearchPage page) {
        return page.items().stream().map(CarSummary::carId).toList();
    }

    private static SearchBuilder search() {
        return new SearchBuilder();
    }

    private static final class SearchBuilder {
        private List<String> makes = List.of();
        private PriceType priceType = PriceType.DAILY_RATE;
        private BigDecimal minPrice;
        private BigDecimal maxPrice;
        private Integer minYear;
        private Integer maxYear;
        private BodyType bodyType;
        private Transmission transmission;
        private FuelType fuelType;
        private Integer maxMileage;
        private String city;
        private String q;
        private DateRange availability;
        private CarSortField sortField = CarSortField.CREATED_AT;
        private SortDirection direction = SortDirection.DESC;
        private String cursor;
        private int limit = 20;

        SearchBuilder makes(String... makes) {
            this.makes = List.of(makes);
            return this;
        }

        SearchBuilder priceType(PriceType priceType) {
            this.priceType = priceType;
            return this;
        }

        SearchBuilder prices(String min, String max) {
            this.minPrice = new BigDecimal(min);
            this.maxPrice = new BigDecimal(max);
            return this;
        }

        SearchBuilder years(Integer min, Integer max) {
            this.minYear = min;
            this.maxYear = max;
            return this;
        }

        SearchBuilder bodyType(BodyType bodyType) {
            this.bodyType = bodyType;
            return this;
        }

        SearchBuilder transmission(Transmission transmission) {
            this.transmission = transmission;
            return this;
        }

        SearchBuilder fuelType(FuelType fuelType) {
            this.fuelType = fuelType;
            return this;
        }

        SearchBuilder maxMileage(int maxMileage) {
            this.maxMileage = maxMileage;
            return this;
        }

        SearchBuilder city(String city) {
            this.city = city;
            return this;
        }

        SearchBuilder q(String q) {
            this.q = q;
            return this;
        }

        SearchBuilder availability(DateRange availability) {
            this.availability = availability;
            return this;
        }

        SearchBuilder sort(CarSortField field, SortDirection direction) {
            this.sortField = field;
            this.direction = direction;
            return this;
        }

        SearchBuilder cursor(String cursor) {
            this.cursor = cursor;
            return this;
        }

        SearchBuilder limit(int limit) {
            this.limit = limit;
            return this;
        }

        CarSearch build() {
            return new CarSearch(makes, priceType, minPrice, maxPrice, minYear, maxYear, bodyType, transmission,
                    fuelType, maxMileage, city, q, availability, sortField, direction, cursor, limit);
        }
    }
}
