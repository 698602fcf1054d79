package io.carmarket.query.favorite;

import io.carmarket.api.car.CarStatus;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Reads the public search read model's collection directly (by name, without its classes, so this package does
 * not depend on the search package). Its collection name and the fields {@code _id} and {@code status} are a
 * stable contract; the display fields are read defensively (a missing or renamed one is just absent).
 */
final class PublicCars {

    static final String COLLECTION = "car_search";
    /** A car in these states is in the public search, so it can be made a favourite. */
    static final List<String> PUBLIC_STATUSES = List.of(CarStatus.LISTED.name(), CarStatus.RESERVED.name());

    private final MongoTemplate mongoTemplate;

    PublicCars(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    /**
     * The car, if it is publicly listed (LISTED or RESERVED). Read by {@code _id} alone and checked here: the
     * embedded server answers only an exact-key query from an index and would scan every car for {@code _id} plus
     * {@code status}.
     */
    Optional<Document> findPublic(String carId) {
        Document car = mongoTemplate.getCollection(COLLECTION).find(new Document("_id", carId)).first();
        return Optional.ofNullable(car).filter(found -> PUBLIC_STATUSES.contains(String.valueOf(found.get("status"))));
    }

    /** The search documents of these cars, in whatever state, by car id. */
    Map<String, Document> findAll(Collection<String> carIds) {
        Map<String, Document> found = new HashMap<>();
        if (carIds.isEmpty()) {
            return found;
        }
        for (Document car : mongoTemplate.getCollection(COLLECTION)
                .find(new Document("_id", new Document("$in", List.copyOf(carIds))))) {
            found.put(String.valueOf(car.get("_id")), car);
        }
        return found;
    }

    static FavoriteEntry.FavoriteCar displayDataOf(Document car) {
        return new FavoriteEntry.FavoriteCar(string(car, "make"), string(car, "model"), string(car, "variant"),
                integer(car, "year"), string(car, "city"), primaryImageUrl(car), decimal(car, "dailyRate"),
                decimal(car, "askingPrice"), string(car, "currency"));
    }

    static CarStatus statusOf(Document car) {
        Object status = car == null ? null : car.get("status");
        if (status == null) {
            return null;
        }
        try {
            return CarStatus.valueOf(status.toString());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String string(Document car, String field) {
        Object value = car.get(field);
        return value == null ? null : value.toString();
    }

    private static Integer integer(Document car, String field) {
        return car.get(field) instanceof Number number ? number.intValue() : null;
    }

    private static BigDecimal decimal(Document car, String field) {
        Object value = car.get(field);
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** The image marked primary, else the first one. */
    private static String primaryImageUrl(Document car) {
        if (!(car.get("images") instanceof List<?> images) || images.isEmpty()) {
            return null;
        }
        String first = null;
        for (Object image : images) {
            if (image instanceof Document document && document.get("url") != null) {
                if (Boolean.TRUE.equals(document.get("primary"))) {
                    return document.get("url").toString();
                }
                first = first == null ? document.get("url").toString() : first;
            }
        }
        return first;
    }
}
