package io.carmarket.query.favorite;

import io.carmarket.api.car.CarStatus;
import io.carmarket.api.favorites.FavoriteList;
import io.carmarket.api.favorites.FavoritePage;
import io.carmarket.api.favorites.FavoriteView;
import io.carmarket.query.EmbeddedMongo;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Favourites against the embedded MongoDB, with cars written into the search collection as plain documents (the
 * favourites read it by collection name and the stable fields only).
 */
class FavoritesTest {

    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private FavoriteQueryHandler queries;

    @BeforeEach
    void cars() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), FavoriteEntry.class);
        mongoTemplate.getCollection(PublicCars.COLLECTION).deleteMany(new Document());
        queries = new FavoriteQueryHandler(mongoTemplate);
        favoritesAt(T0).ensureIndexes();
        searchEntry("golf", "LISTED", "Volkswagen", "Golf");
        searchEntry("x3", "RESERVED", "BMW", "X3");
        searchEntry("withdrawn", "WITHDRAWN", "Fiat", "Panda");
    }

    @Test
    void a_listed_car_becomes_a_favourite_once_however_often_it_is_put() {
        Favorites.Added first = favoritesAt(T0).add("alice", "golf").orElseThrow();
        Favorites.Added again = favoritesAt(T0.plusSeconds(60)).add("alice", "golf").orElseThrow();

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(mongoTemplate.count(new Query(), FavoriteEntry.class)).isEqualTo(1);
        assertThat(again.favorite().addedAt()).as("the first addition counts").isEqualTo(T0);
        assertThat(first.favorite()).satisfies(view -> {
            assertThat(view.make()).isEqualTo("Volkswagen");
            assertThat(view.model()).isEqualTo("Golf");
            assertThat(view.city()).isEqualTo("Berlin");
            assertThat(view.primaryImageUrl()).isEqualTo("https://img.example.com/golf-2.jpg");
            assertThat(view.dailyRate()).isEqualByComparingTo("49.50");
            assertThat(view.askingPrice()).isNull();
            assertThat(view.currency()).isEqualTo("EUR");
            assertThat(view.carStatus()).isEqualTo(CarStatus.LISTED);
            assertThat(view.available()).isTrue();
        });
    }

    @Test
    void a_reserved_car_can_be_a_favourite_but_is_not_available() {
        FavoriteView view = favoritesAt(T0).add("alice", "x3").orElseThrow().favorite();

        assertThat(view.carStatus()).isEqualTo(CarStatus.RESERVED);
        assertThat(view.available()).isFalse();
    }

    @Test
    void an_unknown_or_withdrawn_car_cannot_be_a_favourite() {
        assertThat(favoritesAt(T0).add("alice", "no-such-car")).isEmpty();
        assertThat(favoritesAt(T0).add("alice", "withdrawn")).isEmpty();
        assertThat(mongoTemplate.count(new Query(), FavoriteEntry.class)).isZero();
    }

    @Test
    void removing_is_idempotent_and_touches_only_the_users_own() {
        favoritesAt(T0).add("alice", "golf");
        favoritesAt(T0).add("bob", "golf");

        favoritesAt(T0).remove("alice", "golf");
        favoritesAt(T0).remove("alice", "golf");
        favoritesAt(T0).remove("alice", "never-added");

        assertThat(list("alice").items()).isEmpty();
        assertThat(list("bob").items()).extracting(FavoriteView::carId).containsExactly("golf");
    }

    @Test
    void the_list_is_the_users_own_newest_first_with_the_cars_current_state() {
        favoritesAt(T0).add("alice", "golf");
        favoritesAt(T0.plusSeconds(10)).add("alice", "x3");
        favoritesAt(T0.plusSeconds(20)).add("bob", "golf");
        mongoTemplate.getCollection(PublicCars.COLLECTION).updateOne(new Document("_id", "golf"),
                new Document("$set", new Document("status", "WITHDRAWN").append("model", "Golf GTI")));

        FavoritePage page = list("alice");

        assertThat(page.items()).extracting(FavoriteView::carId).containsExactly("x3", "golf");
        FavoriteView golf = page.items().get(1);
        assertThat(golf.model()).isEqualTo("Golf GTI");
        assertThat(golf.carStatus()).isEqualTo(CarStatus.WITHDRAWN);
        assertThat(golf.available()).isFalse();
    }

    @Test
    void a_car_gone_from_the_search_is_shown_as_it_was_when_added() {
        favoritesAt(T0).add("alice", "golf");
        mongoTemplate.getCollection(PublicCars.COLLECTION).deleteOne(new Document("_id", "golf"));

        FavoriteView golf = list("alice").items().get(0);

        assertThat(golf.make()).isEqualTo("Volkswagen");
        assertThat(golf.dailyRate()).isEqualByComparingTo("49.50");
        assertThat(golf.carStatus()).isNull();
        assertThat(golf.available()).isFalse();
    }

    @Test
    void pages_follow_one_another_with_the_cursor() {
        for (int i = 0; i < 5; i++) {
            searchEntry("car-" + i, "LISTED", "Make", "Model " + i);
            favoritesAt(T0.plusSeconds(i / 2)).add("alice", "car-" + i);
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            FavoritePage page = queries.favorites(new FavoriteList("alice", cursor, 2));
            page.items().forEach(item -> seen.add(item.carId()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).containsExactly("car-4", "car-3", "car-2", "car-1", "car-0");
    }

    @Test
    void the_unique_index_on_user_and_car_refuses_a_second_document_for_the_same_pair() {
        favoritesAt(T0).add("alice", "golf");

        assertThatThrownBy(() -> mongoTemplate.insert(new FavoriteEntry("another-id", "alice", "golf", T0, null)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    private FavoritePage list(String userId) {
        return queries.favorites(new FavoriteList(userId, null, 50));
    }

    private Favorites favoritesAt(Instant now) {
        return new Favorites(mongoTemplate, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A document as the search projection writes it (only the fields the favourites read). */
    private void searchEntry(String carId, String status, String make, String model) {
        mongoTemplate.getCollection(PublicCars.COLLECTION).insertOne(new Document("_id", carId)
                .append("version", 0L).append("status", status).append("make", make).append("model", model)
                .append("variant", "Base").append("year", 2022).append("city", "Berlin")
                .append("images", List.of(
                        new Document("url", "https://img.example.com/" + carId + "-1.jpg").append("primary", false),
                        new Document("url", "https://img.example.com/" + carId + "-2.jpg").append("primary", true)))
                .append("dailyRate", new Decimal128(new BigDecimal("49.50"))).append("currency", "EUR"));
    }
}
