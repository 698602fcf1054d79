package io.carmarket.query.favorite;

import io.carmarket.api.favorites.FavoriteView;
import io.carmarket.query.favorite.FavoriteEntry.FavoriteCar;
import io.carmarket.query.favorite.FavoriteEntry.Fields;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Adds and removes favourites. Both are idempotent: adding a favourite twice keeps one (with its first
 * {@code addedAt}), removing one that is not there is no error.
 */
@Component
public class Favorites {

    private final MongoTemplate mongoTemplate;
    private final PublicCars publicCars;
    private final Clock clock;

    @Autowired
    public Favorites(MongoTemplate mongoTemplate) {
        this(mongoTemplate, Clock.systemUTC());
    }

    Favorites(MongoTemplate mongoTemplate, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.publicCars = new PublicCars(mongoTemplate);
        this.clock = clock;
    }

    /**
     * The unique (userId, carId) index makes a favourite unique per user and car, also on MongoDB 7 where two
     * concurrent first PUTs race; (userId, addedAt, _id) serves the list, newest first.
     */
    @PostConstruct
    void ensureIndexes() {
        mongoTemplate.indexOps(FavoriteEntry.class).createIndex(new Index(Fields.USER_ID, Sort.Direction.ASC)
                .on(Fields.CAR_ID, Sort.Direction.ASC).unique().named("unique_user_car"));
        mongoTemplate.indexOps(FavoriteEntry.class).createIndex(new Index(Fields.USER_ID, Sort.Direction.ASC)
                .on(Fields.ADDED_AT, Sort.Direction.DESC).on(Fields.ID, Sort.Direction.DESC)
                .named("user_newest_first"));
    }

    /** The outcome of adding: whether this call created the favourite, and the favourite as listed. */
    public record Added(boolean created, FavoriteView favorite) {
    }

    /**
     * Makes a publicly listed car a favourite of the user.
     *
     * @return empty if the car is not in the public search (unknown, withdrawn or sold)
     */
    public Optional<Added> add(String userId, String carId) {
        Optional<Document> car = publicCars.findPublic(carId);
        if (car.isEmpty()) {
            return Optional.empty();
        }
        FavoriteCar displayData = PublicCars.displayDataOf(car.get());
        Document displayDocument = new Document();
        mongoTemplate.getConverter().write(displayData, displayDocument);
        displayDocument.remove("_class");
        Update update = new Update()
                .setOnInsert(Fields.USER_ID, userId)
                .setOnInsert(Fields.CAR_ID, carId)
                .setOnInsert(Fields.ADDED_AT, clock.instant())
                .set(Fields.CAR, displayDocument);
        Query favorite = Query.query(where(Fields.ID).is(FavoriteEntry.idOf(userId, carId)));
        boolean created;
        try {
            created = mongoTemplate.upsert(favorite, update, FavoriteEntry.class).getUpsertedId() != null;
        } catch (DuplicateKeyException concurrentFirstPut) {
            created = false;
            mongoTemplate.updateFirst(favorite, update, FavoriteEntry.class);
        }
        FavoriteEntry stored = mongoTemplate.findOne(favorite, FavoriteEntry.class);
        return Optional.of(new Added(created, stored.view(displayData, PublicCars.statusOf(car.get()))));
    }

    /** Idempotent: removing a favourite that is not there changes nothing. */
    public void remove(String userId, String carId) {
        mongoTemplate.remove(Query.query(where(Fields.ID).is(FavoriteEntry.idOf(userId, carId))),
                FavoriteEntry.class);
    }
}
