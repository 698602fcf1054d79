package io.carmarket.query.search;

import io.carmarket.query.search.CarSearchEntry.Fields;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads car entries by id only: a query on {@code _id} alone is the one the embedded MongoDB-wire server answers
 * from an index (any further condition makes it read the whole collection), and MongoDB 7 answers it from the
 * {@code _id} index too. Whether a car is public is then checked on the entry.
 */
final class CarEntries {

    private CarEntries() {
    }

    /** The car, if it is public (listed or reserved). */
    static Optional<CarSearchEntry> publicCar(MongoTemplate mongoTemplate, String carId) {
        return Optional.ofNullable(mongoTemplate.findById(carId, CarSearchEntry.class)).filter(CarViews::isPublic);
    }

    /**
     * The entries of the cars a list query found, in its order. A car whose entry is gone (the read model is being
     * cleared for a replay) is left out.
     */
    static List<CarSearchEntry> inOrderOf(MongoTemplate mongoTemplate, List<CarSearchKeys> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<String> ids = found.stream().map(CarSearchKeys::carId).toList();
        Map<String, CarSearchEntry> byId = mongoTemplate
                .find(Query.query(where(Fields.ID).in(ids)), CarSearchEntry.class).stream()
                .collect(Collectors.toMap(CarSearchEntry::carId, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
