package io.carmarket.query.search;

import io.carmarket.api.search.CarSummaryList;
import io.carmarket.api.search.SimilarCars;
import io.carmarket.query.search.CarSearchEntry.Fields;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Cars like a given one, by a fixed rule so that the answer is the same every time:
 * <ol>
 *     <li>candidates are the other public cars with the same body type whose price of the car's own kind (daily
 *     rate if the car has one, else asking price) lies within ±25% of the car's price, bounds included;</li>
 *     <li>cars of the same make come before cars of other makes;</li>
 *     <li>within each, the nearest model year comes first; of two years equally near, the newer one;</li>
 *     <li>cars of the same year are ordered by car id.</li>
 * </ol>
 * Each of the two groups is read from the {@link CarSearchKeys} with two bounded, index-ordered queries (years from
 * the car's year upwards and years below it), so no more than {@code limit} cars per query are ever read, whatever
 * the market's size; then the entries of the chosen cars are read by id.
 */
@Component
public class SimilarCarsQueryHandler {

    private static final BigDecimal LOWER_FACTOR = BigDecimal.valueOf(100 - SimilarCars.PRICE_TOLERANCE_PERCENT, 2);
    private static final BigDecimal UPPER_FACTOR = BigDecimal.valueOf(100 + SimilarCars.PRICE_TOLERANCE_PERCENT, 2);

    private final MongoTemplate mongoTemplate;

    public SimilarCarsQueryHandler(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    /** Empty when the car is not public (unknown, withdrawn or sold). */
    @QueryHandler
    public Optional<CarSummaryList> similar(SimilarCars query) {
        Optional<CarSearchEntry> found = CarEntries.publicCar(mongoTemplate, query.carId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CarSearchEntry car = found.get();
        BigDecimal price = car.referencePrice();
        if (price == null || car.bodyType() == null) {
            return Optional.of(new CarSummaryList(List.of()));
        }
        String priceField = car.dailyRate() != null ? Fields.DAILY_RATE : Fields.ASKING_PRICE;
        Criteria candidates = new Criteria().andOperator(
                where(Fields.BODY_TYPE).is(car.bodyType()),
                where(Fields.ID).ne(car.carId()),
                where(priceField).gte(new Decimal128(price.multiply(LOWER_FACTOR)))
                        .lte(new Decimal128(price.multiply(UPPER_FACTOR))));

        List<CarSearchKeys> similar = new ArrayList<>(
                nearestYears(where(Fields.MAKE_KEY).is(car.makeKey()), candidates, car.year(), query.limit()));
        if (similar.size() < query.limit()) {
            similar.addAll(nearestYears(where(Fields.MAKE_KEY).ne(car.makeKey()), candidates, car.year(),
                    query.limit() - similar.size()));
        }
        return Optional.of(new CarSummaryList(CarEntries.inOrderOf(mongoTemplate, similar).stream()
                .map(CarViews::summaryOf).toList()));
    }

    /** The {@code limit} candidates nearest to {@code year}: newer or equal years first on a tie of distance. */
    private List<CarSearchKeys> nearestYears(Criteria group, Criteria candidates, int year, int limit) {
        List<CarSearchKeys> sameOrNewer = mongoTemplate.find(Query.query(new Criteria().andOperator(
                        candidates, group, where(Fields.YEAR).gte(year)))
                .with(Sort.by(Sort.Direction.ASC, Fields.YEAR, Fields.ID)).limit(limit), CarSearchKeys.class);
        List<CarSearchKeys> older = mongoTemplate.find(Query.query(new Criteria().andOperator(
                        candidates, group, where(Fields.YEAR).lt(year)))
                .with(Sort.by(Sort.Direction.DESC, Fields.YEAR).and(Sort.by(Sort.Direction.ASC, Fields.ID)))
                .limit(limit), CarSearchKeys.class);
        List<CarSearchKeys> nearest = new ArrayList<>(limit);
        int newer = 0;
        int old = 0;
        while (nearest.size() < limit && (newer < sameOrNewer.size() || old < older.size())) {
            boolean takeNewer = old >= older.size() || (newer < sameOrNewer.size()
                    && sameOrNewer.get(newer).year() - year <= year - older.get(old).year());
            nearest.add(takeNewer ? sameOrNewer.get(newer++) : older.get(old++));
        }
        return nearest;
    }
}
