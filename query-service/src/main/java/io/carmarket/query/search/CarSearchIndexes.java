package io.carmarket.query.search;

import io.carmarket.query.search.CarSearchEntry.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The indexes of the {@link CarSearchEntry} collection, declared when the application is ready. Each follows the
 * equality, sort, range order (ESR) for the queries it serves; {@code docs/read-models.md} explains which query
 * each one is for. {@code status} is always filtered with {@code $in [LISTED, RESERVED]}: two equality values,
 * which MongoDB merges in index order, so it counts as an equality field here.
 * <p>
 * MongoDB 7 builds them; the embedded MongoDB-wire server of the standalone accepts and ignores non-unique indexes
 * (it scans, which is fast enough at its scale). A failure is logged, never fatal: the queries are correct without
 * an index, only slower.
 */
@Component
public class CarSearchIndexes {

    private static final Logger log = LoggerFactory.getLogger(CarSearchIndexes.class);

    private final MongoTemplate mongoTemplate;

    public CarSearchIndexes(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    static List<Index> definitions() {
        return List.of(
                // Newest first, with or without further residual filters: the default search.
                new Index().named("search_status_listedAt")
                        .on(Fields.STATUS, Direction.ASC).on(Fields.LISTED_AT, Direction.DESC)
                        .on(Fields.ID, Direction.DESC),
                // make=... (one or several), newest first.
                new Index().named("search_makeKey_status_listedAt")
                        .on(Fields.MAKE_KEY, Direction.ASC).on(Fields.STATUS, Direction.ASC)
                        .on(Fields.LISTED_AT, Direction.DESC).on(Fields.ID, Direction.DESC),
                // city=..., newest first.
                new Index().named("search_cityKey_status_listedAt")
                        .on(Fields.CITY_KEY, Direction.ASC).on(Fields.STATUS, Direction.ASC)
                        .on(Fields.LISTED_AT, Direction.DESC).on(Fields.ID, Direction.DESC),
                // sort=price and minPrice/maxPrice (range on the sort field), for either price type.
                new Index().named("search_status_dailyRate")
                        .on(Fields.STATUS, Direction.ASC).on(Fields.DAILY_RATE, Direction.ASC)
                        .on(Fields.ID, Direction.ASC),
                new Index().named("search_status_askingPrice")
                        .on(Fields.STATUS, Direction.ASC).on(Fields.ASKING_PRICE, Direction.ASC)
                        .on(Fields.ID, Direction.ASC),
                // sort=year and minYear/maxYear; sort=mileage and maxMileage.
                new Index().named("search_status_year")
                        .on(Fields.STATUS, Direction.ASC).on(Fields.YEAR, Direction.ASC).on(Fields.ID, Direction.ASC),
                new Index().named("search_status_mileage")
                        .on(Fields.STATUS, Direction.ASC).on(Fields.MILEAGE, Direction.ASC)
                        .on(Fields.ID, Direction.ASC),
                // q=...: a prefix range on the multikey token array, then status; results are few and sorted in memory.
                new Index().named("search_searchTokens_status")
                        .on(Fields.SEARCH_TOKENS, Direction.ASC).on(Fields.STATUS, Direction.ASC),
                // Similar cars (years upwards and downwards from the car's, ties by id) and bodyType=... by year.
                new Index().named("similar_bodyType_status_yearUp")
                        .on(Fields.BODY_TYPE, Direction.ASC).on(Fields.STATUS, Direction.ASC)
                        .on(Fields.YEAR, Direction.ASC).on(Fields.ID, Direction.ASC),
                new Index().named("similar_bodyType_status_yearDown")
                        .on(Fields.BODY_TYPE, Direction.ASC).on(Fields.STATUS, Direction.ASC)
                        .on(Fields.YEAR, Direction.DESC).on(Fields.ID, Direction.ASC),
                // Featured cars, newest first: only the few featured documents are in this index.
                new Index().named("featured_status_listedAt")
                        .on(Fields.FEATURED, Direction.ASC).on(Fields.STATUS, Direction.ASC)
                        .on(Fields.LISTED_AT, Direction.DESC).on(Fields.ID, Direction.DESC)
                        .partial(PartialIndexFilter.of(where(Fields.FEATURED).is(true))),
                // Make counts: $match on status and $group on makeKey read only this index (covered).
                new Index().named("makes_status_makeKey_make")
                        .on(Fields.STATUS, Direction.ASC).on(Fields.MAKE_KEY, Direction.ASC)
                        .on(Fields.MAKE, Direction.ASC));
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ensureIndexes() {
        IndexOperations indexes = mongoTemplate.indexOps(CarSearchEntry.class);
        for (Index index : definitions()) {
            try {
                indexes.ensureIndex(index);
            } catch (RuntimeException failure) {
                log.warn("Index {} of {} could not be created; its queries still work, more slowly: {}",
                        index.getIndexOptions().get("name"), CarSearchEntry.COLLECTION, failure.getMessage());
            }
        }
    }
}
