package io.carmarket.query.search;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.Transmission;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The public search read model: one document per car, shaped for the search and the car page. It holds no VIN,
 * licence plate or dealer data, so no query can leak them. {@code version} is the sequence number of the last
 * event of the car applied to this document; it makes every update idempotent.
 * <p>
 * {@code bookedPeriods} holds the live bookings as ISO dates ({@code yyyy-MM-dd} orders like the calendar).
 */
@Document(CarSearchEntry.COLLECTION)
public record CarSearchEntry(
        @Id String carId,
        long version,
        CarStatus status,
        String make,
        String makeKey,
        String model,
        String variant,
        int year,
        BodyType bodyType,
        Transmission transmission,
        FuelType fuelType,
        int mileage,
        String color,
        int seats,
        List<String> features,
        String description,
        String city,
        Double latitude,
        Double longitude,
        List<CarImage> images,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal dailyRate,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal askingPrice,
        String currency,
        int maxBookingDays,
        Instant listedAt,
        List<BookedPeriod> bookedPeriods) {

    public static final String COLLECTION = "car_search";

    public CarSearchEntry {
        features = features == null ? List.of() : features;
        images = images == null ? List.of() : images;
        bookedPeriods = bookedPeriods == null ? List.of() : bookedPeriods;
    }

    /** A live booking's dates, without who booked: {@code [start, end)} as ISO dates. */
    public record BookedPeriod(String bookingId, String start, String end) {

        boolean overlaps(String otherStart, String otherEnd) {
            return start.compareTo(otherEnd) < 0 && otherStart.compareTo(end) < 0;
        }
    }

    /** Field names as stored, for queries and updates. */
    static final class Fields {
        static final String ID = "_id";
        static final String VERSION = "version";
        static final String STATUS = "status";
        static final String MAKE_KEY = "makeKey";
        static final String YEAR = "year";
        static final String MILEAGE = "mileage";
        static final String DAILY_RATE = "dailyRate";
        static final String ASKING_PRICE = "askingPrice";
        static final String LISTED_AT = "listedAt";
        static final String BOOKED_PERIODS = "bookedPeriods";
        static final String BOOKING_ID = "bookingId";

        private Fields() {
        }
    }
}
