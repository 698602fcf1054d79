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
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Answers the public search, the car page, the featured cars and the make counts. The lists filter and sort the
 * small {@link CarSearchKeys} documents and then read the found cars' {@link CarSearchEntry} documents by id; the
 * car page reads its entry by id. Filters are equality matches wherever the question is one (make, body type,
 * transmission, fuel type, city), so that both MongoDB 7's indexes and the embedded server's scans answer them
 * cheaply; see {@code docs/read-models.md}.
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
        Query query = new Query();
        filters(search, ordering).forEach(query::addCriteria);
        query.with(ordering.sort()).limit(search.limit() + 1);
        List<CarSearchKeys> found = mongoTemplate.find(query, CarSearchKeys.class);
        boolean hasMore = found.size() > search.limit();
        List<CarSearchKeys> page = hasMore ? found.subList(0, search.limit()) : found;

        String nextCursor = hasMore
                ? new CarSearchCursor(ordering.key(), ordering.sortValueOf(page.get(page.size() - 1)),
                page.get(page.size() - 1).carId()).encode()
                : null;
        return new CarSearchPage(CarEntries.inOrderOf(mongoTemplate, page).stream()
                .map(entry -> CarViews.summaryOf(entry, search.availability())).toList(), nextCursor);
    }

    /**
     * The search's conditions, one per field, most selective first; they become one flat query document in this
     * order. The embedded server tests every car of the collection against the fields of the query document in
     * their order and stops at the first that fails, so a make or a city (a few percent of the cars each) first
     * spares it the other tests for most cars, and the ranges come last. (An {@code $and} of one-field documents
     * would cost it a further level of matching per car.) MongoDB 7's planner does not depend on the order. No
     * condition on the status: only public cars have search keys.
     */
    private static List<Criteria> filters(CarSearch search, CarSearchOrdering ordering) {
        List<Criteria> filters = new ArrayList<>();
        List<String> makeKeys = search.makes().stream().map(SearchText::key)
                .filter(key -> key != null && !key.isEmpty()).distinct().toList();
        if (!makeKeys.isEmpty()) {
            filters.add(makeKeys.size() == 1 ? where(Fields.MAKE_KEY).is(makeKeys.get(0))
                    : where(Fields.MAKE_KEY).in(makeKeys));
        }
        String cityKey = SearchText.key(search.city());
        if (cityKey != null && !cityKey.isEmpty()) {
            filters.add(where(Fields.CITY_KEY).is(cityKey));
        }
        List<Pattern> wordPrefixes = SearchText.queryWords(search.q()).stream()
                .map(word -> Pattern.compile(SearchText.prefixPattern(word))).toList();
        if (!wordPrefixes.isEmpty()) {
            filters.add(where(Fields.SEARCH_TOKENS).all(wordPrefixes));
        }
        if (search.bodyType() != null) {
            filters.add(where(Fields.BODY_TYPE).is(search.bodyType()));
        }
        if (search.fuelType() != null) {
            filters.add(where(Fields.FUEL_TYPE).is(search.fuelType()));
        }
        if (search.transmission() != null) {
            filters.add(where(Fields.TRANSMISSION).is(search.transmission()));
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
            filters.add(ordering.after(ordering.cursorOf(search.cursor())));
        }
        return filters;
    }

    @QueryHandler
    public Optional<CarDetails> details(CarDetailsById query) {
        return CarEntries.publicCar(mongoTemplate, query.carId()).map(CarViews::detailsOf);
    }

    /** Featured public cars, the newest listing first (ties by id, so the order never flickers). */
    @QueryHandler
    public CarSummaryList featured(FeaturedCars query) {
        Query featured = Query.query(where(Fields.FEATURED).is(true))
                .with(Sort.by(Sort.Direction.DESC, Fields.LISTED_AT, Fields.ID))
                .limit(query.limit());
        List<CarSearchKeys> found = mongoTemplate.find(featured, CarSearchKeys.class);
        return new CarSummaryList(CarEntries.inOrderOf(mongoTemplate, found).stream()
                .map(CarViews::summaryOf).toList());
    }

    /**
     * Public cars (every car with search keys) per make, most cars first, then by make (case-insensitively). Makes
     * are grouped by their key, so "BMW" and "bmw" are one make; the spelling shown is the first of the spellings
     * in code-point order, which is stable whatever order the cars come in.
     */
    @QueryHandler
    public List<MakeCount> makes(CarMakes query) {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.group(Fields.MAKE_KEY).min(Fields.MAKE).as("make").count().as("count"),
                Aggregation.sort(Sort.by(Sort.Direction.DESC, "count").and(Sort.by(Sort.Direction.ASC, Fields.ID))));
        return mongoTemplate.aggregate(aggregation, CarSearchKeys.COLLECTION, Document.class).getMappedResults()
                .stream()
                .map(group -> new MakeCount(group.getString("make"), ((Number) group.get("count")).longValue()))
                .toList();
    }
}
