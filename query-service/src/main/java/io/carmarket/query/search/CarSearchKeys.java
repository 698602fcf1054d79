package io.carmarket.query.search;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.Transmission;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What the car lists (search, similar and featured cars, make counts) filter and sort on: one small document per
 * public car (listed or reserved), a copy of these fields of its {@link CarSearchEntry} under the same names. The
 * projection copies them again whenever one of them can change, and removes them when the car leaves the market, so
 * the lists need no status condition and their cost does not grow with the sold and withdrawn cars of the past. The
 * lists find car ids here and then read the found cars' entries by id.
 * <p>
 * Why a second collection: the embedded MongoDB-wire server of the standalone builds no secondary index, so every
 * list query reads every document of its collection. A car's entry is several kilobytes (description, images,
 * booked periods); the H2 store holds about one per page and counts each at twice its serialized size, so 100,000
 * entries neither fit its 256 MB page cache nor scan cheaply. These documents are well under a kilobyte
 * (docs/read-models.md). On MongoDB 7 the indexes are on this collection, and the found entries are read by id.
 */
@Document(CarSearchKeys.COLLECTION)
public record CarSearchKeys(
        @Id String carId,
        boolean featured,
        String make,
        String makeKey,
        List<String> searchTokens,
        int year,
        BodyType bodyType,
        Transmission transmission,
        FuelType fuelType,
        int mileage,
        String cityKey,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal dailyRate,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal askingPrice,
        Instant listedAt) {

    public static final String COLLECTION = "car_search_keys";

    /** The fields copied from the entry, stored under the same names (all but the id). */
    static final List<String> COPIED_FIELDS = Arrays.stream(CarSearchKeys.class.getRecordComponents())
            .map(RecordComponent::getName).filter(name -> !name.equals("carId")).toList();

    public static CarSearchKeys of(CarSearchEntry car) {
        return new CarSearchKeys(car.carId(), car.featured(), car.make(), car.makeKey(),
                car.searchTokens(), car.year(), car.bodyType(), car.transmission(), car.fuelType(), car.mileage(),
                car.cityKey(), car.dailyRate(), car.askingPrice(), car.listedAt());
    }
}
