package io.carmarket.query.search;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.search.CarSummary;
import io.carmarket.api.search.SimilarCars;
import io.carmarket.query.EmbeddedMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;

import static io.carmarket.query.search.CarEvents.listing;
import static io.carmarket.query.search.CarEvents.purchaseReserved;
import static io.carmarket.query.search.CarEvents.sold;
import static org.assertj.core.api.Assertions.assertThat;

/** Similar cars: same body type, price within ±25%, same make first, then nearest year, then id. */
class SimilarCarsQueryHandlerTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private CarSearchProjection projection;
    private SimilarCarsQueryHandler queries;

    @BeforeEach
    void emptyMarketplace() {
        MongoTemplate mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), CarSearchEntry.class);
        mongoTemplate.remove(new Query(), CarSearchKeys.class);
        projection = new CarSearchProjection(mongoTemplate);
        queries = new SimilarCarsQueryHandler(mongoTemplate);
        suv("car", "BMW", 2020, "100.00");
    }

    @Test
    void only_other_public_cars_of_the_same_body_type_within_a_quarter_of_the_price_are_similar() {
        suv("low-bound", "Audi", 2020, "75.00");
        suv("high-bound", "Audi", 2020, "125.00");
        suv("too-cheap", "Audi", 2020, "74.99");
        suv("too-dear", "Audi", 2020, "125.01");
        projection.on(listing("sedan").make("Audi").year(2020).bodyType(BodyType.SEDAN).dailyRate("100.00").event(), 0);
        projection.on(listing("sale-only").make("Audi").year(2020).bodyType(BodyType.SUV).dailyRate(null)
                .askingPrice("100.00").event(), 0);
        suv("withdrawn", "Audi", 2020, "100.00");
        projection.on(new CarWithdrawn("withdrawn"), 1);
        suv("sold", "Audi", 2020, "100.00");
        projection.on(purchaseReserved("sold", "r-1", 3), 1);
        projection.on(sold("sold", "r-1"), 2);
        suv("reserved", "Audi", 2020, "100.00");
        projection.on(purchaseReserved("reserved", "r-2", 3), 1);

        assertThat(similarTo("car", 20)).containsExactly("high-bound", "low-bound", "reserved");
    }

    @Test
    void the_same_make_comes_first_then_the_nearest_year_the_newer_on_a_tie_then_the_id() {
        suv("audi-2020", "Audi", 2020, "100.00");
        suv("bmw-2016", "BMW", 2016, "100.00");
        suv("bmw-2018", "bmw", 2018, "100.00");
        suv("bmw-2022", "BMW", 2022, "100.00");
        suv("bmw-2021-b", "BMW", 2021, "100.00");
        suv("bmw-2021-a", "BMW", 2021, "100.00");
        suv("bmw-2020", "BMW", 2020, "100.00");
        suv("audi-2019", "Audi", 2019, "100.00");
        suv("audi-2024", "Audi", 2024, "100.00");

        assertThat(similarTo("car", 20)).containsExactly(
                "bmw-2020", "bmw-2021-a", "bmw-2021-b", "bmw-2022", "bmw-2018", "bmw-2016",
                "audi-2020", "audi-2019", "audi-2024");
        assertThat(similarTo("car", 4)).containsExactly("bmw-2020", "bmw-2021-a", "bmw-2021-b", "bmw-2022");
        assertThat(similarTo("car", 7)).containsExactly(
                "bmw-2020", "bmw-2021-a", "bmw-2021-b", "bmw-2022", "bmw-2018", "bmw-2016", "audi-2020");
    }

    @Test
    void a_car_offered_for_sale_only_is_compared_by_asking_price() {
        projection.on(listing("sale").make("BMW").year(2020).bodyType(BodyType.SUV).dailyRate(null)
                .askingPrice("20000.00").event(), 0);
        projection.on(listing("sale-near").make("BMW").year(2020).bodyType(BodyType.SUV).dailyRate(null)
                .askingPrice("24000.00").event(), 0);
        projection.on(listing("sale-far").make("BMW").year(2020).bodyType(BodyType.SUV).dailyRate(null)
                .askingPrice("26000.00").event(), 0);

        assertThat(similarTo("sale", 20)).containsExactly("sale-near");
    }

    @Test
    void a_car_that_is_not_public_has_no_similar_cars_to_show() {
        suv("other", "BMW", 2020, "100.00");
        projection.on(new CarWithdrawn("car"), 1);

        assertThat(queries.similar(new SimilarCars("car", 6))).isEmpty();
        assertThat(queries.similar(new SimilarCars("no-such-car", 6))).isEmpty();
    }

    @Test
    void a_car_without_neighbours_has_an_empty_list() {
        assertThat(similarTo("car", 6)).isEmpty();
    }

    private void suv(String carId, String make, int year, String dailyRate) {
        projection.on(listing(carId).make(make).year(year).bodyType(BodyType.SUV).dailyRate(dailyRate)
                .askingPrice("30000.00").event(), 0);
    }

    private List<String> similarTo(String carId, int limit) {
        return queries.similar(new SimilarCars(carId, limit)).orElseThrow().items().stream()
                .map(CarSummary::carId).toList();
    }
}
