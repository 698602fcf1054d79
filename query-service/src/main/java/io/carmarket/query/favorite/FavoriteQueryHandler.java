package io.carmarket.query.favorite;

import io.carmarket.api.favorites.FavoriteList;
import io.carmarket.api.favorites.FavoritePage;
import io.carmarket.api.favorites.FavoriteView;
import io.carmarket.query.booking.NewestFirstCursor;
import io.carmarket.query.favorite.FavoriteEntry.Fields;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A user's favourites, most recently added first, each with the car's current public data and state from the
 * search read model (or the data kept when it was added, once the car has left the search).
 */
@Component
public class FavoriteQueryHandler {

    public static final String CURSOR_KIND = "favorites";

    private final MongoTemplate mongoTemplate;
    private final PublicCars publicCars;

    public FavoriteQueryHandler(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
        this.publicCars = new PublicCars(mongoTemplate);
    }

    @QueryHandler
    public FavoritePage favorites(FavoriteList list) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(where(Fields.USER_ID).is(list.userId()));
        if (list.cursor() != null) {
            filters.add(NewestFirstCursor.decode(list.cursor(), CURSOR_KIND).itemsAfter(Fields.ADDED_AT));
        }
        Query query = Query.query(new Criteria().andOperator(filters))
                .with(NewestFirstCursor.order(Fields.ADDED_AT)).limit(list.limit() + 1);
        List<FavoriteEntry> found = mongoTemplate.find(query, FavoriteEntry.class);

        boolean hasMore = found.size() > list.limit();
        List<FavoriteEntry> page = hasMore ? found.subList(0, list.limit()) : found;
        Map<String, Document> cars = publicCars.findAll(page.stream().map(FavoriteEntry::carId).toList());
        List<FavoriteView> items = page.stream().map(favorite -> {
            Document car = cars.get(favorite.carId());
            return favorite.view(car == null ? null : PublicCars.displayDataOf(car), PublicCars.statusOf(car));
        }).toList();
        String nextCursor = null;
        if (hasMore) {
            FavoriteEntry last = page.get(page.size() - 1);
            nextCursor = NewestFirstCursor.after(CURSOR_KIND, last.addedAt(), last.id()).encode();
        }
        return new FavoritePage(items, nextCursor);
    }
}
