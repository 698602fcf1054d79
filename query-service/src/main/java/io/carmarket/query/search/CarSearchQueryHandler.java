package io.carmarket.query.search;

import io.carmarket.api.search.CarDetails;
import io.carmarket.api.search.CarDetailsById;
import io.carmarket.api.search.CarMakes;
import io.carmarket.api.search.CarSearch;
import io.carmarket.api.search.CarSearchPage;
import io.carmarket.api.search.CarSortField;
import io.carmarket.api.search.CarSummaryList;
import io.carmarket.api.search.FeaturedCars;
import io.carmarket.api.search.MakeCount;
import io.carmarket.query.search.CarSearchEntry.Fields;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Answers the public search, the car page, the featured cars and the make counts from the {@link CarSearchEntry}
 * read model. Filters are equality matches wherever the question is one (make, body type, transmission, fuel type,
 * city), so that both MongoDB 7's indexes and the embedded server's scans answer them cheaply; see
 * {@code docs/read-models.md}.
 */
@Component
public class CarSearchQueryHandler {

    private final MongoTemplate mongoTemplate;

    public CarSearchQueryHandler(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    @QueryHandler
    public CarSearchPage search(CarSearch search) {
        CarSearchOrdering ordering = CarSearchOrdering.of(search);
        List<Criteria> filters = new ArrayList<>();
        filters.add(CarViews.isPublic());
        List<String> makeKeys = search.makes().stream().map(SearchText::key)
                .filter(key -> key != null && !key.isEmpty()).distinct().toList();
        if (!makeKeys.isEmpty()) {
            filters.add(makeKeys.size() == 1 ? where(Fields.MAKE_KEY).is(makeKeys.get(0))
                    : where(Fields.MAKE_KEY).in(makeKeys));
        }
        if (search.bodyType() != null) {
            filters.add(where(Fields.BODY_TYPE).is(search.bodyType()));
        }
        if (search.transmission() != null) {
            filters.add(where(Fields.TRANSMISSION).is(search.transmission()));
        }
        if (search.fuelType() != null) {
            filters.add(where(Fields.FUEL_TYPE).is(search.fuelType()));
        }
        String cityKey = SearchText.key(search.city());
        if (cityKey != null && !cityKey.isEmpty()) {
            filters.add(where(Fields.CITY_KEY).is(cityKey));
        }
        for (String word : SearchText.queryWords(search.q())) {
            filters.add(where(Fields.SEARCH_TOKENS).regex(SearchText.prefixPattern(word)));
        }
        if (search.minYear() != null || search.maxYear() != null) {
            Criteria year = where(Fields.YEAR);
            if (search.minYear() != null) {
                year = year.gte(search.minYear());
            }
            if (search.maxYear() != null) {
                year = year.lte(search.maxYear());
            }
            filters.add(year);
        }
        if (search.maxMileage() != null) {
            filters.add(where(Fields.MILEAGE).lte(search.maxMileage()));
        }
        String priceField = CarSearchOrdering.priceField(search.priceType());
        if (search.minPrice() != null || search.maxPrice() != null) {
            Criteria price = where(priceField);
            if (search.minPrice() != null) {
                price = price.gte(new Decimal128(search.minPrice()));
            }
            if (search.maxPrice() != null) {
                price = price.lte(new Decimal128(search.maxPrice()));
            }
            filters.add(price);
        } else if (search.sortField() == CarSortField.PRICE) {
            filters.add(where(priceField).ne(null));
        }
        if (search.cursor() != null) {
            filters.add(ordering.after(CarSearchCursor.decode(search.cursor(), ordering.key())));
        }

        Query query = Query.query(new Criteria().andOperator(filters)).with(ordering.sort()).limit(search.limit() + 1);
        List<CarSearchEntry> found = mongoTemplate.find(query, CarSearchEntry.class);
        boolean hasMore = found.size() > search.limit();
        List<CarSearchEntry> page = hasMore ? found.subList(0, search.limit()) : found;

        String nextCursor = hasMore
                ? new CarSearchCursor(ordering.key(), ordering.sortValueOf(page.get(page.size() - 1)),
                page.get(page.size() - 1).carId()).encode()
                : null;
        return new CarSearchPage(page.stream().map(entry -> CarViews.summaryOf(entry, search.availability())).toList(),
                nextCursor);
    }

    @QueryHandler
    public Optional<CarDetails> details(CarDetailsById query) {
        Query publicCar = Query.query(where(Fields.ID).is(query.carId()).andOperator(CarViews.isPublic()));
        return Optional.ofNullable(mongoTemplate.findOne(publicCar, CarSearchEntry.class)).map(CarViews::detailsOf);
    }

    /** Featured public cars, the newest listing first (ties by id, so the order never flickers). */
    @QueryHandler
    public CarSummaryList featured(FeaturedCars query) {
        Query featured = Query.query(where(Fields.FEATURED).is(true).andOperator(CarViews.isPublic()))
                .with(Sort.by(Sort.Direction.DESC, Fields.LISTED_AT, Fields.ID))
                .limit(query.limit());
        return new CarSummaryList(mongoTemplate.find(featured, CarSearchEntry.class).stream()
                .map(CarViews::summaryOf).toList());
    }

    /**
     * Public cars per make, most cars first, then by make (case-insensitively). Makes are grouped by their key, so
     * "BMW" and "bmw" are one make; the spelling shown is the first of the spellings in code-point order, which is
     * stable whatever order the cars come in.
     */
    @QueryHandler
    public List<MakeCount> makes(CarMakes query) {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(CarViews.isPublic()),
                Aggregation.group(Fields.MAKE_KEY).min(Fields.MAKE).as("make").count().as("count"),
                Aggregation.sort(Sort.by(Sort.Direction.DESC, "count").and(Sort.by(Sort.Direction.ASC, Fields.ID))));
        return mongoTemplate.aggregate(aggregation, CarSearchEntry.COLLECTION, Document.class).getMappedResults()
                .stream()
                .map(group -> new MakeCount(group.getString("make"), ((Number) group.get("count")).longValue()))
                .toList();
    }
}
