package io.carmarket.query.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.stream.Stream;

/**
 * Gives every public car entry its {@link CarSearchKeys} when some are missing at start: a read model written before
 * the keys existed is searchable again without a replay. Missing keys are inserted only: keys the projection writes
 * meanwhile are newer and win. Counting the public entries reads the whole entry collection once, at start.
 */
@Component
public class CarSearchKeysBackfill {

    private static final Logger log = LoggerFactory.getLogger(CarSearchKeysBackfill.class);

    private final MongoTemplate mongoTemplate;

    public CarSearchKeysBackfill(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void fillMissingKeys() {
        Query publicCars = Query.query(CarViews.isPublic());
        long publicEntries = mongoTemplate.count(publicCars, CarSearchEntry.class);
        if (mongoTemplate.estimatedCount(CarSearchKeys.class) >= publicEntries) {
            return;
        }
        int added = 0;
        try (Stream<CarSearchEntry> cars = mongoTemplate.stream(publicCars, CarSearchEntry.class)) {
            for (CarSearchEntry car : (Iterable<CarSearchEntry>) cars::iterator) {
                try {
                    mongoTemplate.insert(CarSearchKeys.of(car));
                    added++;
                } catch (DuplicateKeyException alreadyThere) {
                    // written by the projection, from a newer state of the car
                }
            }
        }
        log.info("Added the missing search keys of {} cars", added);
    }
}
