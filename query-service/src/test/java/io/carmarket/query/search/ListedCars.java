package io.carmarket.query.search;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Puts a listed car into the search read model, as the projection writes it, for tests of other packages. */
public final class ListedCars {

    private ListedCars() {
    }

    public static void list(MongoTemplate mongoTemplate, String carId, String make) {
        new CarSearchProjection(mongoTemplate).on(CarEvents.listing(carId).make(make).event(), 0);
    }
}
