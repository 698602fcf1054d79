package io.carmarket.query.search;

import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.search.CarDetailsById;
import io.carmarket.api.search.CarSearch;
import io.carmarket.api.search.CarSearchPage;
import io.carmarket.api.search.CarSortField;
import io.carmarket.api.search.CarSummary;
import io.carmarket.api.search.PriceType;
import io.carmarket.api.search.SortDirection;
import io.carmarket.query.EmbeddedMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.carmarket.query.search.CarEvents.booked;
import static io.carmarket.query.search.CarEvents.listed;
import static io.carmarket.query.search.CarEvents.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public search's filters, order, cursor and availability flag against the embedded MongoDB. */
class CarSearchQueryHandlerTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private CarSearchProjection projection;
    private CarSearchQueryHandler queries;

    @BeforeEach
    void marketplace() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), CarSearchEntry.class);
        projection = new CarSearchProjection(mongoTemplate);
        queries = new CarSearchQueryHandler(mongoTemplate);
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
    void a_cursor_walks_every_car_exactly_once_even_across_equal_sort_values() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            CarSearchPage page = queries.search(search().sort(CarSortField.PRICE, SortDirection.DESC)
                    .cursor(cursor).limit(1).build());
            seen.addAll(ids(page));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).containsExactly("bmw-dear", "vw-mid", "fiat", "bmw-cheap");
    }

    @Test
    void a_cursor_of_another_order_is_refused() {
        CarSearchPage byPrice = queries.search(search().sort(CarSortField.PRICE, SortDirection.ASC).limit(1).build());

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
    void car_details_list_the_booked_periods_in_date_order() {
        projection.on(booked("fiat", "b-2", 10, 12), 1);
        projection.on(booked("fiat", "b-1", 1, 3), 2);

        assertThat(queries.details(new CarDetailsById("fiat")).orElseThrow().bookedPeriods())
                .containsExactly(period(1, 3), period(10, 12));
        assertThat(queries.details(new CarDetailsById("no-such-car"))).isEmpty();
    }

    private Boolean availability(DateRange range) {
        CarSearchPage page = queries.search(search().makes("bmw").availability(range).build());
        return page.items().stream().filter(item -> item.carId().equals("bmw-cheap")).findFirst()
                .map(CarSummary::available).orElseThrow();
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
            return new CarSearch(makes, priceType, minPrice, maxPrice, availability, sortField, direction, cursor,
                    limit);
        }
    }
}
