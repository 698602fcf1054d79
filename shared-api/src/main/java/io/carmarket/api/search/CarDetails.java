package io.carmarket.api.search;

import io.carmarket.api.car.CarDescription;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.DateRange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The public page of one car. It carries no VIN, licence plate or dealer data by construction.
 * {@code bookedPeriods} are the live bookings' dates, without who booked them.
 */
public record CarDetails(
        String carId,
        CarStatus status,
        CarDescription description,
        String city,
        Double latitude,
        Double longitude,
        List<CarImage> images,
        BigDecimal dailyRate,
        BigDecimal askingPrice,
        String currency,
        int maxBookingDays,
        Instant listedAt,
        List<DateRange> bookedPeriods) {
}
