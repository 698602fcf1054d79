package io.carmarket.query.inventory;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.Transmission;
import io.carmarket.api.inventory.DealerCarView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The dealer's inventory read model: one document per car, in every state, with the private fields (VIN, licence
 * plate) the public search never stores. {@code version} is the sequence number of the last event of the car applied
 * to it (idempotence, {@link io.carmarket.query.common.VersionGuard}).
 * <p>
 * Derived fields, kept in step with their source: {@code makeKey} (the make folded as the public search folds it) for
 * the make filter and sort; {@code searchTokens} (the words of make, model, variant, VIN and plate, plus the VIN's
 * last six characters) for {@code q}; {@code dailyRateRank} and {@code askingPriceRank} (0 when the car has that
 * price, 1 when not) so that a price sort puts the cars without it last in either direction and every sort key of
 * the cursor is a plain value. {@code handoverDate} is an ISO date; {@code timeZone} decides what "today" is for the
 * car's live bookings.
 */
@Document(DealerCarEntry.COLLECTION)
public record DealerCarEntry(
        @Id String carId,
        long version,
        String dealerId,
        CarStatus status,
        boolean featured,
        String make,
        String makeKey,
        String model,
        String variant,
        List<String> searchTokens,
        int year,
        BodyType bodyType,
        Transmission transmission,
        FuelType fuelType,
        int mileage,
        String color,
        int seats,
        List<String> features,
        String description,
        String vin,
        String licensePlate,
        String city,
        String timeZone,
        List<CarImage> images,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal dailyRate,
        int dailyRateRank,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal askingPrice,
        int askingPriceRank,
        String currency,
        int maxBookingDays,
        String reservationId,
        String handoverDate,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal soldPrice,
        Instant listedAt,
        Instant updatedAt) {

    public static final String COLLECTION = "dealer_inventory";

    public DealerCarEntry {
        searchTokens = searchTokens == null ? List.of() : searchTokens;
        features = features == null ? List.of() : features;
        images = images == null ? List.of() : images;
    }

    DealerCarView view() {
        return new DealerCarView(carId, dealerId, status, featured, make, model, variant, year, bodyType,
                transmission, fuelType, mileage, color, seats, features, description, vin, licensePlate, city, images,
                dailyRate, askingPrice, currency, maxBookingDays, reservationId,
                handoverDate == null ? null : LocalDate.parse(handoverDate), soldPrice, listedAt, updatedAt);
    }

    /** The rank of a price for sorting: cars that have it before those that do not. */
    static int rankOf(BigDecimal price) {
        return price == null ? 1 : 0;
    }

    /** Field names as stored, for queries and updates. */
    static final class Fields {
        static final String ID = "_id";
        static final String DEALER_ID = "dealerId";
        static final String STATUS = "status";
        static final String FEATURED = "featured";
        static final String MAKE = "make";
        static final String MAKE_KEY = "makeKey";
        static final String MODEL = "model";
        static final String VARIANT = "variant";
        static final String SEARCH_TOKENS = "searchTokens";
        static final String YEAR = "year";
        static final String BODY_TYPE = "bodyType";
        static final String TRANSMISSION = "transmission";
        static final String FUEL_TYPE = "fuelType";
        static final String MILEAGE = "mileage";
        static final String COLOR = "color";
        static final String SEATS = "seats";
        static final String FEATURES = "features";
        static final String DESCRIPTION = "description";
        static final String VIN = "vin";
        static final String LICENSE_PLATE = "licensePlate";
        static final String CITY = "city";
        static final String TIME_ZONE = "timeZone";
        static final String IMAGES = "images";
        static final String DAILY_RATE = "dailyRate";
        static final String DAILY_RATE_RANK = "dailyRateRank";
        static final String ASKING_PRICE = "askingPrice";
        static final String ASKING_PRICE_RANK = "askingPriceRank";
        static final String MAX_BOOKING_DAYS = "maxBookingDays";
        static final String RESERVATION_ID = "reservationId";
        static final String HANDOVER_DATE = "handoverDate";
        static final String SOLD_PRICE = "soldPrice";
        static final String LISTED_AT = "listedAt";
        static final String UPDATED_AT = "updatedAt";

        private Fields() {
        }
    }
}
