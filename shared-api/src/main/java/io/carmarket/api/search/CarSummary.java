package io.carmarket.api.search;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.Transmission;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One car in a list of cars (search results, similar cars, featured cars). {@code available} is set only when a
 * search asked about a date range.
 */
public record CarSummary(
        String carId,
        String make,
        String model,
        String variant,
        int year,
        BodyType bodyType,
        Transmission transmission,
        FuelType fuelType,
        int mileage,
        String city,
        BigDecimal dailyRate,
        BigDecimal askingPrice,
        String currency,
        String primaryImageUrl,
        Instant listedAt,
        boolean featured,
        Boolean available) {
}
