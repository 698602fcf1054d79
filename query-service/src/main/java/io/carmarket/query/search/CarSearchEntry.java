package io.carmarket.query.search;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.BookingStatus;
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
 * The public search read model: one document per car, shaped for the search, the car page and its calendar. It
 * holds no VIN, licence plate, dealer or customer data, so no query can leak them. {@code version} is the sequence
 * number of the last event of the car applied to this document; it makes every update idempotent.
 * <p>
 * Derived fields kept in step with their source by the projection: {@code makeKey} and {@code cityKey} (see
 * {@link SearchText#key}) for equality filters, {@code searchTokens} (see {@link SearchText#tokens}) for the free
 * text search. {@code bookedPeriods} holds the live bookings as ISO dates ({@code yyyy-MM-dd} orders like the
 * calendar); {@code handoverDate} (ISO date) is set while the car is RESERVED for purchase. {@code timeZone} is the
 * car's zone id, which decides what "today" is for its calendar.
 */
@Document(CarSearchEntry.COLLECTION)
public record CarSearchEntry(
        @Id String carId,
        long version,
        CarStatus status,
        Boolean featured,
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
        String city,
        String cityKey,
        Double latitude,
        Double longitude,
        String timeZone,
        List<CarImage> images,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal dailyRate,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal askingPrice,
        String currency,
        int maxBookingDays,
        Instant listedAt,
        String handoverDate,
        List<BookedPeriod> bookedPeriods) {

    public static final String COLLECTION = "car_search";

    /** Cars in these states appear in the public search and have a public page. */
    static final List<CarStatus> PUBLIC_STATUSES = List.of(CarStatus.LISTED, CarStatus.RESERVED);

    public CarSearchEntry {
        // Boxed so that a document written before the flag existed reads as not featured instead of failing.
        featured = Boolean.TRUE.equals(featured);
        searchTokens = searchTokens == null ? List.of() : searchTokens;
        features = features == null ? List.of() : features;
        images = images == null ? List.of() : images;
        bookedPeriods = bookedPeriods == null ? List.of() : bookedPeriods;
    }

    /** The price the car is compared by when nothing else is asked: its daily rate, else its asking price. */
    BigDecimal referencePrice() {
        return dailyRate != null ? dailyRate : askingPrice;
    }

    /**
     * A live booking's dates and status, without who booked: {@code [start, end)} as ISO dates. A status missing
     * from a document written before statuses were stored means CONFIRMED.
     */
    public record BookedPeriod(String bookingId, String start, String end, BookingStatus status) {

        boolean overlaps(String otherStart, String otherEnd) {
            return start.compareTo(otherEnd) < 0 && otherStart.compareTo(end) < 0;
        }

        /** Whether this booking holds the night of {@code day} (an ISO date). */
        boolean holds(String day) {
            return start.compareTo(day) <= 0 && day.compareTo(end) < 0;
        }

        boolean pending() {
            return status == BookingStatus.PENDING_APPROVAL;
        }
    }

    /** Field names as stored, for queries and updates. */
    static final class Fields {
        static final String ID = "_id";
        static final String VERSION = "version";
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
        static final String CITY = "city";
        static final String CITY_KEY = "cityKey";
        static final String LATITUDE = "latitude";
        static final String LONGITUDE = "longitude";
        static final String TIME_ZONE = "timeZone";
        static final String IMAGES = "images";
        static final String DAILY_RATE = "dailyRate";
        static final String ASKING_PRICE = "askingPrice";
        static final String MAX_BOOKING_DAYS = "maxBookingDays";
        static final String LISTED_AT = "listedAt";
        static final String HANDOVER_DATE = "handoverDate";
        static final String BOOKED_PERIODS = "bookedPeriods";
        static final String BOOKING_ID = "bookingId";
        /** The matched element of {@code bookedPeriods} in an update whose filter names a booking id. */
        static final String PERIOD_START = "start";
        static final String PERIOD_END = "end";
        static final String PERIOD_STATUS = "status";

        private Fields() {
        }
    }
}
