package io.carmarket.query.favorite;

import io.carmarket.api.car.CarStatus;
import io.carmarket.api.favorites.FavoriteView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A user's favourite car. Favourites are user data owned by the read side, not events: see
 * docs/read-models-user.md. {@code car} is the car's display data as of the last PUT, shown once the car has left
 * the public search. The id is {@code userId:carId}; a unique index on (userId, carId) backs it.
 */
@Document(FavoriteEntry.COLLECTION)
public record FavoriteEntry(
        @Id String id,
        String userId,
        String carId,
        Instant addedAt,
        FavoriteCar car) {

    public static final String COLLECTION = "favorites";

    static String idOf(String userId, String carId) {
        return userId + ":" + carId;
    }

    /** What a favourites list shows of a car. */
    public record FavoriteCar(String make, String model, String variant, Integer year, String city,
                              String primaryImageUrl,
                              @Field(targetType = FieldType.DECIMAL128) BigDecimal dailyRate,
                              @Field(targetType = FieldType.DECIMAL128) BigDecimal askingPrice,
                              String currency) {
    }

    /**
     * @param current the car's current display data, or null once the public search no longer has it
     * @param status  the car's current state, or null when unknown
     */
    FavoriteView view(FavoriteCar current, CarStatus status) {
        FavoriteCar shown = current != null ? current : car;
        if (shown == null) {
            shown = new FavoriteCar(null, null, null, null, null, null, null, null, null);
        }
        return new FavoriteView(carId, shown.make(), shown.model(), shown.variant(), shown.year(), shown.city(),
                shown.primaryImageUrl(), shown.dailyRate(), shown.askingPrice(), shown.currency(), status,
                status == CarStatus.LISTED, addedAt);
    }

    static final class Fields {
        static final String ID = "_id";
        static final String USER_ID = "userId";
        static final String CAR_ID = "carId";
        static final String ADDED_AT = "addedAt";
        static final String CAR = "car";

        private Fields() {
        }
    }
}
