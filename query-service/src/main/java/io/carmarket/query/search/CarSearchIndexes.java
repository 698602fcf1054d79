package io.carmarket.query.search;

import io.carmarket.query.common.ProjectedReadModel;
import io.carmarket.query.common.QueryIndexes;
import io.carmarket.query.common.VersionGuard;
import io.carmarket.query.search.CarSearchEntry.Fields;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The indexes of the {@link CarSearchKeys} collection, which every car list queries, declared when the application
 * is ready. Each follows the equality, sort, range order (ESR) for the queries it serves; {@code docs/read-models.md}
 * explains which query each one is for. The collection holds public cars only, so no index needs the status. The
 * car page and the lists' second step read {@link CarSearchEntry} documents by {@code _id} only, which needs no
 * index of its own. The make counts read the whole (small) collection.
 * <p>
 * MongoDB 7 builds them; the embedded MongoDB-wire server of the standalone accepts and ignores non-unique indexes
 * (it scans, which is why the keys documents are kept small). A failure is logged, never fatal: the queries are
 * correct without an index, only slower.
 */
@Component
public class CarSearchIndexes implements ProjectedReadModel {


    private final MongoTemplate mongoTemplate;

    public CarSearchIndexes(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    static List<Index> definitions() {
        return List.of(
                // Newest first, with or without further residual filters: the default search.
                new Index().named("search_listedAt")
                        .on(Fields.LISTED_AT, Direction.DESC).on(Fields.ID, Direction.DESC),
                // make=... (one or several), newest first.
                new Index().named("search_makeKey_listedAt")
                        .on(Fields.MAKE_KEY, Direction.ASC).on(Fields.LISTED_AT, Direction.DESC)
                        .on(Fields.ID, Direction.DESC),
                // city=..., newest first.
                new Index().named("search_cityKey_listedAt")
                        .on(Fields.CITY_KEY, Direction.ASC).on(Fields.LISTED_AT, Direction.DESC)
                        .on(Fields.ID, Direction.DESC),
                // make=... or city=... by daily rate (the rental search's "cheapest first"), with bounds on it.
                new Index().named("search_makeKey_dailyRate")
                        .on(Fields.MAKE_KEY, Direction.ASC).on(Fields.DAILY_RATE, Direction.ASC)
                        .on(Fields.ID, Direction.ASC),
                new Index().named("search_cityKey_dailyRate")
                        .on(Fields.CITY_KEY, Direction.ASC).on(Fields.DAILY_RATE, Direction.ASC)
                        .on(Fields.ID, Direction.ASC),
                // sort=price and minPrice/maxPrice (range on the sort field), for either price type.
                new Index().named("search_dailyRate")
                        .on(Fields.DAILY_RATE, Direction.ASC).on(Fields.ID, Direction.ASC),
                new Index().named("search_askingPrice")
                        .on(Fields.ASKING_PRICE, Direction.ASC).on(Fields.ID, Direction.ASC),
                // sort=year and minYear/maxYear; sort=mileage and maxMileage.
                new Index().named("search_year")
                        .on(Fields.YEAR, Direction.ASC).on(Fields.ID, Direction.ASC),
                new Index().named("search_mileage")
                        .on(Fields.MILEAGE, Direction.ASC).on(Fields.ID, Direction.ASC),
                // q=...: a prefix range on the multikey token array; the few hits are sorted in memory.
                new Index().named("search_searchTokens")
                        .on(Fields.SEARCH_TOKENS, Direction.ASC),
                // Similar cars (years upwards and downwards from the car's, ties by id) and bodyType=... by year.
                new Index().named("similar_bodyType_yearUp")
                        .on(Fields.BODY_TYPE, Direction.ASC).on(Fields.YEAR, Direction.ASC)
                        .on(Fields.ID, Direction.ASC),
                new Index().named("similar_bodyType_yearDown")
                        .on(Fields.BODY_TYPE, Direction.ASC).on(Fields.YEAR, Direction.DESC)
                        .on(Fields.ID, Direction.ASC),
                // Featured cars, newest first: only the few featured documents are in this index.
                new Index().named("featured_listedAt")
                        .on(Fields.FEATURED, Direction.ASC).on(Fields.LISTED_AT, Direction.DESC)
                        .on(Fields.ID, Direction.DESC)
                        .partial(PartialIndexFilter.of(where(Fields.FEATURED).is(true))));
    }

    @Override
    public String processingGroup() {
        return CarSearchProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> rebuiltCollections() {
        return List.of(CarSearchEntry.COLLECTION, CarSearchKeys.COLLECTION);
    }

    @Override
    @EventListener(ApplicationReadyEvent.class)
    public void ensureIndexes() {
        QueryIndexes.ensure(mongoTemplate, CarSearchKeys.COLLECTION, definitions());
        new VersionGuard(mongoTemplate, CarSearchEntry.class).ensureIndex();
    }
}
