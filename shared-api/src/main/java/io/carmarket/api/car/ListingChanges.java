package io.carmarket.api.car;

import java.math.BigDecimal;
import java.util.List;

/**
 * The changed parts of a listing; {@code null} means unchanged. Lists replace the whole list. The currency, VIN and
 * licence plate of a car do not change; a price can be changed but not removed.
 */
public record ListingChanges(
        String make,
        String model,
        String variant,
        Integer year,
        BodyType bodyType,
        Transmission transmission,
        FuelType fuelType,
        Integer mileage,
        String color,
        Integer seats,
        List<String> features,
        String description,
        Location location,
        List<CarImage> images,
        BigDecimal dailyRate,
        BigDecimal askingPrice,
        Integer maxBookingDays) {

    public boolean changesNothing() {
        return make == null && model == null && variant == null && year == null && bodyType == null
                && transmission == null && fuelType == null && mileage == null && color == null && seats == null
                && features == null && description == null && location == null && images == null
                && dailyRate == null && askingPrice == null && maxBookingDays == null;
    }
}
