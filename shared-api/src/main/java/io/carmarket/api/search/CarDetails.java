package io.carmarket.api.search;

import io.carmarket.api.car.CarDescription;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.DateRange;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public page of one car. It carries no VIN, licence plate or dealer data by construction.
 * {@code bookedPeriods} are the live bookings' dates, without who booked them (the availability calendar tells
 * which of them await the dealer's approval). {@code handoverDate} is set while the car is RESERVED for purchase:
 * no booking can start after it.
 */
public record CarDetails(
        String carId,
        CarStatus status,
        boolean featured,
        CarDescription description,
        String city,
        Double latitude,
        Double longitude,
        String timeZone,
        List<CarImage> images,
        BigDecimal dailyRate,
        BigDecimal askingPrice,
        String currency,
        int maxBookingDays,
        Instant listedAt,
        LocalDate handoverDate,
        List<DateRange> bookedPeriods) {
}
