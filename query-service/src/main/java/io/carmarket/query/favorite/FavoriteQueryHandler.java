package io.carmarket.query.favorite;

import io.carmarket.api.favorites.FavoriteList;
import io.carmarket.api.favorites.FavoritePage;
import io.carmarket.api.favorites.FavoriteView;
import io.carmarket.query.common.NewestFirstList;
import io.carmarket.query.favorite.FavoriteEntry.Fields;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

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

    private final NewestFirstList<FavoriteEntry> list;
    private final PublicCars publicCars;

    public FavoriteQueryHandler(MongoTemplate mongoTemplate) {
        this.list = new NewestFirstList<>(mongoTemplate, CURSOR_KIND, FavoriteEntry.class, Fields.ADDED_AT,
                FavoriteEntry::addedAt, FavoriteEntry::id);
        this.publicCars = new PublicCars(mongoTemplate);
    }

    @QueryHandler
    public FavoritePage favorites(FavoriteList query) {
        NewestFirstList.Page<FavoriteEntry> page = list.page(
                List.of(where(Fields.USER_ID).is(query.userId())), query.cursor(), query.limit());
        Map<String, Document> cars = publicCars.findAll(page.items().stream().map(FavoriteEntry::carId).toList());
        List<FavoriteView> items = page.items().stream().map(favorite -> {
            Document car = cars.get(favorite.carId());
            return favorite.view(car == null ? null : PublicCars.displayDataOf(car), PublicCars.statusOf(car));
        }).toList();
        return new FavoritePage(items, page.nextCursor());
    }
}
